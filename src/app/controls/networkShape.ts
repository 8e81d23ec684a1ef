/**
 * How the three network-shape controls move together: the number of hidden layers, one
 * width for all of them, and the list of widths. Pure, so the rules are tested without React.
 */

/** The one width every hidden layer has, or null when they differ. */
export function commonWidth(layers: readonly number[]): number | null {
  const first = layers[0]!;
  return layers.every((w) => w === first) ? first : null;
}

/**
 * The widths for `depth` hidden layers: the layers kept keep their widths, new ones take the
 * last layer's width (so 16,16 to 3 layers is 16,16,16, and 32,16,8 to 4 is 32,16,8,8).
 */
export function withDepth(layers: readonly number[], depth: number): number[] {
  return Array.from({ length: depth }, (_, i) => layers[Math.min(i, layers.length - 1)]!);
}

/** Every hidden layer `width` wide, as many layers as before. */
export function withWidth(layers: readonly number[], width: number): number[] {
  return layers.map(() => width);
}
