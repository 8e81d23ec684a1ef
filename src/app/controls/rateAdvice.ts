/**
 * What the learning-rate advice, the divergence explanation and the rescue say about the
 * rate in force, from one count of the points a step trains on: the data in force (the
 * learner's own or the generated points) less its held-out points, never config.points.
 */
import { learningRateRisky, rescueLearningRate, suggestedLearningRate } from '../../core/stability';
import type { AppState } from '../store';
import { runDataFor, splitRunData } from '../views/runData';

export interface RateAdvice {
  /** Points a step sums its gradient over. */
  points: number;
  layers: readonly number[];
  learningRate: number;
  /** A rate that trains safely at this size. */
  suggestion: number;
  /** learningRate / suggestion, rounded (0 when the rate is below the suggestion). */
  times: number;
  /** Whether the advice warns that this rate may blow up. */
  risky: boolean;
  /** The rate a rescue goes on with after divergence at this rate. */
  rescue: number;
}

/** The advice for the settings and data in the store. Pure in its argument. */
export function rateAdviceFor({
  config,
  customData,
}: Pick<AppState, 'config' | 'customData'>): RateAdvice {
  const points = splitRunData(runDataFor(config, customData)).train.x.length;
  const { learningRate, layers } = config;
  const suggestion = suggestedLearningRate(points, config);
  return {
    points,
    layers,
    learningRate,
    suggestion,
    times: Math.round(learningRate / suggestion),
    risky: learningRateRisky(learningRate, points, config),
    rescue: rescueLearningRate(learningRate, points, config),
  };
}
