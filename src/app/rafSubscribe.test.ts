import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { inOwnTask } from './ownTask';
import { subscribeRaf, type RafOptions } from './rafSubscribe';

/** Animation frames run by hand: frame() calls every callback requested so far. */
let callbacks = new Map<number, FrameRequestCallback>();
let nextHandle = 1;
const frame = () => {
  const due = [...callbacks.values()];
  callbacks = new Map();
  due.forEach((cb) => cb(performance.now()));
};
/** Resolves after the own tasks queued so far have run (they run in order). */
const tasks = () => new Promise<void>((resolve) => inOwnTask(resolve));

beforeEach(() => {
  callbacks = new Map();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    callbacks.set(nextHandle, cb);
    return nextHandle++;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => callbacks.delete(handle));
});
afterEach(() => vi.unstubAllGlobals());

/** A store, a view subscribed to it that records each value it draws, and its unsubscribe. */
function watch(options?: RafOptions) {
  const store = createStore(() => ({ n: 0 }));
  const drawn: number[] = [];
  const unsubscribe = subscribeRaf(store, (s) => drawn.push(s.n), 'draw', options);
  return { store, drawn, unsubscribe };
}

describe('subscribeRaf', () => {
  it('draws at once, then once per animation frame however many changes came before it', () => {
    const { store, drawn, unsubscribe } = watch();
    expect(drawn).toEqual([0]);
    store.setState({ n: 1 });
    store.setState({ n: 2 });
    expect(drawn).toEqual([0]);
    frame();
    expect(drawn).toEqual([0, 2]);
    frame();
    expect(drawn).toEqual([0, 2]);
    unsubscribe();
  });

  it('with ownTask, draws in a task of its own after the frame, with the state of that moment', async () => {
    const { store, drawn, unsubscribe } = watch({ ownTask: true });
    store.setState({ n: 1 });
    frame();
    expect(drawn).toEqual([0]); // not inside the frame's callback
    store.setState({ n: 2 });
    await tasks();
    expect(drawn).toEqual([0, 2]);
    unsubscribe();
  });

  it('with ownTask, a draw queued before unsubscribing never runs', async () => {
    const { store, drawn, unsubscribe } = watch({ ownTask: true });
    store.setState({ n: 1 });
    frame();
    unsubscribe();
    await tasks();
    expect(drawn).toEqual([0]);
  });

  it('with ownTask, frames that come before the queued draw has run queue no second draw', async () => {
    const { store, drawn, unsubscribe } = watch({ ownTask: true });
    store.setState({ n: 1 });
    frame();
    store.setState({ n: 2 });
    frame(); // a busy page can run rendering again before the queued task
    await tasks();
    expect(drawn).toEqual([0, 2]);
    store.setState({ n: 3 });
    frame();
    await tasks();
    expect(drawn).toEqual([0, 2, 3]);
    unsubscribe();
  });

  it("with ownTask, one view's unsubscribing leaves another's queued draw to run", async () => {
    const store = createStore(() => ({ n: 0 }));
    const a: number[] = [];
    const b: number[] = [];
    const offA = subscribeRaf(store, (s) => a.push(s.n), 'a', { ownTask: true });
    const offB = subscribeRaf(store, (s) => b.push(s.n), 'b', { ownTask: true });
    store.setState({ n: 1 });
    frame();
    offA();
    await tasks();
    expect(a).toEqual([0]);
    expect(b).toEqual([0, 1]);
    offB();
  });
});

describe('inOwnTask', () => {
  it('a callback that throws leaves the ones after it to run', async () => {
    const ran: string[] = [];
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      inOwnTask(() => {
        throw new Error('draw failed');
      });
      inOwnTask(() => ran.push('after'));
      await tasks();
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(ran).toEqual(['after']);
    expect(errors).toHaveLength(1);
  });

  it('runs callbacks in order, each in a task of its own', async () => {
    const order: string[] = [];
    inOwnTask(() => {
      order.push('first');
      // A microtask queued here runs before the next task starts.
      void Promise.resolve().then(() => order.push('microtask of first'));
    });
    inOwnTask(() => order.push('second'));
    expect(order).toEqual([]);
    await tasks();
    expect(order).toEqual(['first', 'microtask of first', 'second']);
  });
});
