/**
 * A pool of helper threads for the split step, behind an interface the core's engine
 * receives: the Node command line makes one of worker_threads (src/cli/nodeThreads.ts),
 * the page's training worker one of sub-workers (src/worker/subWorkers.ts). Only the
 * posting of messages differs; the synchronisation is the control block's (./control.ts).
 */
import type { DensePlan } from '../kernel/denseThread';
import type { WasmMemory, WasmModule } from '../kernel/wasmRuntime';
import { Command, controlBlock, StepControl } from './control';

/** What a helper needs for a kernel: the module, the shared memory, its layout and range. */
export interface AttachMessage {
  type: 'attach';
  /** The kernel's shared-memory build, compiled once by the caller. */
  module: WasmModule;
  memory: WasmMemory;
  /** configure()'s arguments for this helper: the sizes, the shared and this thread's pointers. */
  configure: number[];
  /** The grads_ export this helper runs each step. */
  grads: string;
  /** This helper's samples, byte offsets. */
  lo: number;
  hi: number;
}

/** What a helper needs for the dense kernels' split pass (kernel/denseSplit.ts). */
export interface DenseAttachMessage {
  type: 'attachDense';
  /** The dense module's shared-memory build. */
  module: WasmModule;
  memory: WasmMemory;
  plan: DensePlan;
  /** This helper's thread index (1 ..): its blocks, gradient buffers and reduction slice. */
  thread: number;
}

/** The first message a helper gets: the control block it answers through. */
export interface InitMessage {
  type: 'init';
  control: Int32Array;
}

export type ToHelper = InitMessage | AttachMessage | DenseAttachMessage;

/** What a page's helper posts once its script has loaded (a Node helper needs no such word). */
export const HELPER_READY = 'ready';

/** A helper as the caller sees it: something to post to. */
export interface HelperPort {
  postMessage(message: ToHelper): void;
}

/** A host's helper threads: where to post, and how to end them. */
export interface Helpers {
  ports: readonly HelperPort[];
  terminate(): Promise<void>;
}

/** The caller's side of a pool: helpers sharing each step with the thread that calls it. */
export class ThreadPool {
  private readonly control: StepControl;
  /** The helpers, once spawned (on the first kernel attached: small runs never need them). */
  private helpers: Helpers | null = null;
  /** The kernel the helpers are attached to now (several runs may share one pool). */
  private owner: object | null = null;
  private closed = false;

  constructor(
    /** Helper threads (the step's threads less the caller). */
    helperCount: number,
    /** Starts the host's helper threads; called once, by the first attach. */
    private readonly spawn: () => Helpers,
    private readonly controlCells: Int32Array = controlBlock(),
  ) {
    this.control = new StepControl(controlCells, helperCount);
  }

  /** Threads a step is split across: the helpers and the calling thread. */
  get threads(): number {
    return this.control.helpers + 1;
  }

  private ports(): readonly HelperPort[] {
    if (!this.helpers) {
      this.helpers = this.spawn();
      if (this.helpers.ports.length !== this.control.helpers)
        throw new Error('the host started another number of helper threads than asked');
      for (const port of this.helpers.ports)
        port.postMessage({ type: 'init', control: this.controlCells });
    }
    return this.helpers.ports;
  }

  /**
   * Points the helpers at `owner`'s kernel (one message per helper, in order) unless they
   * already are; blocks until every helper has its instance. Allocates: once per kernel,
   * and again when another kernel used the pool in between.
   */
  attach(owner: object, messages: readonly (AttachMessage | DenseAttachMessage)[]): void {
    if (this.owner === owner) return;
    if (this.closed) throw new Error('the thread pool is closed');
    this.owner = null;
    // Helpers serving another kernel go back to their event loop, where the message waits.
    this.control.start(Command.detach);
    this.ports().forEach((port, i) => port.postMessage(messages[i]!));
    this.control.finish();
    this.owner = owner;
  }

  /** Starts every helper on its share of a step (attach first). */
  startStep(): void {
    this.control.start(Command.step);
  }

  /** Blocks until every helper has finished its share. */
  finishStep(): void {
    this.control.finish();
  }

  /** Stops the helpers and ends their threads. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.owner = null;
    if (!this.helpers) return;
    this.control.start(Command.stop);
    await this.helpers.terminate();
  }
}
