/** 简体中文 for the experiment; the shape is English's, key for key. */
import type { ExperimentMessages } from '../en/experiment';

export const zhExperiment: ExperimentMessages = {
  experiment: '实验',
  preset: '预设',
  custom: '自定义',
  customCaption: '你自己的设置。选择教程的四个实验之一，可以一步步重现它。',
  noTraining: '不训练',
  stopsAt: (steps) => `在第 ${steps} 步停下`,
  presetLabels: {
    'untrained-line': '1 · 未训练，直线数据',
    'fit-line': '2 · 拟合直线',
    'square-none': '3 · 平方数据，无激活函数',
    'square-relu': '4 · 平方数据，使用 ReLU',
  },
  presetCaptions: {
    'untrained-line':
      'predict01()：训练之前，随机权重给出一条接近 0.1 的几乎水平的线，离数据很远。点击“播放”看它学习。',
    'fit-line':
      'predict02()：50 步反向传播把水平线向数据倾斜。没有激活函数的网络就是一条直线，而这份数据只需要直线。',
    'square-none':
      'predict03()：没有激活函数，十个隐藏单元加起来仍是一条直线，所以 300 步之后它仍然弯不成 x²：欠拟合。',
    'square-relu':
      'predict04()：同样的网络加上 ReLU。每个单元变成一个折线，300 步之内这些折点把曲线弯成抛物线。',
  },
  copyScript: '复制为 numpy 脚本',
  copyScriptTitle: '一个可运行的 numpy 脚本，打印本次运行的损失',
  scriptCopied: '✓ 已复制：粘贴到 .py 文件中运行即可。',
  scriptNotExact: (step: number) =>
    `已复制，但从第 ${step} 步起它不是本次运行：训练中数据点改动太频繁，无法全部保留（脚本开头有说明）。`,
  scriptNotExactNote: (step: number) =>
    `从第 ${step} 步起，此脚本不是本次运行：训练中数据点改动太频繁，无法全部保留（脚本开头有说明）。`,
  scriptDialogTitle: '复制 numpy 脚本',
  scriptDialogText: '浏览器不允许写入剪贴板。下面的脚本已选中：请按 Ctrl+C（⌘C）复制。',
  numpyScript: 'numpy 脚本',
  close: '关闭',
  play: '播放',
  pause: '暂停',
  step: '单步',
  stepTitle: '暂停并走一步',
  reset: '重置',
  resetTitle: '用相同的种子重新开始',
  readoutStep: '步数',
  readoutLoss: '损失',
  readoutTestLoss: '测试损失',
  readoutRate: '步/秒',
  engine: (engine) =>
    ({
      'wasm-relaxed': '由 WebAssembly relaxed SIMD（CPU 支持时使用融合乘加）在后台线程中训练',
      'wasm-simd128': '由 WebAssembly SIMD 在后台线程中训练',
      ts: '由 TypeScript 核心在后台线程中训练',
    })[engine],
  exportModel: '导出模型',
  importModel: '导入模型',
  modelLoaded: (step) => `模型已载入，位于第 ${step} 步：点击“播放”继续训练。`,
  modelNotLoaded: (why) => `无法载入模型：${why}。没有任何更改。`,
  modelNotReady: '还没有权重：请等待第一帧。',
  share: '分享…',
  shareTitle: '分享课程链接',
  shareIntro: '勾选学生不应更改的设置：打开链接时它们会被隐藏。',
  shareCopy: '复制课程链接',
  shareCopied: '课程链接已复制到剪贴板',
};
