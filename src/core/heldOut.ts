/**
 * The held-out points of a run and the workspace that measures the test loss on them,
 * sized when the data changes, never per step.
 */
import type { Dataset } from './dataset';
import { createWorkspace, type Network, type Workspace } from './network';
import { evaluateLoss } from './train';

export class HeldOut {
  /** The held-out points, or null when none are held out. */
  data: Dataset | null = null;
  private ws: Workspace | null = null;

  /** New held-out points (possibly none) for `net`. Allocates: on data changes only. */
  set(test: Dataset, net: Network): void {
    const held = test.x.length > 0;
    this.data = held ? test : null;
    this.ws = held ? createWorkspace(net, test.x.length) : null;
  }

  /** Mean squared error of `net` on the held-out points, or null when none. */
  loss(net: Network): number | null {
    if (!this.data || !this.ws) return null;
    return evaluateLoss(net, this.ws, this.data.x, this.data.y);
  }
}
