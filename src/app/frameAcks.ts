/**
 * When the page acknowledges the worker's frames. The worker sends a frame only once the
 * previous one is acknowledged, so frames never outrun the display; this decides how far
 * ahead it may work.
 *
 * Acknowledging at the animation frame that draws a frame (the first design) left the
 * worker to finish its slice, build the next frame and post it within one display frame,
 * while the page was busy drawing: at H = 1024 that missed about one display frame in five
 * (`npm run bench:page`). So one frame may wait, ready, for the next animation frame: a
 * frame that arrives when none is waiting is acknowledged at once; one that arrives while
 * another is still waiting (and replaces it) is acknowledged at that animation frame.
 * At most two frames are in flight per display frame, and the newest is always drawn.
 */
export class FrameAcks {
  /** A received frame is waiting for its animation frame. */
  private waiting = false;
  /** A frame came while another was waiting: its ack goes out at the animation frame. */
  private owed = false;
  /** Bumped by reset, so an animation frame asked for before it does nothing. */
  private generation = 0;

  constructor(
    private readonly requestFrame: (callback: () => void) => void,
    private readonly ack: () => void,
  ) {}

  /** A frame of the current run has arrived (call before handing it to the plots). */
  received(): void {
    if (this.waiting) {
      this.owed = true;
      return;
    }
    this.ack();
    this.waiting = true;
    const generation = this.generation;
    // Asked for before the plots' callbacks (they wake when the frame is handed over), so it runs first.
    this.requestFrame(() => {
      if (generation !== this.generation) return;
      this.waiting = false;
      if (this.owed) {
        this.owed = false;
        this.ack();
      }
    });
  }

  /** A new worker: nothing waits and nothing is owed. */
  reset(): void {
    this.generation++;
    this.waiting = false;
    this.owed = false;
  }
}
