/**
 * How a network's starting weights are drawn. Every scheme draws each layer's weights as
 * `np.random.normal(loc=0, scale=s, size=[in, out])` and then fills its biases, layer by
 * layer from the input, after the data's noise: a numpy script replays the draws exactly.
 */
export const INITS = ['tutorial', 'glorot', 'he'] as const;
export type InitName = (typeof INITS)[number];

export function isInit(value: unknown): value is InitName {
  return typeof value === 'string' && (INITS as readonly string[]).includes(value);
}

/** Standard deviation of the tutorial's weights (its `layer()`: normal(0, 0.1)). */
export const TUTORIAL_WEIGHT_SCALE = 0.1;
/** The tutorial's starting bias, 0.1 for every unit. */
export const TUTORIAL_BIAS = 0.1;

/**
 * Standard deviation of a layer's starting weights. Glorot (Xavier) keeps the variance of
 * activations and gradients alike through a layer; He doubles it for ReLU, which zeroes
 * half of its inputs. Both come from their papers' normal forms.
 */
export function initWeightScale(init: InitName, fanIn: number, fanOut: number): number {
  switch (init) {
    case 'tutorial':
      return TUTORIAL_WEIGHT_SCALE;
    case 'glorot':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'he':
      return Math.sqrt(2 / fanIn);
  }
}

/** Every bias's starting value: the tutorial's 0.1, or 0 for Glorot and He. */
export function initBias(init: InitName): number {
  return init === 'tutorial' ? TUTORIAL_BIAS : 0;
}
