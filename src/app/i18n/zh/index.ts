/**
 * 简体中文: the tutorial's own vocabulary (反向传播, 激活函数, 学习率, 神经层, 权重, 偏置, 梯度),
 * in the same parts as the English dictionary.
 */
import type { Messages } from '../en';
import { zhCompare } from './compare';
import { zhControls } from './controls';
import { zhData } from './data';
import { zhExperiment } from './experiment';
import { zhLessons } from './lessons';
import { zhNetwork } from './network';
import { zhPage } from './page';
import { zhPlots } from './plots';

export const zh: Messages = {
  ...zhPage,
  ...zhControls,
  ...zhExperiment,
  ...zhPlots,
  ...zhNetwork,
  ...zhLessons,
  ...zhData,
  ...zhCompare,
};
