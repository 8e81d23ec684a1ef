/**
 * A helper thread's side of the pool, the same in Node and in a page's worker: takes the
 * control block, then attach messages; for each, instantiates the kernel (the fused one, or
 * the dense ones: kernel/denseSplit.ts) on the shared memory and serves steps until the
 * caller detaches it or stops the pool.
 */
import { DenseThread } from '../kernel/denseThread';
import { instantiateOn } from '../kernel/wasmRuntime';
import { Command, HelperControl } from './control';
import type { DenseAttachMessage, ToHelper } from './pool';

type Fn = (...args: number[]) => unknown;

export class KernelHelper {
  private control: HelperControl | null = null;

  /** Handles one message; returns 'stop' when the thread should end. Blocks while serving steps. */
  handle(message: ToHelper): 'stop' | 'idle' {
    if (message.type === 'init') {
      this.control = new HelperControl(message.control);
      return 'idle';
    }
    const control = this.control;
    if (!control) throw new Error('a helper thread was attached before it had its control block');
    if (message.type === 'attachDense') return this.serveDense(control, message);
    let grads: Fn;
    try {
      const exports = instantiateOn(message.module, message.memory);
      (exports.configure as Fn)(...message.configure);
      (exports.measureX as Fn)();
      grads = exports[message.grads] as Fn;
      if (typeof grads !== 'function') throw new Error(`no export ${message.grads}`);
    } catch {
      control.catchUp();
      control.answer(true);
      return 'idle';
    }
    const { lo, hi } = message;
    control.catchUp();
    control.answer();
    return control.serve(() => grads(lo, hi)) === Command.stop ? 'stop' : 'idle';
  }

  /** The dense kernels' share: its own instance on the shared memory, its thread's plan. */
  private serveDense(control: HelperControl, message: DenseAttachMessage): 'stop' | 'idle' {
    let thread: DenseThread;
    try {
      const exports = instantiateOn(message.module, message.memory);
      thread = new DenseThread(exports, message.memory.buffer, message.plan, message.thread);
    } catch {
      control.catchUp();
      control.answer(true);
      return 'idle';
    }
    control.catchUp();
    control.answer();
    return control.serve(() => thread.run()) === Command.stop ? 'stop' : 'idle';
  }
}
