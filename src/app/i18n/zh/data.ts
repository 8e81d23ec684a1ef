/** 简体中文 for the learner's own data; the shape is English's, key for key. */
import type { DataMessages } from '../en/data';

export const zhData: DataMessages = {
  editPoints: '编辑数据点',
  deleteMode: '删除模式',
  clearData: '清空',
  regenerate: '重新生成',
  editHint: (deleting) =>
    `点击图表添加数据点，拖动可移动，Shift+点击${deleting ? '或直接点击' : ''}可删除。`,
  importCsv: '导入 CSV',
  exportCsv: '导出 CSV',
  testShare: '测试集比例',
  testShareText: (percent) => `留出 ${percent}% 的数据点`,
  testShareHint: '留出的点（空心）不参与训练；它们的误差就是测试误差。',
  targetExpression: '目标表达式',
  expressionHint:
    'y = f(x)，例如 sin(3*x) + 0.5*x^2 · 可用函数：sin、cos、exp、log、sqrt、abs、tanh…',
  dataImported: (file, count, rescaled) => `${file}：已导入 ${count} 个数据点。${rescaled}`,
  dataFileError: (file, why) => `${file}：${why}`,
  dataCleared: '没有数据：点击“编辑数据点”后在图上点击即可添加，或点“重新生成”。',
  dataFull: (max) => `最多 ${max} 个数据点。`,
  csvUnavailable:
    'CSV 导入导出功能未能加载（打开此页面后网站可能已更新）：请重新加载页面后再用。其余一切未受影响。',
};
