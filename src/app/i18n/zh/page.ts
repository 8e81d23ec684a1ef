/** 简体中文 for the page around the playground; the shape is English's, key for key. */
import { formatZh } from '../../../messages/zh';
import { momentumPileUp } from '../../../core/stability';
import type { AdviceText, PageMessages } from '../en/page';

/** The network as a noun: "10 个隐藏单元"; at depth, its layers and their widths. */
function networkNounZh(layers: readonly number[]): string {
  const [first] = layers;
  if (layers.length === 1) return `${first} 个隐藏单元`;
  return layers.every((w) => w === first)
    ? `有 ${layers.length} 个隐藏层、每层 ${first} 个单元的网络`
    : `隐藏层宽度为 ${layers.join('、')} 的网络`;
}

const ADAPTIVE_ZH = {
  adam: 'Adam 把每一步除以 g² 滑动平均的平方根，所以不管梯度多大，每个权重每步大约移动 lr',
  rmsprop:
    'RMSprop 把每一步除以 g² 滑动平均的平方根，所以不管梯度多大，每个权重每步大约移动 lr（起初最多为 lr 的 10 倍：这个平均从零开始）',
};

/** 1 / (1 - m), as a person reads it: 10 for 0.9. */
const pileUp = (a: AdviceText) => Number(momentumPileUp(a).toPrecision(2));

/** Why a rate is safe here, ending "这里能安全训练的学习率约为 S" (see whyEn). */
function whyZh(a: AdviceText): string {
  const safe = `这里能安全训练的学习率约为 ${a.suggestion}`;
  if (a.optimizer === 'adam' || a.optimizer === 'rmsprop')
    return `${ADAPTIVE_ZH[a.optimizer]}：训练点数、批大小以及求和还是平均都无关紧要。常用的学习率为 0.001 – 0.01，${safe}`;
  const piles =
    a.optimizer === 'momentum'
      ? `动量 ${a.momentum} 会把步长累积到普通一步的 1/(1 − m) = ${pileUp(a)} 倍`
      : null;
  if (a.reduction === 'mean')
    return `每一步都对批次中的梯度取平均，所以 ${a.points} 个训练点和批大小都不改变安全的学习率；对于${networkNounZh(a.layers)}${piles ? `（${piles}）` : ''}，${safe}`;
  const over =
    a.batch < a.points ? `${a.points} 个训练点中 ${a.batch} 个点的批次` : `${a.points} 个训练点`;
  const sums =
    a.layers.length === 1
      ? `每一步都把梯度在 ${over}和 ${networkNounZh(a.layers)}上求和`
      : `每一步都在${networkNounZh(a.layers)}中把梯度在 ${over}上求和`;
  return `${sums}${piles ? `，而且${piles}` : ''}，所以${safe}`;
}

export const zhPage: PageMessages = {
  title: '反向传播游乐场',
  tagline: '看一个小网络（1 → H → 1，或更深）如何通过反向传播一步步学习。',
  language: '语言',
  theme: '主题',
  themeNames: { system: '跟随系统', light: '浅色', dark: '深色' },
  copyLink: '复制链接',
  copied: '已复制',
  linkToRun: '本次运行的链接',
  linkCopied: '链接已复制到剪贴板',
  starting: '启动中…',
  training: '训练中',
  paused: '已暂停',
  divergedStatus: (step) => `在第 ${step ?? '?'} 步发散`,
  restart: '重新启动',
  rescueHeading: (step) => `在第 ${step} 步发散：请降低学习率。`,
  rescueKept: (good) =>
    `损失爆炸了，所以训练已暂停，并回到了第 ${good} 步的权重：损失开始上升之前的最后一步。`,
  rescueWhy: (a) =>
    `${whyZh(a)}；${a.times > 1 ? `${a.learningRate} 是它的 ${a.times} 倍。` : `${a.learningRate} 并不比它大，但损失仍在增长：更小的学习率仍有帮助。`}`,
  rescueLower: (rate) => `把学习率降到 ${rate} 并继续`,
  rescueRewind: (step) => `回到第 ${step} 步`,
  lrAdvice: (a) => `${whyZh(a)}；${a.learningRate} 是它的 ${a.times} 倍，可能会发散或让单元死亡。`,
  lrUse: (suggestion) => `使用 ${suggestion}`,
  announce: (prefix, step, loss) =>
    `${prefix === 'diverged' ? '已发散。' : prefix === 'paused' ? '已暂停。' : ''}第 ${step} 步，损失 ${loss}。`,
  announceNoData: '没有训练数据点：在图上添加，或点“重新生成”，即可训练。',
  noticeHeading: '此链接中的部分设置未被采用。',
  linkNotice: '链接提示',
  dismiss: '关闭提示',
  appCrashedTitle: '出错了',
  appCrashed:
    '页面遇到错误，已停止绘制。请重新加载页面继续；如果同样的设置再次出错，请恢复默认设置。',
  resetToDefaults: '恢复默认设置',
  errorDetails: '详细信息',
  footer:
    '网络、它默认的初始化和默认的更新都来自一篇关于反向传播的 numpy 教程：权重 Normal(0, 0.1)，偏置 0.1，对整批求和的梯度，w += lr · gw。小批量、动量、RMSProp、Adam 和 L1/L2 遵循 PyTorch 的 torch.optim 规则。训练在 Web Worker 中以 float32 运行。',
  workerSilent: '训练线程没有响应。',
  appLoadFailed: '游乐场未能加载（可能已离线，或打开此页面后网站已更新）。',
  reloadPage: '重新加载页面',
  plotsUnavailable: '图表未能加载（可能已离线，或打开此页面后网站已更新）。网络仍在训练。',
  workerFailed: (message) => `训练线程出错：${message}`,
  workerStopped: (detail) => `训练线程已停止${detail ? `：${detail}` : ''}。`,
  problem: formatZh,
};
