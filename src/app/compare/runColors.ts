/**
 * One colour per run, in the comparison's order, used alike for its fit line, its card's
 * title, its loss lines and its row of the table. None is the data's blue, so a run's fit
 * never blends into the points it fits.
 */
import type { Theme } from '../theme';

export const RUN_COLORS: Record<Theme, readonly string[]> = {
  light: ['#ea580c', '#7c3aed', '#059669', '#db2777'],
  dark: ['#fb923c', '#a78bfa', '#34d399', '#f472b6'],
};

/** Run `index`'s colour in `theme`. */
export function runColor(theme: Theme, index: number): string {
  const colors = RUN_COLORS[theme];
  return colors[index % colors.length]!;
}
