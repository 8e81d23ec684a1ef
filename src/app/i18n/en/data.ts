/**
 * English for the learner's own data: editing points, CSV files and the target expression.
 */
import type { Widen } from '../widen';

export const enData = {
  editPoints: 'Edit points',
  deleteMode: 'Delete mode',
  clearData: 'Clear',
  regenerate: 'Regenerate',
  editHint: (deleting: boolean) =>
    `Click the plot to add a point, drag one to move it, Shift-click ${deleting ? 'or click ' : ''}to remove it.`,
  importCsv: 'Import CSV',
  exportCsv: 'Export CSV',
  testShare: 'Test share',
  testShareText: (percent: number) => `${percent} percent of points held out`,
  testShareHint: 'Held-out points (hollow) are not trained on; their loss is the test loss.',
  targetExpression: 'Target expression',
  expressionHint:
    'y = f(x), e.g. sin(3*x) + 0.5*x^2 · functions: sin, cos, exp, log, sqrt, abs, tanh…',
  dataImported: (file: string, count: number, rescaled: string) =>
    `${file}: ${count} point${count === 1 ? '' : 's'} imported.${rescaled ? ` ${rescaled}` : ''}`,
  dataFileError: (file: string, why: string) => `${file}: ${why}`,
  dataCleared: 'No data: click “Edit points” and click on the plot to add some, or Regenerate.',
  dataFull: (max: number) => `At most ${max} points.`,
  csvUnavailable:
    'CSV import and export could not be loaded (the site may have been updated since this page was opened): reload the page to use them. Nothing else has changed.',
};

export type DataMessages = Widen<typeof enData>;
