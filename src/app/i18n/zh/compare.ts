/** 简体中文 for the comparison; the shape is English's, key for key. */
import type { VaryKey } from '../../../core/compare';
import type { CompareMessages } from '../en/compare';

const VARY_LABELS: Record<VaryKey, string> = {
  activation: '激活函数',
  hidden: '隐藏单元数',
  layers: '隐藏层数',
  init: '初始化',
  optimizer: '优化器',
  learningRate: '学习率',
  batch: '批大小',
};

export const zhCompare: CompareMessages = {
  compareOpen: '对比',
  compareOpenTitle: '在同一份数据上并排训练至多四个网络，它们只有一个设置不同',
  compareBack: '返回单次训练',
  compareLoading: '正在加载对比…',
  compareFailed: (detail) =>
    `对比无法加载或已停止工作${detail ? `（${detail}）` : ''}。单次训练保持原样。`,
  compareHeading: '对比',
  compareIntro: (vary) => `同样的数据和网络并排训练，只有${vary}不同。`,
  compareVary: '变化的设置',
  compareVaryLabel: (vary) => VARY_LABELS[vary],
  compareRunsLabel: '各次训练',
  compareRunValue: (n) => `第 ${n} 个`,
  compareAddRun: '添加一个',
  compareAddRunTitle: '再加一个尚未对比的取值（至多四个）',
  compareRemoveRun: (title) => `移除 ${title}`,
  compareBatchHint: '每步的点数，或 full',
  compareRepeated: (value) => `${value} 已在对比中：请换一个取值。`,
  compareOneOf: (values) => `请从 ${values.join('、')} 中选择。`,
  compareRunTitle: (vary, value) => {
    switch (vary) {
      case 'learningRate':
        return `学习率 ${value}`;
      case 'hidden':
        return `${value} 个单元`;
      case 'layers':
        return `${value} 层`;
      case 'batch':
        return value === 'full' ? '全批量' : `批大小 ${value}`;
      default:
        return value;
    }
  },
  compareStep: (step) => `第 ${step} 步`,
  compareCopyScriptTitle: '一个 numpy 脚本，依次训练对比中的每个网络，各自训练到当前的步数',
  compareStepAllTitle: '暂停所有训练，每个各走一步',
  compareResetAllTitle: '用同一个种子从头开始所有训练',
  compareRescuedRate: (rate) => `学习率已降到 ${rate}`,
  compareFitLabel: (title) => `${title} 的拟合：数据和网络的曲线`,
  compareLossTitle: '各次训练的损失',
  compareLossLabel: '损失图：各次训练的均方误差随训练步数的变化',
  compareTestTrace: (value) => `${value} 测试`,
  compareTableCaption:
    '实时数据。★ 标出每列最好的值：训练损失和测试损失最低、每秒步数最多、线性段最多（拟合能折的弯最多）、参数最少。',
  compareColRun: '训练',
  compareColLoss: '训练损失',
  compareColTestLoss: '测试损失',
  compareColRate: '步/秒',
  compareColPieces: '线性段',
  compareColParams: '参数',
  compareBest: '最好',
  compareSummary: (title, loss) => `目前训练损失最低：${title}，${loss}。`,
  compareDiverged: (title, step) => `${title} 在第 ${step} 步发散。`,
};
