import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations';
import {
  DEFAULT_VALUES,
  formatCompare,
  parseCompare,
  VARY_KEYS,
  type CompareSpec,
} from './compare';
import { INITS } from './init';
import { DEFAULT_CONFIG, SPEED_STOPS, validateConfig, type RunConfig } from './config';
import { DATASETS } from './dataset';
import { PRESET_IDS, PRESETS } from './presets';
import { OPTIMIZERS, REDUCTIONS } from './trainingOptions';
import {
  HIDEABLE_CONTROLS,
  MAX_QUERY_LENGTH,
  parseUrlState,
  serializeUrlState,
  settingsFromUrl,
  type UrlSettings,
} from './urlState';
import { formatEn } from '../messages/en';

/** parseUrlState with its problems worded in English, as the notice shows them. */
function urlText(search: string): { settings: Partial<UrlSettings>; problems: string[] } {
  const { settings, problems } = parseUrlState(search);
  return { settings, problems: problems.map(formatEn) };
}

/** Any valid configuration, drawn from the same ranges the controls accept. */
const validConfig: fc.Arbitrary<RunConfig> = fc.record({
  dataset: fc.constantFrom(...DATASETS),
  expression: fc.constantFrom('sin(3*x) + 0.5*x^2', 'x', 'abs(x) - 0.5', 'exp(-4*x^2)', 'x^3 - x'),
  points: fc.integer({ min: 2, max: 5000 }),
  noise: fc.double({ min: 0, max: 2, noNaN: true }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  layers: fc.array(fc.integer({ min: 1, max: 1024 }), { minLength: 1, maxLength: 4 }),
  init: fc.constantFrom(...INITS),
  activation: fc.constantFrom(...ACTIVATIONS),
  learningRate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
  speed: fc.constantFrom(...SPEED_STOPS),
  testShare: fc.constantFrom(0, 0.05, 0.2, 0.35, 0.9),
  batchSize: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5000 })),
  reduction: fc.constantFrom(...REDUCTIONS),
  optimizer: fc.constantFrom(...OPTIMIZERS),
  momentum: fc.double({ min: 0, max: 0.999, noNaN: true }),
  l1: fc.double({ min: 0, max: 10, noNaN: true }),
  l2: fc.constantFrom(0, 1e-4, 0.001, 0.5, 10),
});

/** No comparison, or 2 to 4 of a setting's default values in any order. */
const validCompare: fc.Arbitrary<CompareSpec | null> = fc.oneof(
  fc.constant(null),
  fc
    .constantFrom(...VARY_KEYS)
    .chain((vary) =>
      fc
        .shuffledSubarray([...DEFAULT_VALUES[vary]], { minLength: 2 })
        .map((values) => ({ vary, values })),
    ),
);

/** Any state the page can be in: a preset's settings hold while the preset is named. */
const validState: fc.Arbitrary<UrlSettings> = fc
  .tuple(
    validConfig,
    fc.constantFrom(null, ...PRESET_IDS),
    fc.subarray([...HIDEABLE_CONTROLS]),
    validCompare,
  )
  .map(([config, preset, hide, compare]) => ({
    ...config,
    ...(preset ? PRESETS[preset].settings : {}),
    preset,
    hide,
    compare,
  }));

const DEFAULT_STATE: UrlSettings = { ...DEFAULT_CONFIG, preset: null, hide: [], compare: null };

describe('URL state', () => {
  it('defaults make an empty query, and an empty query changes nothing', () => {
    expect(serializeUrlState(DEFAULT_STATE)).toBe('');
    expect(urlText('')).toEqual({ settings: {}, problems: [] });
    expect(urlText('?')).toEqual({ settings: {}, problems: [] });
  });

  it('round-trips every setting, with or without a preset', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const parsed = urlText(serializeUrlState(state));
        expect(parsed.problems).toEqual([]);
        expect(settingsFromUrl(parsed.settings)).toEqual(state);
      }),
      { seed: 20261127, numRuns: 500 },
    );
  });

  it('a preset link opens the experiment; overriding its settings makes it Custom', () => {
    expect(
      serializeUrlState({
        ...DEFAULT_CONFIG,
        ...PRESETS['square-none'].settings,
        preset: 'square-none',
        hide: [],
        compare: null,
      }),
    ).toBe('?preset=square-none');
    expect(settingsFromUrl(urlText('?preset=fit-line').settings)).toMatchObject({
      preset: 'fit-line',
      points: 10,
      layers: [3],
      dataset: 'linear',
    });
    expect(settingsFromUrl(urlText('?preset=fit-line&seed=4').settings)).toMatchObject({
      preset: 'fit-line',
      seed: 4,
    });
    expect(settingsFromUrl(urlText('?preset=fit-line&hidden=7').settings)).toMatchObject({
      preset: null,
      layers: [7],
      points: 10,
    });
    // A lesson that fixes the test share: the link need not say it, and another share is Custom.
    expect(settingsFromUrl(urlText('?preset=overfit').settings)).toMatchObject({
      preset: 'overfit',
      testShare: 0.5,
      optimizer: 'adam',
    });
    expect(settingsFromUrl(urlText('?preset=overfit&test=0.3').settings)).toMatchObject({
      preset: null,
      testShare: 0.3,
    });
    expect(
      serializeUrlState({
        ...DEFAULT_CONFIG,
        ...PRESETS.overfit.settings,
        preset: 'overfit',
        hide: [],
        compare: null,
      }),
    ).toBe('?preset=overfit');
    // The others leave the share to the learner: it stays in the link beside the preset.
    expect(settingsFromUrl(urlText('?preset=fit-line&test=0.3').settings)).toMatchObject({
      preset: 'fit-line',
      testShare: 0.3,
    });
    expect(urlText('?preset=nope').problems[0]).toMatch(/preset="nope" is not valid/);
  });

  it('writes and reads hidden layers and the initialisation: layers=32,16,8 and init=he', () => {
    const deep: UrlSettings = { ...DEFAULT_STATE, layers: [32, 16, 8], init: 'he' };
    expect(serializeUrlState(deep)).toBe('?layers=32,16,8&init=he');
    expect(urlText('?layers=32,16,8&init=he')).toEqual({
      settings: { layers: [32, 16, 8], init: 'he' },
      problems: [],
    });
    // An escaped comma and spaces around the widths read the same.
    expect(urlText('?layers=32%2C%2016%20,8').settings).toEqual({ layers: [32, 16, 8] });
    for (const init of INITS)
      expect(settingsFromUrl(urlText(serializeUrlState({ ...deep, init })).settings)).toEqual({
        ...deep,
        init,
      });
    // The defaults are not written: one layer of 10 drawn the tutorial's way.
    expect(serializeUrlState({ ...DEFAULT_STATE, layers: [10], init: 'tutorial' })).toBe('');
    expect(serializeUrlState({ ...DEFAULT_STATE, layers: [10, 10] })).toBe('?layers=10,10');
  });

  it('reports bad layer lists and initialisations and keeps the defaults', () => {
    for (const bad of ['0,5', '1,2,3,4,5', '', 'a', '16,,8', '16,1025', '2.5', '16;8']) {
      const { settings, problems } = urlText(`?layers=${bad}&init=glorot`);
      expect(settings).toEqual({ init: 'glorot' });
      expect(problems).toEqual([
        `layers="${bad}" is not valid (1 to 4 hidden layer widths separated by commas (such as 32,16,8), each a whole number from 1 to 1024): the default is used.`,
      ]);
    }
    expect(urlText('?init=xavier&layers=8,8')).toEqual({
      settings: { layers: [8, 8] },
      problems: ['init="xavier" is not valid (one of tutorial, glorot, he): the default is used.'],
    });
    expect(urlText('?init=HE').settings).toEqual({});
  });

  it('reads old links with hidden= as one layer, written back as layers=', () => {
    const old = urlText('?hidden=20&activation=tanh');
    expect(old).toEqual({ settings: { layers: [20], activation: 'tanh' }, problems: [] });
    expect(serializeUrlState(settingsFromUrl(old.settings))).toBe('?layers=20&activation=tanh');
    expect(urlText('?hidden=0').problems).toEqual([
      'hidden="0" is not valid (a whole number from 1 to 1024): the default is used.',
    ]);
    // hidden= and layers= set the same thing: the first is used, the other reported.
    expect(urlText('?layers=3,3&hidden=20')).toEqual({
      settings: { layers: [3, 3] },
      problems: ['"hidden" appears more than once: the first is used.'],
    });
    // An old lesson link that hid the hidden units now fixes the whole shape.
    expect(settingsFromUrl(urlText('?hidden=6&hide=hidden,init').settings)).toMatchObject({
      layers: [6],
      init: 'tutorial',
      hide: ['hidden', 'init'],
    });
  });

  it('hides controls by their URL keys, in schema order, without repeats', () => {
    const state: UrlSettings = {
      ...DEFAULT_STATE,
      activation: 'tanh',
      hide: ['seed', 'dataset', 'learningRate'],
    };
    expect(serializeUrlState(state)).toBe('?activation=tanh&hide=dataset,seed,lr');
    expect(
      settingsFromUrl(urlText('?hide=lr,dataset,lr&preset=square-none').settings),
    ).toMatchObject({
      hide: ['dataset', 'learningRate'],
      preset: 'square-none',
    });
    expect(urlText('?hide=').settings).toEqual({ hide: [] });
    expect(urlText('?hide=data,test').settings).toEqual({ hide: ['ownData', 'testShare'] });
  });

  it('keeps the good items of a hide list and reports each bad one once', () => {
    const bad = urlText('?hide=dataset,rm%20-rf,lr,rm%20-rf,,nope&hidden=4');
    expect(bad.settings).toEqual({ layers: [4], hide: ['dataset', 'learningRate'] });
    expect(bad.problems).toHaveLength(2);
    expect(bad.problems[0]).toMatch(
      /^"rm -rf" in hide= is not valid \(a comma-separated list of dataset, .*\): it is ignored, the rest of the list is used\.$/,
    );
    expect(bad.problems[1]).toMatch(/^"nope" in hide=/);
    expect(urlText('?hide=nope').settings).toEqual({ hide: [] });
  });

  it('keeps what is good, reports what is bad, ignores unknown keys', () => {
    const { settings, problems } = urlText(
      '?hidden=50&activation=tanh&points=abc&lr=0&bogus=1&speed=max&seed=-3',
    );
    expect(settings).toEqual({ layers: [50], activation: 'tanh', speed: Infinity });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(
      /points="abc" is not valid \(a whole number from 2 to 5000\)/,
    );
    expect(problems.join('\n')).toMatch(/lr="0" is not valid/);
    expect(problems.join('\n')).toMatch(/Unknown setting "bogus"/);
    expect(problems.join('\n')).toMatch(/seed="-3"/);
  });

  it('survives malformed escapes and plus-encoded spaces', () => {
    const { settings, problems } = urlText(
      'hidden=%E0%A4%A&activation=relu&dataset=%ZZ&noise=+0.5',
    );
    expect(settings).toEqual({ activation: 'relu', noise: 0.5 });
    expect(problems).toEqual(['2 parts of the link could not be decoded and were ignored.']);
  });

  it('reads a value only once and says so, once per key', () => {
    const { settings, problems } = urlText('hidden=5&hidden=7');
    expect(settings).toEqual({ layers: [5] });
    expect(problems).toEqual(['"hidden" appears more than once: the first is used.']);
    const thrice = urlText('hidden=5&seed=1&hidden=7&seed=2&hidden=9');
    expect(thrice.problems).toEqual([
      '"hidden" appears more than once: the first is used.',
      '"seed" appears more than once: the first is used.',
    ]);
  });

  it('shows non-ASCII values as they are, hides control and bidi characters, and marks cut text with an ellipsis', () => {
    expect(urlText('?dataset=%E6%8A%9B%E7%89%A9%E7%BA%BF').problems[0]).toMatch(
      /^dataset="抛物线" is not valid/,
    );
    expect(urlText('?%E7%82%B9=3').problems).toEqual(['Unknown setting "点" ignored.']);
    expect(urlText('?activation=ab%E2%80%AEcd%00').problems[0]).toMatch(
      /^activation="ab\?cd\?" is not valid/,
    );
    const long = urlText(`?activation=${'é'.repeat(30)}`).problems[0];
    expect(long).toContain(`activation="${'é'.repeat(24)}…"`);
    // An emoji is never split into half a surrogate pair.
    expect(urlText(`?activation=${encodeURIComponent('😀'.repeat(30))}`).problems[0]).toContain(
      `"${'😀'.repeat(24)}…"`,
    );
  });

  it('reads no learning rate that is 0 in float32, and says the smallest one accepted', () => {
    const { settings, problems } = urlText('?lr=1e-320');
    expect(settings).toEqual({});
    expect(problems).toEqual([
      'lr="1e-320" is not valid (a number from 1e-37 to 10): the default is used.',
    ]);
    expect(urlText('?lr=1e-37').settings).toEqual({ learningRate: 1e-37 });
  });

  it('reads a target expression by the rule the expression field and the model file use', () => {
    expect(urlText('?dataset=custom&expr=sin(').settings).toEqual({ dataset: 'custom' });
    expect(urlText('?dataset=custom&expr=log(x)').settings).toEqual({ dataset: 'custom' });
    expect(urlText('?dataset=custom&expr=log(x%2B2)').settings).toEqual({
      dataset: 'custom',
      expression: 'log(x+2)',
    });
  });

  it('treats a huge query as garbage', () => {
    const { settings, problems } = urlText(`?hidden=5&x=${'a'.repeat(MAX_QUERY_LENGTH)}`);
    expect(settings).toEqual({});
    expect(problems).toHaveLength(1);
  });

  it('never throws and only ever yields valid settings, whatever the string (fuzz)', () => {
    const keys = [
      'dataset',
      'expr',
      'points',
      'noise',
      'seed',
      'hidden',
      'activation',
      'lr',
      'speed',
      'test',
      'preset',
      'hide',
      'compare',
      'x',
      '__proto__',
      'constructor',
    ];
    const pair = fc.tuple(
      fc.constantFrom(...keys),
      fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.double().map(String)),
    );
    const query = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(pair, { maxLength: 12 })
        .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
      fc
        .array(pair, { maxLength: 12 })
        .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
    );
    fc.assert(
      fc.property(query, (q) => {
        const { settings, problems } = urlText(q);
        expect(Array.isArray(problems)).toBe(true);
        expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
        const { hide, compare, ...config } = settings;
        expect(validateConfig({ ...DEFAULT_CONFIG, ...config })).toEqual([]);
        if (compare) expect(parseCompare(formatCompare(compare))).toEqual(compare);
        for (const c of hide ?? []) expect(HIDEABLE_CONTROLS).toContain(c);
        // A repeated key is reported once, however often it repeats.
        const repeats = problems.filter((p) => p.includes('appears more than once'));
        expect(new Set(repeats).size).toBe(repeats.length);
        // Printable: no control, invisible or bidi-reordering character reaches a message.
        for (const p of problems) expect(p).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe('URL state: hide lists (fuzz)', () => {
  it('keeps every valid item of a hide list, whatever bad items surround it, and reports each bad one', () => {
    const keys = [
      'dataset',
      'points',
      'noise',
      'seed',
      'data',
      'test',
      'hidden',
      'activation',
      'lr',
      'speed',
      'preset',
    ];
    const item = fc.oneof(
      fc.constantFrom(...keys),
      fc
        .string({ maxLength: 8 })
        .filter((k) => !k.includes(',') && !k.includes('&') && !k.includes('#')),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (items) => {
        const { settings, problems } = parseUrlState(
          `?hide=${items.map(encodeURIComponent).join(',')}`,
        );
        const good = new Set(items.filter((k) => keys.includes(k)));
        const bad = new Set(items.filter((k) => k !== '' && !keys.includes(k)));
        expect(settings.hide).toHaveLength(good.size);
        expect(problems.filter((p) => p.code === 'url.badItem')).toHaveLength(bad.size);
      }),
      { seed: 17, numRuns: 1000 },
    );
  });
});

describe('URL state: custom data rows', () => {
  it('reads a good target expression and a test share, with ^ and + escaped on the way out', () => {
    const state: UrlSettings = {
      ...DEFAULT_CONFIG,
      dataset: 'custom',
      expression: 'x^2 + sin(2*x)',
      testShare: 0.25,
      preset: null,
      hide: [],
      compare: null,
    };
    const query = serializeUrlState(state);
    expect(query).toContain('expr=x%5E2%20%2B%20sin(2*x)');
    expect(query).toContain('test=0.25');
    expect(settingsFromUrl(urlText(query).settings)).toEqual(state);
  });

  it('rejects an expression that does not parse or is not finite on [-1, 1], and a share out of range', () => {
    const { settings, problems } = urlText('?dataset=custom&expr=1%2F(x-0.5)&test=0.95');
    expect(settings).toEqual({ dataset: 'custom' });
    expect(problems.join('\n')).toMatch(/expr="1\/\(x-0.5\)" is not valid \(an expression of x/);
    expect(problems.join('\n')).toMatch(/test="0.95" is not valid \(a number from 0 to 0.9\)/);
    expect(urlText('?expr=alert(1)').problems[0]).toMatch(/expr=/);
  });
});
