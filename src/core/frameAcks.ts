/**
 * When the page acknowledges the worker's frames. The worker keeps at most
 * FRAMES_IN_FLIGHT frames sent and not acknowledged (src/worker/loop.ts), so frames never
 * outrun the display; this decides how far ahead it may work. An ack is cumulative: it
 * names the newest frame received, so acks that the page folds together, or never sends
 * while the tab is hidden, cannot leave the worker counting frames still in flight.
 *
 * Acknowledging at the animation frame that draws a frame (the first design) left the
 * worker to finish its slice, build the next frame and post it within one display frame,
 * while the page was busy drawing; and a busy main thread often runs the next animation
 * frame before the message that carries it, leaving display frames without a new fit. So
 * up to WAITING_FRAMES frames may arrive between two animation frames, each acknowledged as
 * it arrives; one more is acknowledged at the animation frame. The newest is drawn; the
 * others only add their losses. Three in flight redrew the fit on more frames than two
 * (docs/page.md). A frame is a few kilobytes, and the worker is at most one slice further
 * ahead.
 */

/** Most frames the worker sends before an acknowledgement: one drawn, two on their way. */
export const FRAMES_IN_FLIGHT = 3;

/** Frames acknowledged on arrival between two animation frames. */
export const WAITING_FRAMES = 2;

export class FrameAcks {
  /** Frames received since the last animation frame. */
  private waiting = 0;
  /** A frame came with WAITING_FRAMES already waiting: its ack goes out at the animation frame. */
  private owed = false;
  /** Bumped by reset, so an animation frame asked for before it does nothing. */
  private generation = 0;
  /** Sequence number of the newest frame received: what an ack acknowledges. */
  private newest = 0;

  constructor(
    private readonly requestFrame: (callback: () => void) => void,
    private readonly sendAck: (seq: number) => void,
    private readonly limit = WAITING_FRAMES,
  ) {}

  private ack(): void {
    this.sendAck(this.newest);
  }

  /** Frame `seq` of the current run has arrived (call before handing it to the plots). */
  received(seq: number): void {
    this.newest = Math.max(this.newest, seq);
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
    this.newest = 0;
    this.waiting = 0;
    this.owed = false;
  }
}
