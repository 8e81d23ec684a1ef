/**
 * The training controls' links, lesson hiding and lock, and the batch field's reading of
 * typed text: without React or a worker.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../core/config';
import type { ToWorker } from '../../core/protocol';
import { parseUrlState, serializeUrlState, settingsFromUrl } from '../../core/urlState';
import { messagesFor } from '../i18n';

const sent: ToWorker[] = [];
vi.mock('../workerClient', () => ({
  send: (msg: ToWorker) => sent.push(msg),
  connectWorker: () => {},
  disconnectWorker: () => {},
}));

const { updateConfig } = await import('../actions');
const { initialState, useAppStore } = await import('../store');
const { keptText } = await import('./FixedSettings');
const { parseBatch } = await import('./BatchField');

describe('the training controls', () => {
  beforeEach(() => {
    sent.length = 0;
    useAppStore.setState(initialState);
  });

  it('a lesson link hides each training control by its link key, and writes the list back', () => {
    const search = '?hide=batch,reduction,optimizer,momentum,l1,l2';
    const parsed = parseUrlState(search);
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings.hide?.slice().sort()).toEqual(
      ['batchSize', 'l1', 'l2', 'momentum', 'optimizer', 'reduction'].sort(),
    );
    const settings = settingsFromUrl(parsed.settings);
    const written = new URLSearchParams(serializeUrlState(settings)).get('hide');
    expect(written?.split(',').sort()).toEqual(
      ['batch', 'l1', 'l2', 'momentum', 'optimizer', 'reduction'].sort(),
    );
  });

  it('the lesson lock keeps a hidden option against any change, says which, and lets the others change live', () => {
    useAppStore.setState({
      ...initialState,
      config: { ...DEFAULT_CONFIG, optimizer: 'adam', batchSize: 4 },
      hiddenControls: ['optimizer', 'batchSize'],
    });
    updateConfig({ optimizer: 'sgd', batchSize: null, l2: 0.001 });
    const { config, lessonKept } = useAppStore.getState();
    expect(config.optimizer).toBe('adam');
    expect(config.batchSize).toBe(4);
    expect(config.l2).toBe(0.001);
    expect(lessonKept).toEqual(['optimizer', 'batchSize']);
    // Live: an options message with the kept values, no new run.
    expect(sent.map((m) => m.type)).toEqual(['setTrainingOptions']);
    const msg = sent[0]!;
    if (msg.type !== 'setTrainingOptions') throw new Error('no options sent');
    expect(msg.options).toMatchObject({ optimizer: 'adam', batchSize: 4, l2: 0.001 });
    const t = messagesFor('en');
    expect(keptText(t, useAppStore.getState(), lessonKept!)).toBe(
      'Optimizer (Adam), Batch size (4)',
    );
  });

  it('the batch field reads empty or "full" as the full batch, and refuses the rest with core’s problems', () => {
    expect(parseBatch('')).toEqual({ ok: true, value: null });
    expect(parseBatch(' Full ')).toEqual({ ok: true, value: null });
    expect(parseBatch('全批量')).toEqual({ ok: true, value: null });
    expect(parseBatch('8')).toEqual({ ok: true, value: 8 });
    for (const [text, code] of [
      ['0', 'number.outOfRange'],
      ['5001', 'number.outOfRange'],
      ['2.5', 'number.notWhole'],
      ['eight', 'number.notNumber'],
    ] as const) {
      const parsed = parseBatch(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem.code).toBe(code);
    }
  });

  it('words the advice by the gradient and the optimizer, in both languages', () => {
    const en = messagesFor('en');
    const zh = messagesFor('zh');
    const base = {
      points: 30,
      batch: 30,
      reduction: 'sum',
      optimizer: 'sgd',
      momentum: 0.9,
      layers: [10],
      suggestion: 0.002,
      learningRate: 0.1,
      times: 50,
    } as const;
    expect(en.lrAdvice({ ...base, batch: 4 })).toContain(
      'sums the gradient over a batch of 4 of the 30 training points and 10 hidden units, so',
    );
    expect(en.lrAdvice({ ...base, reduction: 'mean' })).toContain(
      'averages the gradient over its batch, so neither the 30 training points nor the batch size change the safe rate; for 10 hidden units, a rate',
    );
    expect(en.lrAdvice({ ...base, optimizer: 'momentum' })).toContain(
      'and 10 hidden units, and momentum 0.9 piles steps up to 1/(1 − m) = 10× a plain one, so',
    );
    expect(en.lrAdvice({ ...base, optimizer: 'adam' })).toMatch(
      /^Adam divides each step .* every weight moves about lr a step whatever the gradient’s size: the points, the batch and sum or mean do not matter/,
    );
    expect(en.lrAdvice({ ...base, optimizer: 'rmsprop' })).toContain('up to 10× lr at first');
    expect(zh.lrAdvice({ ...base, batch: 4 })).toMatch(
      /^每一步都把梯度在 30 个训练点中 4 个点的批次和 10 个隐藏单元上求和，/,
    );
    expect(zh.lrAdvice({ ...base, reduction: 'mean' })).toMatch(/^每一步都对批次中的梯度取平均/);
    expect(zh.lrAdvice({ ...base, optimizer: 'momentum' })).toContain(
      '而且动量 0.9 会把步长累积到',
    );
    expect(zh.lrAdvice({ ...base, optimizer: 'adam' })).toMatch(/^Adam 把每一步除以/);
  });
});
