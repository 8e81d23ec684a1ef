/**
 * When the page acknowledges the worker's frames. The worker sends a frame only once the
 * previous one is acknowledged, so frames never outrun the display; this decides how far
 * ahead it may work.
 *
 * Acknowledging at the animation frame that draws a frame (the first design) left the
 * worker to finish its slice, build the next frame and post it within one display frame,
 * while the page was busy drawing; and a busy main thread often runs the next animation
 * frame before the message that carries it. At H = 1024 that left about one display frame
 * in five without a new fit (`npm run bench:page`). So up to WAITING_FRAMES frames may
 * arrive between two animation frames, each acknowledged as it arrives; one more is
 * acknowledged at the animation frame. The newest is drawn; the others only add their losses.
 */

/** Frames acknowledged on arrival between two animation frames. */
export const WAITING_FRAMES = 1;

export class FrameAcks {
  /** Frames received since the last animation frame. */
  private waiting = 0;
  /** A frame came with WAITING_FRAMES already waiting: its ack goes out at the animation frame. */
  private owed = false;
  /** Bumped by reset, so an animation frame asked for before it does nothing. */
  private generation = 0;

  constructor(
    private readonly requestFrame: (callback: () => void) => void,
    private readonly ack: () => void,
    private readonly limit = WAITING_FRAMES,
  ) {}

  /** A frame of the current run has arrived (call before handing it to the plots). */
  received(): void {
    this.waiting++;
    if (this.waiting > this.limit) {
      this.owed = true;
      return;
    }
    this.ack();
    if (this.waiting > 1) return;
    const generation = this.generation;
    // Asked for before the plots' callbacks (they wake when the frame is handed over), so it runs first.
    this.requestFrame(() => {
      if (generation !== this.generation) return;
      this.waiting = 0;
      if (this.owed) {
        this.owed = false;
        this.ack();
      }
    });
  }

  /** A new worker: nothing waits and nothing is owed. */
  reset(): void {
    this.generation++;
    this.waiting = 0;
    this.owed = false;
  }
}
