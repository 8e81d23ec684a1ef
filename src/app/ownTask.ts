/**
 * Runs a callback in a task of its own, queued behind the current one: a message to
 * ourselves, which (unlike setTimeout's) is never clamped to 4 ms or more.
 */
let channel: MessageChannel | null = null;
const queued: (() => void)[] = [];

export function inOwnTask(callback: () => void): void {
  if (!channel) {
    channel = new MessageChannel();
    // One message per callback, so each runs in its own task.
    channel.port1.onmessage = () => queued.shift()?.();
  }
  queued.push(callback);
  channel.port2.postMessage(null);
}
