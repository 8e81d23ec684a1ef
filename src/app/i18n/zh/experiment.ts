/** 简体中文 for the experiment; the shape is English's, key for key. */
import type { ExperimentMessages } from '../en/experiment';

export const zhExperiment: ExperimentMessages = {
  experiment: '实验',
  preset: '预设',
  custom: '自定义',
  customCaption:
    '你自己的设置。选择教程的四个实验之一，可以一步步重现它；也可以选择更深的网络，或关于网络如何学习的一课。',
  presetGroupTutorial: '教程',
  presetGroupDeep: '更深的网络',
  presetGroupLearning: '网络如何学习',
  noTraining: '不训练',
  stopsAt: (steps) => `在第 ${steps} 步停下`,
  presetLabels: {
    'untrained-line': '1 · 未训练，直线数据',
    'fit-line': '2 · 拟合直线',
    'square-none': '3 · 平方数据，无激活函数',
    'square-relu': '4 · 平方数据，使用 ReLU',
    'deep-relu': '5 · 平方数据，三层 ReLU',
    'depth4-tutorial': '6 · 四层，教程的初始化',
    'depth4-he': '7 · 四层，He 初始化',
    overfit: '8 · 过拟合',
    'overfit-l2': '9 · 过拟合，加上 L2',
    'minibatch-noise': '10 · 每批 4 个点',
    'deep-sgd': '11 · 四层，普通梯度下降',
    'deep-adam': '12 · 四层，Adam',
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
    'deep-relu':
      '三个隐藏层，每层 16 个 ReLU 单元，He 初始化。偏置从 0 开始，所以第一层的每个折点都从 x = 0 出发；后面的层把折线再弯一次，500 步之内损失降到噪声的水平（真正的 x² 在这些点上的损失）。学习率是教程的十分之一，学习率建议认为在这个深度下是安全的：用 0.01 时有些种子会发散。',
    'depth4-tutorial':
      '四个 tanh 层，每层 8 个单元，按教程的方式抽取（权重 normal(0, 0.1)，偏置 0.1）。每一层都让信号变小，所以第一步时第 1 层的梯度比输出层的小几百到几千倍。输出偏置找到数据的均值，之后 1000 步里拟合一直是那里的一条水平线。',
    'depth4-he':
      '同样的四个 tanh 层，按 He 的尺度抽取：normal(0, √(2 / 输入数))，偏置 0。信号保持大小，第 1 层的梯度比教程的抽取方式大几百到几千倍，1000 步之内拟合弯成抛物线，损失不到水平线的一半，接近噪声。正因为梯度更大，两个预设都用 0.0005 训练，学习率建议认为它在这里是安全的：损失一路下降、没有跳起，而用 0.01 时有些种子会发散。',
    overfit:
      '三十个带噪声的点用来训练，另外三十个留作测试，网络是两个 32 单元的 tanh 层：三十个点配上一千多个权重。前几百步之内测试损失达到最低；之后曲线开始追逐点与点之间的噪声，测试损失转而上升（到最后比最低点高出五分之一或更多），而训练损失继续朝零下降。',
    'overfit-l2':
      '同样的网络和数据，加上 0.3 的 L2 惩罚：每一步还会把每个权重拉向零，曲线就弯不到足以穿过每个带噪声的点。训练损失比不加 L2 时高，而测试损失不再上升：到最后它与最低点相差不到五分之一，并且比不加 L2 时低。',
    'minibatch-noise':
      '教程的最后一个实验，每批 4 个点：每一步只从 30 个点中的 4 个学习，每步换一批，每轮 8 步。淡色的批损失是这一步那几个点上的损失：在最后 100 步里它上下跳动十倍以上。全部 30 个点上的损失几乎平稳地下降（没有哪一步让它升高超过 5%），300 步（37.5 轮）之后它仍高于 300 步全批量训练所到达的损失。',
    'deep-sgd':
      '四个 tanh 层，每层 8 个单元，按教程的方式抽取，用普通梯度下降以 0.002 训练，这是学习率建议给出的值。每个权重按自己的梯度移动，而靠近输入的层的梯度比输出层的小几百倍：1000 步之后拟合仍是数据均值处的一条水平线。',
    'deep-adam':
      '同样的网络、数据和抽取，用 Adam 以 0.005 训练。Adam 把每个参数的步长除以它自己近期梯度的大小，所以每一层移动得差不多一样快，不管它的梯度多小：1000 步之内拟合弯成抛物线，最终损失比普通梯度下降低一半以上，达到或低于噪声的水平。',
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
  copyTorchScript: '复制为 PyTorch 脚本',
  copyTorchScriptTitle:
    '一个可运行的 PyTorch 脚本（torch.nn.Linear、torch.optim），打印本次运行的损失',
  torchScriptDialogTitle: '复制 PyTorch 脚本',
  torchScript: 'PyTorch 脚本',
  scriptBatchesNotExact: (step: number) =>
    `已复制，但从第 ${step} 步起它的小批量不是本次运行的：页面在载入权重之前已抽取过批次顺序，脚本无从得知（脚本开头有说明）。`,
  scriptBatchesNotExactNote: (step: number) =>
    `从第 ${step} 步起，此脚本的小批量不是本次运行的：页面在载入权重之前已抽取过批次顺序，脚本无从得知（脚本开头有说明）。`,
  scriptRescueNotExact: (step: number) =>
    `已复制，但从第 ${step} 步起它可能与本次运行不同：那里的救援回退到了训练选项或数据点改动之前，页面保留的优化器状态无法重建（脚本开头有说明）。`,
  scriptRescueNotExactNote: (step: number) =>
    `从第 ${step} 步起，此脚本可能与本次运行不同：那里的救援回退到了训练选项或数据点改动之前，页面保留的优化器状态无法重建（脚本开头有说明）。`,
  close: '关闭',
  play: '播放',
  pause: '暂停',
  step: '单步',
  stepTitle: '暂停并走一步',
  reset: '重置',
  resetTitle: '用相同的种子重新开始',
  readoutStep: '步数',
  readoutEpoch: '轮次',
  readoutEpochTitle:
    '已开始的轮次（epoch）：把训练点完整过一遍。全批量时每一步就是一轮；每批 B 个、共 N 个点时，一轮需要 ⌈N / B⌉ 步。',
  readoutBatchLoss: '批次损失',
  readoutBatchLossTitle:
    '上一步在它自己的小批量上的损失（更新之前）：这一步训练所用的。“损失”是在全部训练点上的。',
  readoutLoss: '损失',
  readoutTestLoss: '测试损失',
  readoutRate: '步/秒',
  engine: (engine) =>
    ({
      'wasm-relaxed': '由 WebAssembly relaxed SIMD（CPU 支持时使用融合乘加）在后台线程中训练',
      'wasm-simd128': '由 WebAssembly SIMD 在后台线程中训练',
      'wasm-dense-relaxed':
        '由 WebAssembly relaxed SIMD 全连接层内核（CPU 支持时使用融合乘加）在后台线程中训练',
      'wasm-dense-simd128': '由 WebAssembly SIMD 全连接层内核在后台线程中训练',
      ts: '由 TypeScript 核心在后台线程中训练',
    })[engine],
  engineThreads: (threads) => `，每一步分给 ${threads} 个线程并行计算`,
  exportModel: '导出模型',
  importModel: '导入模型',
  modelLoaded: (step) => `模型已载入，位于第 ${step} 步：点击“播放”继续训练。`,
  modelFreshOptimizer: '优化器的累积量从零重新开始：模型文件只保存权重，不保存优化器的状态。',
  modelNotLoaded: (why) => `无法载入模型：${why}。没有任何更改。`,
  modelNotReady: '还没有权重：请等待第一帧。',
  modelSavedPaused: (step) =>
    `已在第 ${step} 步暂停并保存了这一步的权重：这么大的模型只在停下时才发送权重。`,
  share: '分享…',
  shareTitle: '分享课程链接',
  shareIntro: '勾选学生不应更改的设置：打开链接时它们会被隐藏。',
  shareCopy: '复制课程链接',
  shareCopied: '课程链接已复制到剪贴板',
};
