/**
 * The lesson line: what one hidden unit of the chosen activation is, then what that means
 * for the data in use. Pure, so every activation and dataset can be checked in both languages.
 */
import type { ActivationName } from '../core/activations';
import type { DatasetName } from '../core/dataset';
import type { Messages } from './i18n';

/** The data the lesson speaks of: a generated dataset, or the learner's own points. */
export type LessonData = DatasetName | 'own';

/** The sentence on this data: a few pairings have a sharper truth than the general one. */
function dataSentence(t: Messages, act: ActivationName, data: LessonData): string {
  if (act === 'none') return t.lessonLine[data];
  if (act === 'relu' && data === 'quadratic') return t.lessonReluSquare;
  if ((act === 'relu' || act === 'leaky-relu') && data === 'abs') return t.lessonHingesAbs;
  if ((act === 'tanh' || act === 'sigmoid') && data === 'step') return t.lessonStepUnits;
  if (act === 'sine' && data === 'sine') return t.lessonSineSine;
  return t.lessonBends[data];
}

/**
 * The lesson line for `depth` hidden layers. At depth a later layer's unit is the activation
 * of a sum of the layer below, not of w1·x + b1, so the one-layer sentences (and the tutorial's
 * sharper truths) do not hold there and deeper networks get their own.
 */
export function lessonText(t: Messages, act: ActivationName, data: LessonData, depth = 1): string {
  if (depth === 1) return t.lessonJoin(t.lessonUnit[act], dataSentence(t, act, data));
  const sum = act === 'none' ? t.lessonLine[data] : t.lessonDeepSum(t.lessonDeepTarget[data]);
  return t.lessonJoin(t.lessonDeepUnit[act], sum);
}
