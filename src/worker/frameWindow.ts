/**
 * The worker's side of frame pacing: how many frames are sent and not yet acknowledged
 * (at most FRAMES_IN_FLIGHT, see core/frameAcks), and when one may go out anyway because
 * no ack came (a hidden tab, a busy page).
 */
import { FRAMES_IN_FLIGHT } from '../core/frameAcks';

/** Without an ack (hidden tab, busy page), send the next frame after this long anyway, ms. */
export const ACK_TIMEOUT_MS = 250;

export class FrameWindow {
  /** Frames sent, and the newest the page has acknowledged (acks are cumulative). */
  private sent = 0;
  private acked = 0;
  /** When the last frame went out, ms. */
  private lastSentAt = -Infinity;

  /** Counts a frame going out at `now`; returns its sequence number. */
  send(now: number): number {
    this.lastSentAt = now;
    return ++this.sent;
  }

  /** The page has every frame up to `seq`. A malformed ack is ignored: it would leave pacing off for good. */
  ack(seq: number): void {
    if (Number.isInteger(seq)) this.acked = Math.max(this.acked, Math.min(seq, this.sent));
  }

  /** A new run: frames of the last one no longer count (the page drops them unacknowledged). */
  forgetInFlight(): void {
    this.acked = this.sent;
  }

  /** Whether a frame must wait: every slot is taken and the last frame's ack has not yet timed out. */
  full(now: number): boolean {
    return this.saturated && this.untilTimeout(now) > 0;
  }

  /** Milliseconds from now until a frame may go out without an ack. */
  untilTimeout(now: number): number {
    return this.lastSentAt + ACK_TIMEOUT_MS - now;
  }

  /** Whether every slot is taken: a frame waiting now goes out when an ack comes or the timeout passes. */
  get saturated(): boolean {
    return this.sent - this.acked >= FRAMES_IN_FLIGHT;
  }
}
