/** 简体中文 for the page around the playground; the shape is English's, key for key. */
import { formatZh } from '../../../messages/zh';
import type { PageMessages } from '../en/page';

/** The start of the rate advice: the points, and the network (its layers and widths at depth). */
function networkZh(points: number, layers: readonly number[]): string {
  const [first] = layers;
  if (layers.length === 1) return `每一步都把梯度在 ${points} 个训练点和 ${first} 个隐藏单元上求和`;
  const net = layers.every((w) => w === first)
    ? `有 ${layers.length} 个隐藏层、每层 ${first} 个单元的网络`
    : `隐藏层宽度为 ${layers.join('、')} 的网络`;
  return `每一步都在${net}中把梯度在 ${points} 个训练点上求和`;
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
  rescueWhy: (points, layers, suggestion, lr, times) =>
    `${networkZh(points, layers)}，所以这里能安全训练的学习率约为 ${suggestion}；${times > 1 ? `${lr} 是它的 ${times} 倍。` : `${lr} 并不比它大，但损失仍在增长：更小的学习率仍有帮助。`}`,
  rescueLower: (rate) => `把学习率降到 ${rate} 并继续`,
  rescueRewind: (step) => `回到第 ${step} 步`,
  lrAdvice: (points, layers, suggestion, lr, times) =>
    `${networkZh(points, layers)}，所以这里能安全训练的学习率约为 ${suggestion}；${lr} 是它的 ${times} 倍，可能会发散或让单元死亡。`,
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
    '网络、它默认的初始化和更新都来自一篇关于反向传播的 numpy 教程：权重 Normal(0, 0.1)，偏置 0.1，梯度求和，w += lr · gw。训练在 Web Worker 中以 float32 运行。',
  workerSilent: '训练线程没有响应。',
  appLoadFailed: '游乐场未能加载（可能已离线，或打开此页面后网站已更新）。',
  reloadPage: '重新加载页面',
  plotsUnavailable: '图表未能加载（可能已离线，或打开此页面后网站已更新）。网络仍在训练。',
  workerFailed: (message) => `训练线程出错：${message}`,
  workerStopped: (detail) => `训练线程已停止${detail ? `：${detail}` : ''}。`,
  problem: formatZh,
};
