import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../core/activations';
import { DATASETS } from '../core/dataset';
import { messagesFor } from './i18n';
import { lessonText, type LessonData } from './lessonText';

const DATA: readonly LessonData[] = [...DATASETS, 'own'];
/** One hidden layer (the tutorial's sentences) and deeper networks (their own). */
const DEPTHS = [1, 2, 4] as const;

/** Words that show which data a sentence is about, per language. */
const NAMES_DATA: Record<'en' | 'zh', Record<LessonData, RegExp>> = {
  en: {
    linear: /line/,
    quadratic: /x²/,
    sine: /sin\(πx\)/,
    abs: /\|x\|/,
    step: /step|jump/,
    cubic: /x³/,
    custom: /expression/,
    own: /points/,
  },
  zh: {
    linear: /直线/,
    quadratic: /x²/,
    sine: /sin\(πx\)/,
    abs: /\|x\|/,
    step: /阶跃|跳/,
    cubic: /x³/,
    custom: /表达式/,
    own: /数据点/,
  },
};

/** Activation ids that are not also a name in that language: they must never show. */
const RAW_IDS: Record<'en' | 'zh', RegExp> = {
  en: /leaky-relu|\brelu\b|\belu\b|\bsoftplus\b/,
  zh: /leaky|\bnone\b|\brelu\b|\belu\b|\bsoftplus\b|\bsigmoid\b|\bsine\b/,
};

describe('the lesson line', () => {
  for (const language of ['en', 'zh'] as const) {
    const t = messagesFor(language);
    it(`names the chosen activation first and speaks of the data in use, for every pairing (${language})`, () => {
      for (const act of ACTIVATIONS) {
        for (const [data, depth] of DATA.flatMap((d) => DEPTHS.map((k) => [d, k] as const))) {
          const text = lessonText(t, act, data, depth);
          expect(text.startsWith(t.activationNames[act]), `${act} / ${data}: ${text}`).toBe(true);
          expect(text, `${act} / ${data}`).toMatch(NAMES_DATA[language][data]);
          expect(text, `${act} / ${data}`).not.toMatch(RAW_IDS[language]);
          // The parabola is named only where the data is the parabola (the sine data once read "cannot bend to fit x²").
          if (data !== 'quadratic') expect(text, `${act} / ${data}`).not.toMatch(/x²/);
          // No other activation's name stands at the head of the sentence (leaky ReLU once read "Sigmoid: …").
          for (const other of ACTIVATIONS)
            if (other !== act && !t.activationNames[act].startsWith(t.activationNames[other]))
              expect(text.startsWith(t.activationNames[other])).toBe(false);
        }
      }
    });

    it(`gives each activation and each dataset its own sentence (${language})`, () => {
      for (const depth of DEPTHS) {
        for (const act of ACTIVATIONS)
          expect(new Set(DATA.map((d) => lessonText(t, act, d, depth))).size, act).toBe(
            DATA.length,
          );
        for (const data of DATA)
          expect(new Set(ACTIVATIONS.map((a) => lessonText(t, a, data, depth))).size, data).toBe(
            ACTIVATIONS.length,
          );
      }
    });

    it(`at depth never speaks of one layer's w1·x + b1 units, b2 or the tutorial's network (${language})`, () => {
      for (const act of ACTIVATIONS)
        for (const data of DATA) {
          const deep = lessonText(t, act, data, 3);
          expect(deep, `${act} / ${data}`).not.toMatch(
            /w1·x \+ b1|\bb2\b|tutorial’s network|教程中的网络/,
          );
          expect(deep, `${act} / ${data}`).not.toBe(lessonText(t, act, data, 1));
        }
    });
  }

  it('says a line cannot bend only when there is no activation, and that a line suffices only for the line', () => {
    const t = messagesFor('en');
    for (const data of DATA) {
      const none = lessonText(t, 'none', data);
      if (data === 'linear') expect(none).toMatch(/all it needs/);
      else expect(none).toMatch(/cannot|only as well as a straight line/);
      for (const act of ACTIVATIONS.filter((a) => a !== 'none'))
        expect(lessonText(t, act, data)).not.toMatch(/cannot bend|only as well as a straight line/);
    }
  });

  it('keeps the sharper truths for the pairings that have one', () => {
    const t = messagesFor('en');
    expect(lessonText(t, 'relu', 'quadratic')).toMatch(/tutorial’s network fits x²/);
    expect(lessonText(t, 'relu', 'abs')).toMatch(/Two hinges make \|x\| exactly/);
    expect(lessonText(t, 'leaky-relu', 'abs')).toMatch(/Two hinges make \|x\| exactly/);
    expect(lessonText(t, 'elu', 'abs')).toMatch(/rounded/);
    expect(lessonText(t, 'sigmoid', 'step')).toMatch(/One steep unit/);
    expect(lessonText(t, 'sine', 'sine')).toMatch(/itself one sine unit/);
    expect(lessonText(t, 'tanh', 'sine')).not.toMatch(/itself one sine unit/);
  });
});
