/** For the kernel's tests: how far one engine's numbers are from another's, on their scale. */

/** Largest difference relative to the largest magnitude in `want`. */
export function scaledError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let scale = 0;
  let err = 0;
  for (let i = 0; i < want.length; i++) {
    scale = Math.max(scale, Math.abs(want[i]!));
    err = Math.max(err, Math.abs(got[i]! - want[i]!));
  }
  return err / scale;
}
