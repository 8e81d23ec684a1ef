/** Core's problems in English: the page's English dictionary and the CLI both word them from here. */
import type { NumericSpec } from '../core/config';
import type { Accepts, LayerName, ParamPlace, Problem } from '../core/problems';
import { formatProblem, short, type ProblemMessages } from './format';

/** "a whole number from 2 to 5000", "a number above 0 to 10": what a spec accepts. */
export function describeRangeEn(spec: NumericSpec): string {
  const kind = spec.integer ? 'a whole number' : 'a number';
  const low = spec.minInclusive ? `from ${spec.min}` : `above ${spec.min}`;
  return `${kind} ${low} to ${spec.max}`;
}

/** What a setting accepts, in English ("one of none, relu, …"). */
export function acceptsEn(accepts: Accepts): string {
  switch (accepts.kind) {
    case 'range':
      return describeRangeEn(accepts.range);
    case 'oneOf':
      return `one of ${accepts.values.join(', ')}`;
    case 'speed':
      return `one of ${accepts.stops.join(', ')} or max`;
    case 'expression':
      return `an expression of x defined on [-1, 1], at most ${accepts.maxLength} characters`;
    case 'keyList':
      return `a comma-separated list of ${accepts.keys.join(', ')}`;
    case 'layers':
      return `1 to ${accepts.depth.max} hidden layer widths separated by commas (such as 32,16,8), each ${describeRangeEn(accepts.width)}`;
    case 'compare': {
      const each = accepts.values
        ? `; each ${accepts.values.vary} value is ${acceptsEn(accepts.values.accepts)}`
        : '';
      return `a setting to vary (${accepts.keys.join(', ')}), a colon and ${accepts.min} to ${accepts.max} distinct values separated by commas, such as ${accepts.example}${each}`;
    }
  }
}

/** "hidden layer 2", "the output layer". */
function layerEn(layer: LayerName): string {
  return layer.kind === 'hidden' ? `hidden layer ${layer.index}` : 'the output layer';
}

/** "params[1].w (the weights of hidden layer 2)". */
function placeEn(p: ParamPlace): string {
  return `${p.name} (the ${p.part === 'w' ? 'weights' : 'biases'} of ${layerEn(p.layer)})`;
}

export const problemsEn: ProblemMessages = {
  'csv.tooLarge': (p) => `The file is too large: at most ${p.maxBytes / 1e6} MB.`,
  'csv.empty': () => 'The file is empty: expected two columns, x and y.',
  'csv.columns': (p) => `Line ${p.line}: expected 2 columns (x, y), found ${p.found}.`,
  'csv.notNumber': (p) => `Line ${p.line}: "${p.text}" is not a number.`,
  'csv.tooManyPoints': (p) => `Too many points: at most ${p.max}.`,
  'csv.numberTooLarge': (p) => `Line ${p.line}: the number is too large.`,
  'csv.headerOnly': () => 'The file has a header but no data.',
  'csv.rescaled': (p) => `x was rescaled from [${short(p.lo)}, ${short(p.hi)}] to [-1, 1].`,

  'expr.tooLong': (p) => `Too long: at most ${p.max} characters`,
  'expr.empty': () => 'Type an expression of x, e.g. sin(3*x)',
  'expr.unexpectedChar': (p) => `Unexpected character "${p.char}"`,
  'expr.unexpectedToken': (p) => `Unexpected "${p.token}"`,
  'expr.unmatchedParen': () => 'Unmatched ")"',
  'expr.expectedOperator': () => 'Expected an operator',
  'expr.tooDeep': () => 'Expression nested too deeply',
  'expr.callNeedsParen': (p) => `Expected "(" after ${p.name}`,
  'expr.unclosedCall': (p) => `Expected ")" to close ${p.name}(`,
  'expr.unclosed': (p) => `Expected a closing "${p.close}"`,
  'expr.unknownName': (p) =>
    `Unknown name "${p.name}": use x, pi, e or a function such as sin, exp, abs`,
  'expr.endsEarly': () => 'The expression ends too early',
  'expr.notFinite': (p) =>
    `Not a finite number at x = ${p.x}: the target must be defined on [-1, 1]`,

  'number.empty': (p) => `Enter ${describeRangeEn(p.range)}.`,
  'number.notNumber': (p) => `"${p.text}" is not a number. Enter ${describeRangeEn(p.range)}.`,
  'number.outOfRange': (p) => `Out of range: enter ${describeRangeEn(p.range)}.`,
  'number.notWhole': (p) => `Enter ${describeRangeEn(p.range)}.`,

  'layers.empty': () => 'Enter 1 to 4 layer widths separated by commas, such as 32,16,8.',
  'layers.count': (p) =>
    `At most ${p.max} hidden layers: enter up to ${p.max} widths, such as 32,16,8.`,
  'layers.width': (p) =>
    `Layer ${p.layer}: "${p.text}" is not a width. Each width is ${describeRangeEn(p.range)}.`,

  'url.tooLong': () => 'The link is too long to read: defaults are used.',
  'url.undecodable': (p) =>
    `${p.count} part${p.count > 1 ? 's' : ''} of the link could not be decoded and ${p.count > 1 ? 'were' : 'was'} ignored.`,
  'url.unknownKey': (p) => `Unknown setting "${p.key}" ignored.`,
  'url.repeated': (p) => `"${p.key}" appears more than once: the first is used.`,
  'url.invalid': (p) =>
    `${p.key}="${p.value}" is not valid (${acceptsEn(p.accepts)}): the default is used.`,
  'url.badItem': (p) =>
    `"${p.item}" in ${p.key}= is not valid (${acceptsEn(p.accepts)}): it is ignored, the rest of the list is used.`,

  'model.tooLarge': () => 'the file is too large to be a model file',
  'model.notJson': () => 'the file is not valid JSON',
  'model.notOurs': () => 'this is not a Backprop Playground model file',
  'model.version': (p) =>
    `version ${p.found} is not supported (this page reads version ${p.supported.join(' or ')})`,
  'model.missing': (p) => `${p.field} is missing`,
  'model.setting': (p) =>
    `config.${p.field} is missing or not valid: it must be ${acceptsEn(p.accepts)}`,
  'model.expression': (p) =>
    `config.expression is not a target the page can use: ${formatEn(p.problem)}`,
  'model.layerCount': (p) =>
    `params must be a list of ${p.expected} layers, each {"w": …, "b": …}: one per hidden layer of config.layers, then the output layer${p.found === null ? '' : ` (it has ${p.found})`}`,
  'model.layer': (p) => `${p.name} (${layerEn(p.layer)}) must be an object with "w" and "b"`,
  'model.shape': (p) => `${placeEn(p)} must be a [${p.rows}][${p.cols}] list of numbers`,
  'model.notNumber': (p) => `${placeEn(p)} holds ${p.value}, not a number`,
  'model.float32': (p) => `${placeEn(p)} holds a number beyond float32's range (±3.4e38)`,
  'model.step': (p) =>
    `step must be a whole number from 0 to ${p.max}, the last step a run can reach`,
};

/** A problem in English (the CLI's language, and the page's English). */
export function formatEn(problem: Problem): string {
  return formatProblem(problemsEn, problem);
}
