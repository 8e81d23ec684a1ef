/** 简体中文 for the inside of the network; the shape is English's, key for key. */
import type { NetworkMessages } from '../en/network';

/** Marks a count whose units the strips draw grey. */
const grey = (count: number) => (count > 0 ? '（灰色）' : '');

export const zhNetwork: NetworkMessages = {
  insideNetwork: '网络内部',
  networkNote: '条形：每个单元的参数（橙色为正，蓝色为负）· 紫色阴影：上一步梯度的大小',
  groupNotes: { w1: '输入 → 单元', b1: '单元偏置', w2: '单元 → 输出', b2: '输出偏置' },
  // 更新条（issue #20）：优化器如何处理梯度。
  stripKeyGradient: '∇ 上一步梯度的大小',
  stripKeyUpdate:
    'Δ 优化器实际施加的更新大小（更新后 w − 更新前 w）：普通 SGD 与梯度成正比；Adam 和 RMSProp 让它几乎均匀',
  stripLabel: (name) => `每个隐藏单元的 ${name} 及其上一步梯度`,
  health: {
    none: () => '无激活函数：单元不会死亡或饱和，但它们的和永远只是一条直线。',
    relu: (count, hidden) =>
      `死亡单元：${count} / ${hidden}${grey(count)}。死亡的 ReLU 在每个数据点上都输出 0，梯度为 0，任何一步都无法让它恢复。`,
    tanh: (count, hidden) =>
      `饱和单元：${count} / ${hidden}${grey(count)}。饱和单元在每个点上都有 |z| > 3，此处 tanh 几乎是平的（tanh′ < 0.01），梯度几乎消失。`,
    sigmoid: (count, hidden) =>
      `饱和单元：${count} / ${hidden}${grey(count)}。饱和单元在每个点上都有 |z| > 3，此处 Sigmoid 几乎是平的（σ′ < 0.05，不到其峰值 0.25 的五分之一），所以学得很慢。`,
    'leaky-relu': (count, hidden) =>
      `处于泄漏区的单元：${count} / ${hidden}${grey(count)}。这样的单元在每个点上都有 z ≤ 0，此处斜率为 0.01：它学得慢 100 倍，但与 ReLU 不同，它永远不会死亡。`,
    elu: (count, hidden) =>
      `负半轴上变平的单元：${count} / ${hidden}${grey(count)}。这样的单元在每个点上都有 z < −3，此处 ELU 几乎恒为 −1（斜率 e^z < 0.05）。z > 0 时 ELU 是直线，永远不会饱和。`,
    softplus: (count, hidden) =>
      `几乎死亡的单元：${count} / ${hidden}${grey(count)}。这样的单元在每个点上都有 z < −3，此处 Softplus 几乎为 0，斜率 σ(z) < 0.05：类似死亡的 ReLU，但仍留有很小的梯度，可以慢慢恢复。`,
    sine: (count, hidden) =>
      `正弦单元不会死亡也不会饱和：它的斜率 cos(z) 每隔 π 就回到 ±1。在数据范围内折返的单元（其 z 越过 sin 的峰或谷）：${count} / ${hidden}。`,
  },
  layerHeading: (layer) => `第 ${layer} 层`,
  layerUnits: (width) => `${width} 个单元`,
  outputHeading: '输出层',
  normNote: (fanIn) => `${fanIn} 个输入权重的大小`,
  normStripLabel: (name) => `${name}：每个单元输入权重的大小，及其上一步梯度的大小`,
  layerHealth: {
    none: (_count, width) => `${width} 个线性单元：都不会死亡或饱和`,
    relu: (count, width) => `死亡单元：${count} / ${width}${grey(count)}`,
    tanh: (count, width) => `饱和单元：${count} / ${width}${grey(count)}`,
    sigmoid: (count, width) => `饱和单元：${count} / ${width}${grey(count)}`,
    'leaky-relu': (count, width) => `处于泄漏区的单元：${count} / ${width}${grey(count)}`,
    elu: (count, width) => `负半轴上变平的单元：${count} / ${width}${grey(count)}`,
    softplus: (count, width) => `几乎死亡的单元：${count} / ${width}${grey(count)}`,
    sine: (count, width) => `在数据范围内折返的单元：${count} / ${width}`,
  },
  healthDeep: {
    none: '无激活函数：单元不会死亡或饱和，但无论堆叠多少层，网络的函数都只是一条直线。',
    relu: '死亡的 ReLU 在每个训练点上都输出 0，所以它自己的权重得不到梯度。在第 1 层，任何一步都无法让它恢复；在更深的层，只有它下面各层的变化才能让它恢复。死亡单元也不会把梯度往下传。',
    tanh: '饱和单元在每个点上都有 |z| > 3，此处 tanh 几乎是平的（tanh′ < 0.01）：它的梯度几乎消失，它传给下面各层的梯度也一样。',
    sigmoid:
      '饱和单元在每个点上都有 |z| > 3，此处 Sigmoid 几乎是平的（σ′ < 0.05）。即使不饱和，σ′ 也至多为 0.25，所以梯度每往下传一层就缩小一次。',
    'leaky-relu':
      '处于泄漏区的单元在每个点上都有 z ≤ 0，此处斜率为 0.01：它学得慢 100 倍，往下传的梯度也小 100 倍，但它永远不会死亡。',
    elu: '负半轴上变平的单元在每个点上都有 z < −3，此处 ELU 几乎恒为 −1（斜率 e^z < 0.05）。z > 0 时 ELU 是直线，永远不会饱和。',
    softplus:
      '几乎死亡的单元在每个点上都有 z < −3，此处 Softplus 几乎为 0，斜率 σ(z) < 0.05：仍留有很小的梯度，可以慢慢恢复。',
    sine: '正弦单元不会死亡也不会饱和：它的斜率 cos(z) 每隔 π 就回到 ±1。每层计数的是 z 在数据范围内越过 sin 的峰或谷的单元。',
  },
  gradChartTitle: '各层梯度大小',
  gradChartNote:
    '每层上一步梯度（权重和偏置）的均方根，对数坐标：上一步对每层推动得有多用力。较小的初始权重会让信号每经过一层（前向和反向）就缩小一次：用 tanh 或 Sigmoid 堆到 4 层时，教程的初始化让每条线都比 He 初始化低一个数量级以上。',
  gradChartLabel: '各层梯度大小随步数变化的图，对数坐标',
  gradChartStep: '步数',
  gradChartLayer: (layer) => `第 ${layer} 层`,
  gradChartOutput: '输出层',
  inspectorPlaying: '单步检查器：先暂停，再点击一个数据点，跟随它走完一步反向传播。',
  inspectorPaused: '单步检查器：点击拟合图上的一个数据点，查看它的前向传播和它在各梯度中的份额。',
  inspectorHeading: (i, n, step) => `第 ${step} 步，第 ${i} / ${n} 个点`,
  inspectorOutput: '输出',
  inspectorError: '误差',
  inspectorCellKey: '每个梯度格中：',
  inspectorShare: '这个点的份额',
  inspectorSum: (points) => `全部 ${points} 个点之和 Σ`,
  inspectorNextStep: '（下一步加上 lr × Σ）',
  inspectorMoved: '上一步使它移动了多少',
  // 优化器如何处理这个点的贡献（issue #20；见 views/optimizerNote）。
  inspectorNextStepOptions: '（对所有点求和；每一步只用它的小批量，并经过优化器，见下文）',
  inspectorOptimizerHeading: '上一步如何处理这个点',
  inspectorBatchAll: (n) => `每一步都使用全部 ${n} 个训练点：每一步都包含这个点。`,
  inspectorInBatch: (b, n) => `这个点在上一步的小批量中（${n} 个点中的 ${b} 个）。`,
  inspectorNotInBatch: (b, n) =>
    `这个点不在上一步的小批量中（${n} 个点中的 ${b} 个）：那一步没有用到它。`,
  inspectorNoBatchYet: (b, n) =>
    `每一步从 ${n} 个点中取 ${b} 个作为小批量；这个批量大小下还没有走过一步。`,
  inspectorShareSum: '它的份额原样加入小批量的梯度（归约方式：sum）。',
  inspectorShareMean: (b) => `在 mean 下，它的份额先除以 B = ${b}，再加入小批量的梯度。`,
  inspectorPenalty: '然后 L1/L2 给每个权重的梯度加上 l1·sign(w) + l2·w（偏置不加）。',
  inspectorRule: {
    sgd: 'SGD：一步是 −lr × 梯度，每个参数的移动量与它的梯度成正比。',
    momentum: (m) =>
      `动量：梯度被加进一个记得过去各步的速度（v = ${m}·v + g），一步是 −lr × v：这个点的推动会延续到之后的步骤。`,
    rmsprop:
      'RMSProp：每个参数的梯度除以它自身梯度的滑动大小（√s），所以无论梯度多大，每个参数每步大约移动 lr。',
    adam: 'Adam：每个参数梯度的滑动平均除以它的滑动大小（m̂ / √v̂），所以无论梯度多大，每个参数每步大约移动 lr：对比面板中青色的 Δ 条和紫色的 ∇ 条。',
  },
  inspectorUnit: '单元',
  inspectorOut: '输出',
  inspectorBias: (b2) => `输出偏置 b2 = ${b2}；它的梯度 gb2 就是 dz2 本身`,
  inspectorRowsListed: (shown, total) =>
    `列出了 ${total} 个单元中的 ${shown} 个：对这个点而言 w2·a1 最重要的那些。`,
  inspectorDeepKey:
    '单元在 gb 中的份额就是它的 delta dz：这个点的损失对它的 o 的拉力。‖gw‖ 是其输入权重梯度（w 的一列）的大小。',
  inspectorRange: (name, min, max) => `${name} 从 ${min} 到 ${max}`,
  inspectorLayerShare: (share, sum, points) =>
    `这个点在本层梯度中的份额：‖g‖ = ${share}；全部 ${points} 个点之和：‖Σ‖ = ${sum}`,
  inspectorRowsListedOut: (shown, total, wa) =>
    `列出了 ${total} 个单元中的 ${shown} 个：对这个点而言 ${wa} 最重要的那些。`,
  inspectorRowsListedDelta: (shown, total, dz) =>
    `列出了 ${total} 个单元中的 ${shown} 个：对这个点而言 |${dz}| 最大的那些。`,
  inspectorBiasAt: (k, value) => `输出偏置 b${k} = ${value}；它的梯度 gb${k} 就是 dz${k} 本身`,
  inspectorSumming: (percent) => `正在对全部数据点求梯度之和…… ${percent}%`,
};
