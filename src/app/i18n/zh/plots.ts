/** 简体中文 for the fit and loss plots; the shape is English's, key for key. */
import type { KinkKind } from '../../../core/insight';
import type { PlotsMessages } from '../en/plots';

const KINK_WORDS: Record<KinkKind, string> = {
  none: '折点',
  hinge: '折点',
  centre: '中心',
  zero: '零点',
};

export const zhPlots: PlotsMessages = {
  fit: '拟合',
  loss: '损失',
  logScale: '对数坐标',
  exportLossCsv: '导出损失 CSV',
  plotNoiseFloor: '真实函数的误差',
  legendTruth: '真实函数',
  legendData: '数据',
  legendTestData: '测试数据',
  legendFit: '拟合',
  hoverHeldOut: '留出点',
  hoverThinned: (every) => `每 ${every} 个点画出 1 个`,
  hoverStepLoss: '步数 %{x}<br>损失 %{y:.4g}',
  hoverStepTestLoss: '步数 %{x}<br>测试损失 %{y:.4g}',
  hoverStepBatchLoss: '步数 %{x}<br>批次损失 %{y:.4g}',
  hoverStepPenalty: '步数 %{x}<br>正则项 %{y:.4g}',
  epochMarks: '轮次',
  pinnedTrace: (label) => `已固定：${label}`,
  kinkHover: (unit, kind, x, pile = 1) =>
    `单元 ${unit}：${KINK_WORDS[kind]}在 x = ${x}${pile > 1 ? `（此处共 ${pile} 个${KINK_WORDS[kind]}）` : ''}`,
  breakpointHover: (x) => `网络函数的折点在 x = ${x}`,
  breakpointPileHover: (count, from, to) =>
    `网络函数的 ${count} 个折点在 x = ${from === to ? from : `${from} 至 ${to}`}`,
  plotBestLine: '最佳直线',
  axisStep: '步数',
  axisLoss: '损失（均方误差）',
  fitPlotLabel: '拟合图：数据、真实函数与网络的曲线',
  lossPlotLabel: '损失图：均方误差随训练步数的变化',
  noteUnitsDrawn: (shown, total) =>
    `只画出 ${total} 个单元中最大的 ${shown} 个；其余 ${total - shown} 个之和画成虚线`,
  noteResiduals: (shown, total) => `均匀选取 ${total} 个点中的 ${shown} 个画出残差`,
  noteNoKinks: '没有折点：没有激活函数时，每个单元都是一条直线',
  noteSmoothDepth: '没有可标出的折点：光滑激活函数的多层网络处处都在平缓地弯曲；',
  noteSmoothDepthWhy: '只有一个隐藏层时，每个弯曲（单元的中心）才属于某一个单元',
  fitViews: '拟合图显示选项',
  showUnits: '显示单元',
  showUnitsTitle: '每个隐藏单元的贡献 w2·act(w1·x + b1) 画成细线：它们相加就是拟合曲线',
  showKinks: '显示折点',
  showKinksTitle: '每个单元弯折的位置：x = −b1 / w1（在数据范围外时为空心）',
  showUnitsTitleDeep: '最后一个隐藏层的每个单元乘以其输出权重，画成细线：加上输出偏置即为拟合曲线',
  showKinksTitleDeep:
    '网络函数弯折的位置，由权重精确求出（ReLU、Leaky ReLU、无激活），以及它由多少段直线组成',
  legendBiasDeep: '紫色虚线：输出偏置；最后一层的各单元加上它即为橙线',
  showLayers: '显示各层',
  showLayersTitle:
    '每个隐藏层一张小图：该层各单元的激活值随 x 的变化，可以看到每一层如何弯折前一层',
  layerPlots: '隐藏层，逐个单元',
  layerPlotTitle: (layer, width, shown) =>
    `第 ${layer} 层 · ${width} 个单元${shown < width ? `（画出最大的 ${shown} 个）` : ''}`,
  layerPlotLabel: (layer) => `第 ${layer} 个隐藏层的激活值随 x 的变化`,
  layerHover: '单元 %{customdata}<br>x %{x:.3f}<br>a %{y:.3g}<extra></extra>',
  layersNote:
    '每条线是一个单元在绘图范围内的激活值 a(x)。第 1 层把激活函数作用在直线 w·x + b 上；之后的每一层把它作用在前一层各条线的加权和上。',
  piecesCount: (n) => `绘图范围内共 ${n} 段线性区间`,
  piecesHint:
    '研究发现：沿一条直线，训练后或刚初始化的 ReLU 网络的线性区间数大致随单元总数增长，远低于深度所允许的指数级上限（Hanin 与 Rolnick 2019；一维输入见 Kogan 等 2025）。',
  pileNote: (count, width, x, atZero) =>
    `第一层 ${width} 个折点中有 ${count} 个位于 x ≈ ${x}${atZero ? '：初始偏置为零时（Glorot、He），所有折点都从 x = 0 出发，要靠训练把它们分散开' : ''}。`,
  showResiduals: '显示残差',
  showResidualsTitle: '从每个数据点到曲线的线段：损失所平方的误差',
  legendNetwork: '橙色：网络输出',
  legendUnits: '细紫线：各隐藏单元',
  legendBias: '紫色虚线：输出偏置 b2；各单元加上 b2 即为橙线',
  legendKinks: (kind) => `▲ ${KINK_WORDS[kind]}（空心：在数据范围外）`,
  legendDeepKinks:
    '▲ 网络函数的折点，相距约一个像素以内的合为一个标记（悬停可见个数；空心：在数据范围外）',
  legendResiduals: '红色：残差',
  legendClick: '点击数据点查看详情',
  // 拟合图上的上一步小批量（issue #20）。
  legendBatch: '琥珀色光晕：上一步所用的小批量',
  legendBatchTrace: '上一批',
  lossNoteFloor: (value) =>
    `真实函数在这些点上的误差：${value}，即这份样本噪声的均方值。训练损失低于它，说明网络跟随了其中一部分噪声；这对新数据是否有害，要看测试损失（留出一部分测试数据）。`,
  lossNoteLine: (value) => `最佳直线：${value}，没有激活函数的网络所能达到的最低损失。`,
  lossNoteLineBelowTruth: (n) =>
    `在这 ${n} 个点上，连最佳直线的损失都低于真实函数：点数很少时，拟合出的直线本身就会跟随一部分噪声。`,
  pinRun: '固定本次运行',
  pinRunTitle: '保留本次运行的损失曲线和拟合，与下一次比较',
  pinFull: (max) => `最多固定 ${max} 次运行：请先取消一个`,
  clearPinned: '清除固定',
  pinnedRuns: '已固定的运行',
  pinStep: (step) => `第 ${step} 步`,
  unpin: '取消固定',
};
