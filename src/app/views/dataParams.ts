/**
 * The weights in force, as JSON in a data-params attribute while the run stands still (for
 * tests and the curious), up to a size: the JSON of a much larger model would make each
 * pause a long task.
 */
export const DATA_PARAMS_LIMIT = 50_000;

/** The attribute's text, or undefined for a model too large to write out. */
export function paramsJson(params: Float32Array): string | undefined {
  return params.length <= DATA_PARAMS_LIMIT ? JSON.stringify(Array.from(params)) : undefined;
}
