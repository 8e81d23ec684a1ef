/** 简体中文 for the inside of the network; the shape is English's, key for key. */
import type { NetworkMessages } from '../en/network';

/** Marks a count whose units the strips draw grey. */
const grey = (count: number) => (count > 0 ? '（灰色）' : '');

export const zhNetwork: NetworkMessages = {
  insideNetwork: '网络内部',
  networkNote: '条形：每个单元的参数（橙色为正，蓝色为负）· 紫色阴影：上一步梯度的大小',
  groupNotes: { w1: '输入 → 单元', b1: '单元偏置', w2: '单元 → 输出', b2: '输出偏置' },
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
  inspectorUnit: '单元',
  inspectorOut: '输出',
  inspectorBias: (b2) => `输出偏置 b2 = ${b2}；它的梯度 gb2 就是 dz2 本身`,
  inspectorRowsListed: (shown, total) =>
    `列出了 ${total} 个单元中的 ${shown} 个：对这个点而言 w2·a1 最重要的那些。`,
};
