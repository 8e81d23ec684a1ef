/**
 * What the learning-rate advice, the divergence explanation and the rescue say about the
 * rate in force, from one count of the points a step trains on: the data in force (the
 * learner's own or the generated points) less its held-out points, never config.points;
 * and from how the run learns (the batch, sum or mean, the optimizer: core/stability.ts).
 */
import { learningRateRisky, rescueLearningRate, suggestedLearningRate } from '../../core/stability';
import type { OptimizerName, Reduction } from '../../core/trainingOptions';
import type { AppState } from '../store';
import { runDataFor, splitRunData } from '../views/runData';

type AdviceInput = Pick<AppState, 'config' | 'customData'>;

export interface RateAdvice {
  /** The training points (held-out ones are never trained on). */
  points: number;
  /** Points in a step's batch: the batch size clamped to the training points. */
  batch: number;
  reduction: Reduction;
  optimizer: OptimizerName;
  /** The momentum optimizer's m (what the advice says of it only for that optimizer). */
  momentum: number;
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

/** The points a step trains on in the data in force: its training points. */
export function trainingPointsFor({ config, customData }: AdviceInput): number {
  return splitRunData(runDataFor(config, customData)).train.x.length;
}

/** The advice for the settings and data in the store. Pure in its argument. */
export function rateAdviceFor(state: AdviceInput): RateAdvice {
  const { config } = state;
  const points = trainingPointsFor(state);
  const { learningRate, layers, batchSize, reduction, optimizer, momentum } = config;
  const suggestion = suggestedLearningRate(points, config);
  return {
    points,
    batch: Math.min(batchSize ?? points, points),
    reduction,
    optimizer,
    momentum,
    layers,
    learningRate,
    suggestion,
    times: Math.round(learningRate / suggestion),
    risky: learningRateRisky(learningRate, points, config),
    rescue: rescueLearningRate(learningRate, points, config),
  };
}
