/** Core's problems in 简体中文, with the page's terms (数据点, 表达式, 学习率, 默认值). */
import type { NumericSpec } from '../core/config';
import type { Accepts, LayerName, ParamPlace, Problem } from '../core/problems';
import { formatProblem, short, type ProblemMessages } from './format';

/** "介于 2 和 5000 之间的整数", "大于 0 且不超过 10 的数": what a spec accepts. */
export function describeRangeZh(spec: NumericSpec): string {
  const kind = spec.integer ? '整数' : '数';
  return spec.minInclusive
    ? `介于 ${spec.min} 和 ${spec.max} 之间的${kind}`
    : `大于 ${spec.min} 且不超过 ${spec.max} 的${kind}`;
}

function acceptsZh(accepts: Accepts): string {
  switch (accepts.kind) {
    case 'range':
      return `应为${describeRangeZh(accepts.range)}`;
    case 'oneOf':
      return `应为以下之一：${accepts.values.join(', ')}`;
    case 'speed':
      return `应为以下之一：${accepts.stops.join(', ')}, max`;
    case 'expression':
      return `应为在 [-1, 1] 上有定义的 x 的表达式，最多 ${accepts.maxLength} 个字符`;
    case 'keyList':
      return `应为逗号分隔的列表，可包含 ${accepts.keys.join(', ')}`;
    case 'layers':
      return `应为 1 到 ${accepts.depth.max} 个用逗号分隔的隐藏层宽度（如 32,16,8），每个为${describeRangeZh(accepts.width)}`;
    case 'compare': {
      const each = accepts.values
        ? `；${accepts.values.vary} 的每个取值${acceptsZh(accepts.values.accepts)}`
        : '';
      return `应为要比较的设置（${accepts.keys.join(', ')}）、一个冒号，以及 ${accepts.min} 到 ${accepts.max} 个用逗号分隔的不同取值，如 ${accepts.example}${each}`;
    }
  }
}

/** "第 2 个隐藏层", "输出层". */
function layerZh(layer: LayerName): string {
  return layer.kind === 'hidden' ? `第 ${layer.index} 个隐藏层` : '输出层';
}

/** "params[1].w（第 2 个隐藏层的权重）". */
function placeZh(p: ParamPlace): string {
  return `${p.name}（${layerZh(p.layer)}的${p.part === 'w' ? '权重' : '偏置'}）`;
}

export const problemsZh: ProblemMessages = {
  'csv.tooLarge': (p) => `文件太大：最多 ${p.maxBytes / 1e6} MB。`,
  'csv.empty': () => '文件是空的：需要 x 和 y 两列。',
  'csv.columns': (p) => `第 ${p.line} 行：应有 2 列（x, y），实际有 ${p.found} 列。`,
  'csv.notNumber': (p) => `第 ${p.line} 行：“${p.text}”不是数字。`,
  'csv.tooManyPoints': (p) => `数据点太多：最多 ${p.max} 个。`,
  'csv.numberTooLarge': (p) => `第 ${p.line} 行：数值太大。`,
  'csv.headerOnly': () => '文件只有表头，没有数据。',
  'csv.rescaled': (p) => `x 已从 [${short(p.lo)}, ${short(p.hi)}] 缩放到 [-1, 1]。`,

  'expr.tooLong': (p) => `太长了：最多 ${p.max} 个字符`,
  'expr.empty': () => '请输入一个关于 x 的表达式，例如 sin(3*x)',
  'expr.unexpectedChar': (p) => `无法识别的字符“${p.char}”`,
  'expr.unexpectedToken': (p) => `此处不应出现“${p.token}”`,
  'expr.unmatchedParen': () => '多余的“)”：没有与之配对的“(”',
  'expr.expectedOperator': () => '此处缺少运算符',
  'expr.tooDeep': () => '表达式嵌套太深',
  'expr.callNeedsParen': (p) => `${p.name} 后面应有“(”`,
  'expr.unclosedCall': (p) => `缺少与 ${p.name}( 配对的“)”`,
  'expr.unclosed': (p) => `缺少配对的“${p.close}”`,
  'expr.unknownName': (p) => `未知的名称“${p.name}”：请使用 x、pi、e 或 sin、exp、abs 等函数`,
  'expr.endsEarly': () => '表达式不完整',
  'expr.notFinite': (p) => `在 x = ${p.x} 处不是有限数：目标函数必须在 [-1, 1] 上处处有定义`,

  'number.empty': (p) => `请输入${describeRangeZh(p.range)}。`,
  'number.notNumber': (p) => `“${p.text}”不是数字。请输入${describeRangeZh(p.range)}。`,
  'number.outOfRange': (p) => `超出范围：请输入${describeRangeZh(p.range)}。`,
  'number.notWhole': (p) => `需要整数：请输入${describeRangeZh(p.range)}。`,

  'layers.empty': () => '请输入 1 到 4 个用逗号分隔的层宽度，如 32,16,8。',
  'layers.count': (p) => `最多 ${p.max} 个隐藏层：请输入不超过 ${p.max} 个宽度，如 32,16,8。`,
  'layers.width': (p) =>
    `第 ${p.layer} 层：“${p.text}”不是有效的宽度。每层宽度应为${describeRangeZh(p.range)}。`,

  'url.tooLong': () => '链接太长，无法读取：已使用默认设置。',
  'url.undecodable': (p) => `链接中有 ${p.count} 处无法解码，已忽略。`,
  'url.unknownKey': (p) => `未知的设置“${p.key}”，已忽略。`,
  'url.repeated': (p) => `“${p.key}”出现了不止一次：使用第一个。`,
  'url.invalid': (p) => `${p.key}="${p.value}" 无效（${acceptsZh(p.accepts)}）：已使用默认值。`,
  'url.badItem': (p) =>
    `${p.key}= 中的“${p.item}”无效（${acceptsZh(p.accepts)}）：已忽略该项，列表其余部分照常使用。`,

  'model.tooLarge': () => '文件太大，不可能是模型文件',
  'model.notJson': () => '文件不是有效的 JSON',
  'model.notOurs': () => '这不是反向传播游乐场的模型文件',
  'model.version': (p) => `不支持版本 ${p.found}（本页面可读取版本 ${p.supported.join(' 或 ')}）`,
  'model.missing': (p) => `缺少 ${p.field}`,
  'model.setting': (p) => `config.${p.field} 缺失或无效：${acceptsZh(p.accepts)}`,
  'model.expression': (p) => `config.expression 不是可用的目标函数：${formatZh(p.problem)}`,
  'model.layerCount': (p) =>
    `params 必须是 ${p.expected} 个层组成的列表，每层为 {"w": …, "b": …}：config.layers 的每个隐藏层一个，最后是输出层${p.found === null ? '' : `（实际有 ${p.found} 个）`}`,
  'model.layer': (p) => `${p.name}（${layerZh(p.layer)}）必须是含有 "w" 和 "b" 的对象`,
  'model.shape': (p) => `${placeZh(p)}必须是 [${p.rows}][${p.cols}] 的数字列表`,
  'model.notNumber': (p) => `${placeZh(p)}含有 ${p.value}，不是数字`,
  'model.float32': (p) => `${placeZh(p)}含有超出 float32 范围（±3.4e38）的数`,
  'model.step': (p) => `step 必须是 0 到 ${p.max} 之间的整数（一次训练最多能达到的步数）`,
};

/** A problem in Chinese. */
export function formatZh(problem: Problem): string {
  return formatProblem(problemsZh, problem);
}
