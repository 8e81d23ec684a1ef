/**
 * What core can find wrong with a learner's input, as data: a code and its parameters,
 * never a sentence. The page words them in the learner's language and the CLI in English
 * (src/messages), so core stays free of any language.
 */
import type { NumericSpec } from './config';

/** A CSV file that cannot be imported. */
export type CsvProblem =
  | { code: 'csv.tooLarge'; maxBytes: number }
  | { code: 'csv.empty' }
  | { code: 'csv.columns'; line: number; found: number }
  | { code: 'csv.notNumber'; line: number; text: string }
  | { code: 'csv.tooManyPoints'; max: number }
  | { code: 'csv.numberTooLarge'; line: number }
  | { code: 'csv.headerOnly' };

/** Not a problem but worth saying: x was rescaled from [lo, hi] into [-1, 1]. */
export type CsvRescaled = { code: 'csv.rescaled'; lo: number; hi: number };

/** A target expression that does not compile, or is not finite on [-1, 1]. */
export type ExpressionProblem =
  | { code: 'expr.tooLong'; max: number }
  | { code: 'expr.empty' }
  | { code: 'expr.unexpectedChar'; char: string }
  | { code: 'expr.unexpectedToken'; token: string }
  | { code: 'expr.unmatchedParen' }
  | { code: 'expr.expectedOperator' }
  | { code: 'expr.tooDeep' }
  | { code: 'expr.callNeedsParen'; name: string }
  | { code: 'expr.unclosedCall'; name: string }
  | { code: 'expr.unclosed'; close: ')' | '|' }
  | { code: 'expr.unknownName'; name: string }
  | { code: 'expr.endsEarly' }
  | { code: 'expr.notFinite'; x: number };

/** Typed text for a numeric setting that is not acceptable; `range` says what is. */
export type NumericProblem =
  | { code: 'number.empty'; range: NumericSpec }
  | { code: 'number.notNumber'; text: string; range: NumericSpec }
  | { code: 'number.outOfRange'; range: NumericSpec }
  | { code: 'number.notWhole'; range: NumericSpec };

/** Typed hidden layer widths (`32,16,8`) that are not acceptable. */
export type LayersProblem =
  | { code: 'layers.empty' }
  | { code: 'layers.count'; max: number }
  /** One width is not acceptable: `layer` counts from 1, `text` is quoted. */
  | { code: 'layers.width'; layer: number; text: string; range: NumericSpec };

/** What a URL setting accepts, for the link notice. */
export type Accepts =
  | { kind: 'range'; range: NumericSpec }
  | { kind: 'oneOf'; values: readonly string[] }
  | { kind: 'speed'; stops: readonly number[] }
  | { kind: 'expression'; maxLength: number }
  | { kind: 'keyList'; keys: readonly string[] }
  /** A list of 1 to depth.max widths, each in `width`. */
  | { kind: 'layers'; depth: NumericSpec; width: NumericSpec }
  /**
   * A comparison (`activation:none,relu`): one of `keys`, a colon, then min..max distinct
   * values such as `example`; `values` says what the named setting's values accept, when
   * the setting is known and one of its values is not.
   */
  | {
      kind: 'compare';
      keys: readonly string[];
      min: number;
      max: number;
      example: string;
      values?: { vary: string; accepts: Accepts };
    };

/** Something in a link that was not used. Keys and values are already quoted (core/quote: printable, shortened). */
export type UrlProblem =
  | { code: 'url.tooLong' }
  | { code: 'url.undecodable'; count: number }
  | { code: 'url.unknownKey'; key: string }
  | { code: 'url.repeated'; key: string }
  | { code: 'url.invalid'; key: string; value: string; accepts: Accepts }
  /** One item of a list (`hide=`) left out; the list's other items are used. */
  | { code: 'url.badItem'; key: string; item: string; accepts: Accepts };

/** A layer as a model file's problems name it: a hidden layer (counted from 1 at the input) or the output layer. */
export type LayerName = { kind: 'hidden'; index: number } | { kind: 'output' };

/**
 * One parameter array of a model file: its path in the file (`params[1].w`; `params.w1` in
 * version 1 files), the layer it belongs to, and whether it holds the weights or the biases.
 */
export interface ParamPlace {
  name: string;
  layer: LayerName;
  part: 'w' | 'b';
}

/** A model file that cannot be loaded. */
export type ModelFileProblem =
  | { code: 'model.tooLarge' }
  | { code: 'model.notJson' }
  | { code: 'model.notOurs' }
  /** `found` is quoted; `supported` lists the versions this page reads. */
  | { code: 'model.version'; found: string; supported: readonly number[] }
  | { code: 'model.missing'; field: 'config' | 'params' }
  /** A setting missing or not accepted, checked by the same rule as the link and the fields (core/config checkSetting). */
  | { code: 'model.setting'; field: string; accepts: Accepts }
  /** The custom target does not compile or is not finite on [-1, 1]. */
  | { code: 'model.expression'; problem: ExpressionProblem }
  /** `params` is not a list of one {w, b} per layer of config.layers plus the output layer; `found` is null when it is not a list. */
  | { code: 'model.layerCount'; expected: number; found: number | null }
  /** One entry of `params` is not an object with w and b. */
  | { code: 'model.layer'; name: string; layer: LayerName }
  | ({ code: 'model.shape'; rows: number; cols: number } & ParamPlace)
  /** An entry that is not a number at all (a string, null, a list); `value` is quoted. */
  | ({ code: 'model.notNumber'; value: string } & ParamPlace)
  /** A number beyond float32's range (JSON's 1e309 is Infinity already; 1e39 becomes it in float32). */
  | ({ code: 'model.float32' } & ParamPlace)
  | { code: 'model.step'; max: number };

/** Every problem core reports. */
export type Problem =
  | CsvProblem
  | CsvRescaled
  | ExpressionProblem
  | NumericProblem
  | LayersProblem
  | UrlProblem
  | ModelFileProblem;
export type ProblemCode = Problem['code'];
