/**
 * The control block a split step is synchronised through: a few Int32 cells in a
 * SharedArrayBuffer that the calling thread and its helper threads read with Atomics.
 * Plain ES2022, so the same code runs in Node's worker_threads and in a page's workers.
 *
 * Each command is a new generation: the caller writes the command, clears DONE and bumps
 * GEN; a helper waiting for GEN to change runs the command and increments DONE. Both sides
 * spin briefly before sleeping in Atomics.wait: a step's gap is a few microseconds, well
 * under what a futex wake-up costs (docs/threads.md).
 */

/** Cell indices. */
const GEN = 0;
const CMD = 1;
const DONE = 2;
const FAILED = 3;
/** Int32 cells in a control block. */
export const CONTROL_CELLS = 4;

/** What the helpers are asked to do in a generation. */
export const Command = {
  /** Run this step's share of the samples. */
  step: 0,
  /** Go back to the event loop, where an attach message waits (a new memory or layout). */
  detach: 1,
  /** Leave for good: the pool is closing. */
  stop: 2,
} as const;
export type Command = (typeof Command)[keyof typeof Command];

/**
 * Polls of a cell before sleeping on it. A step's gap (the caller's reduction and update,
 * its loop's bookkeeping) is shorter than this; a helper left idle (a paused run) sleeps
 * after it, using no CPU.
 */
export const SPIN_POLLS = 2000;

/** How long the caller waits for its helpers before giving up, ms (a helper that died). */
export const HELPER_TIMEOUT_MS = 30000;

/** A new control block. */
export function controlBlock(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(CONTROL_CELLS * 4));
}

/** Waits until cell `at` is no longer `value`: spins, then sleeps. Returns false on timeout. */
function waitWhile(control: Int32Array, at: number, value: number, timeoutMs: number): boolean {
  for (let i = 0; i < SPIN_POLLS; i++) if (Atomics.load(control, at) !== value) return true;
  return Atomics.wait(control, at, value, timeoutMs) !== 'timed-out';
}

/** The caller's side: starts a command on every helper, then waits for all of them. */
export class StepControl {
  constructor(
    readonly control: Int32Array,
    /** How many helpers answer each command. */
    readonly helpers: number,
  ) {}

  /** Asks every helper to run `command` and returns at once. */
  start(command: Command): void {
    const c = this.control;
    Atomics.store(c, DONE, 0);
    Atomics.store(c, FAILED, 0);
    Atomics.store(c, CMD, command);
    Atomics.add(c, GEN, 1);
    Atomics.notify(c, GEN);
  }

  /** Blocks until `count` helpers have answered; throws if one failed or none answers in time. */
  finish(count = this.helpers): void {
    const c = this.control;
    for (let done = Atomics.load(c, DONE); done < count; done = Atomics.load(c, DONE)) {
      if (!waitWhile(c, DONE, done, HELPER_TIMEOUT_MS))
        throw new Error('a training thread stopped answering');
    }
    if (Atomics.load(c, FAILED) !== 0) throw new Error('a training thread failed in its step');
  }
}

/** The helper's side: the generation it has seen, and the loop that serves commands. */
export class HelperControl {
  private seen: number;

  constructor(private readonly control: Int32Array) {
    this.seen = Atomics.load(control, GEN);
  }

  /** Says this helper has answered the current command (attached, or stepped). */
  answer(failed = false): void {
    if (failed) Atomics.store(this.control, FAILED, 1);
    Atomics.add(this.control, DONE, 1);
    Atomics.notify(this.control, DONE);
  }

  /** The generation now is the one this helper has answered: wait for the next from here. */
  catchUp(): void {
    this.seen = Atomics.load(this.control, GEN);
  }

  /**
   * Serves step commands with `step` until the caller asks for something else, which it
   * returns (detach or stop). Blocks the thread meanwhile.
   */
  serve(step: () => void): Command {
    const c = this.control;
    for (;;) {
      while (!waitWhile(c, GEN, this.seen, Infinity));
      this.seen = Atomics.load(c, GEN);
      const command = Atomics.load(c, CMD) as Command;
      if (command !== Command.step) return command;
      let failed = false;
      try {
        step();
      } catch {
        failed = true;
      }
      this.answer(failed);
    }
  }
}
