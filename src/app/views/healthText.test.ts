import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from '../../core/activations';
import { unpackParams } from '../../core/insight';
import { unitHealth } from '../../core/unitHealth';
import { messagesFor } from '../i18n';
import { deepHealthNote, healthText, layerHealthText } from './healthText';

/**
 * Ten units, four of them with z < -3 on all of [-1, 1] (w1 = 1, b1 = -5): dead, saturated, flat or leaky as the
 * activation has it. As sine units, those four (z in [-6, -4] holds -3pi/2) and the five with w1 = 2 (z in about
 * [-2, 2] holds pi/2) turn within the data; the last (z in [-0.4, 0.6]) does not.
 */
function health(act: ActivationName) {
  const w1 = [1, 1, 1, 1, 2, 2, 2, 2, 2, 0.5];
  const b1 = [-5, -5, -5, -5, 0, 0.5, -0.5, 0.2, -0.2, 0.1];
  const p = unpackParams(Float32Array.from([...w1, ...b1, ...Array<number>(10).fill(1), 0]));
  return unitHealth(p, act, [-1, -0.5, 0, 0.5, 1]);
}

/** What each activation's line must say, per language: the kind of unit it counts. */
const COUNTS: Record<'en' | 'zh', Record<ActivationName, RegExp>> = {
  en: {
    none: /^No activation: units never die or saturate/,
    relu: /^Dead units: 4 of 10 \(grey\)/,
    tanh: /^Saturated units: 4 of 10 \(grey\).*tanh′ < 0\.01/,
    sigmoid: /^Saturated units: 4 of 10 \(grey\).*σ′ < 0\.05/,
    'leaky-relu': /^Units in the leaky region: 4 of 10 \(grey\).*never dead/,
    elu: /^Units flat on the negative side: 4 of 10 \(grey\).*never saturates/,
    softplus: /^Nearly dead units: 4 of 10 \(grey\).*can come back/,
    sine: /^Sine units never die or saturate.*: 9 of 10\.$/,
  },
  zh: {
    none: /^无激活函数：单元不会死亡或饱和/,
    relu: /^死亡单元：4 \/ 10（灰色）/,
    tanh: /^饱和单元：4 \/ 10（灰色）.*tanh′ < 0\.01/,
    sigmoid: /^饱和单元：4 \/ 10（灰色）.*σ′ < 0\.05/,
    'leaky-relu': /^处于泄漏区的单元：4 \/ 10（灰色）.*永远不会死亡/,
    elu: /^负半轴上变平的单元：4 \/ 10（灰色）.*永远不会饱和/,
    softplus: /^几乎死亡的单元：4 \/ 10（灰色）.*慢慢恢复/,
    sine: /^正弦单元不会死亡也不会饱和.*：9 \/ 10。$/,
  },
};

describe('the health line', () => {
  for (const language of ['en', 'zh'] as const) {
    it(`says for each activation what its count truly counts, with the computed count (${language})`, () => {
      const t = messagesFor(language);
      for (const act of ACTIVATIONS) {
        const text = healthText(t, act, health(act), 10);
        expect(text, act).toMatch(COUNTS[language][act]);
        expect(text, act).not.toMatch(/leaky-relu|\bsoftplus\b|\belu\b/);
      }
      // Neither sine nor leaky ReLU is ever called flat or saturated.
      for (const act of ['sine', 'leaky-relu'] as const)
        expect(healthText(t, act, health(act), 10)).not.toMatch(
          /is (nearly )?flat|Saturated|饱和单元|几乎是平的/,
        );
    });
  }
});

describe('the health lines at depth', () => {
  for (const language of ['en', 'zh'] as const) {
    it(`count per layer in the sense of the activation, and explain without claiming what is false deeper down (${language})`, () => {
      const t = messagesFor(language);
      for (const act of ACTIVATIONS) {
        const line = layerHealthText(t, act, health(act), 10);
        if (act === 'none')
          expect(line).toMatch(language === 'en' ? /^10 linear units: none/ : /^10 个线性单元/);
        else if (act === 'sine')
          expect(line).toMatch(language === 'en' ? /: 9 of 10$/ : /：9 \/ 10$/);
        else {
          // The count of the one-layer sentence, in the same words.
          const full = healthText(t, act, health(act), 10);
          expect(full.startsWith(line), `${act}: "${full}" begins with "${line}"`).toBe(true);
        }
        expect(deepHealthNote(t, act).length, act).toBeGreaterThan(30);
      }
      // A deeper dead ReLU can come back when the layers below it change: only layer 1's cannot.
      const relu = deepHealthNote(t, 'relu');
      expect(relu).toMatch(language === 'en' ? /In layer 1 no step/ : /在第 1 层/);
      expect(relu).toMatch(language === 'en' ? /layers below it can/ : /下面各层的变化才能/);
      for (const act of ['sine', 'leaky-relu'] as const)
        expect(layerHealthText(t, act, health(act), 10)).not.toMatch(/Saturated|饱和单元/);
    });
  }
});
