/**
 * Builds Frame.picture in the worker: what the views draw of the network, so a frame of a
 * large model never needs to carry the model. One forward pass over the curve's grid (a
 * workspace held per run) gives every hidden layer's activations; only the parts the page
 * asked for (setViews) are computed, and the costly ones (health over the training
 * points, the exact kinks) are refreshed as core/framePolicy allows. The network panel's
 * strips (O(parameters)) go with every frame: the panel is always on the page.
 */
import {
  CHEAP_PICTURE_MS,
  DEFAULT_PICTURE_VIEWS,
  MAX_DRAWN_UNITS,
  piecewiseLinear,
  refreshDue,
} from '../core/framePolicy';
import {
  largestInto,
  othersSum,
  outgoingNorms,
  rms,
  unitRows,
  unitSizes,
} from '../core/gridPicture';
import { PLOT_X_RANGE } from '../core/grid';
import { layerHealth } from '../core/layerHealth';
import { createWorkspace, forward, type Workspace } from '../core/network';
import { linearPieces } from '../core/pieces';
import type { DrawnUnits, LayerPicture, NetworkPicture, PictureViews } from '../core/protocol';
import { panelStrips, stripBuffers, type LayerArrays } from '../core/panelStrips';
import { layerViews } from '../core/paramLayout';
import type { TrainingRun } from '../core/run';
import type { UnitHealth } from '../core/unitHealth';

/** A costly value kept between frames and recomputed when due (see refreshDue). */
class Refreshed<T> {
  private value: T | null = null;
  private step = -1;
  private epoch = -1;
  private at = -Infinity;
  private cost = 0;

  /**
   * The value for this step, recomputed when due. `busy` says another costly part was
   * recomputed for this frame already: a running frame then takes the kept value, so no
   * frame pays for two (the page hears nothing from the worker while it computes).
   */
  get(
    step: number,
    epoch: number,
    standingStill: boolean,
    busy: boolean,
    now: () => number,
    compute: () => T,
  ): { value: T; costly: boolean } {
    if (this.value !== null && this.step === step && this.epoch === epoch)
      return { value: this.value, costly: false };
    const start = now();
    const kept = this.value !== null && !standingStill;
    if (kept && (busy || !refreshDue(false, this.cost, start - this.at)))
      return { value: this.value!, costly: false };
    this.value = compute();
    this.at = now();
    this.cost = this.at - start;
    this.step = step;
    this.epoch = epoch;
    return { value: this.value, costly: this.cost >= CHEAP_PICTURE_MS };
  }

  forget(): void {
    this.value = null;
  }
}

/** Scratch arrays sized for one run's widest layer, so a frame allocates only what it sends. */
interface Scratch {
  run: TrainingRun;
  /** Forward pass over the grid; created the first time a view needs it. */
  ws: Workspace | null;
  /** Forward pass over the training points for health at depth, and the points it is sized for. */
  healthWs: { x: Float32Array; ws: Workspace } | null;
  size: Float64Array;
  taken: Uint8Array;
  chosen: Int32Array;
  norms: Float64Array;
  /** The network's output on the grid when the engine computes it (gridForward). */
  gridOut: Float32Array | null;
  /** The last step's updates in the flat layout, made on the first frame that needs them. */
  updates: Float32Array | null;
}

export interface BuiltPicture {
  picture: NetworkPicture;
  /** Buffers made for this frame alone, to transfer. */
  transfer: Transferable[];
  /** The run's curve (what run.curve writes) when this frame computed it on the way, else null. */
  gridOutput: Float32Array | null;
}

export class PictureBuilder {
  private views: PictureViews = DEFAULT_PICTURE_VIEWS;
  private scratch: Scratch | null = null;
  /** Bumped when the parameters or data change without a step (load, rescue, new data). */
  private epoch = 0;
  private readonly health = new Refreshed<UnitHealth[]>();
  private readonly kinks = new Refreshed<{ x: Float64Array; pieces: number }>();

  constructor(private readonly now: () => number) {}

  setViews(views: PictureViews): void {
    if (!views.kinks) this.kinks.forget();
    this.views = { ...views };
  }

  /** The parameters or data changed without a step: cached parts are out of date. */
  invalidate(): void {
    this.epoch++;
  }

  build(run: TrainingRun, grid: Float32Array, standingStill: boolean): BuiltPicture {
    const s = this.scratchFor(run);
    const net = run.net;
    const hidden = net.layers.length - 1;
    const views = this.views;
    const G = grid.length;
    const transfer: Transferable[] = [];
    let gridOutput: Float32Array | null = null;
    if (views.units || views.layers) {
      s.ws ??= createWorkspace(net, G);
      // The engine's forward where it has a fast one (the dense kernels): the TS forward
      // over the grid costs about a step's time on a wide deep network, every frame.
      const fast = grid === run.grid ? run.gridForward : null;
      if (fast) {
        s.gridOut ??= new Float32Array(G);
        fast(s.ws.a, s.gridOut);
        gridOutput = s.gridOut;
      } else {
        const out = forward(net, s.ws, grid, G);
        // The TS forward is the run's curve on the TS engine only (a kernel computes its own).
        if (run.kernelBuild === null && grid === run.grid) gridOutput = out;
      }
    }
    const healthNow = this.health.get(run.step, this.epoch, standingStill, false, this.now, () => {
      // The engine's forward where it has a fast one: the TS forward over every training
      // point costs many steps' time on a wide deep network, and the worker hears nothing meanwhile.
      const zRanges = run.zRanges;
      return zRanges
        ? layerHealth(net, run.data.x, undefined, zRanges)
        : layerHealth(net, run.data.x, this.healthWorkspace(s));
    });
    const health = healthNow.value;
    const layers: LayerPicture[] = [];
    for (let l = 0; l < hidden; l++) {
      const drawn = views.layers && s.ws ? this.drawLayer(s, l, G, transfer) : null;
      const h = health[l]!;
      layers.push({
        width: net.layers[l]!.outDim,
        drawn,
        health: { kind: h.kind, count: h.count, stuck: h.stuck },
        gradRms: gradRms(run, l),
      });
    }
    const out = net.layers[hidden]!;
    const kinks =
      views.kinks && piecewiseLinear(run.config.activation)
        ? this.kinks.get(run.step, this.epoch, standingStill, healthNow.costly, this.now, () => {
            const found = linearPieces(net, PLOT_X_RANGE[0], PLOT_X_RANGE[1]);
            return { x: found.breakpoints, pieces: found.pieces };
          }).value
        : null;
    const picture: NetworkPicture = {
      layers,
      outputGradRms: gradRms(run, hidden),
      units: views.units && s.ws ? this.drawUnits(s, hidden - 1, out.w, G, transfer) : null,
      outputBias: out.b[0]!,
      kinks,
      strips: panelStrips(run.layout, net.layers, run.gradients, this.updatesOf(run, s)),
    };
    transfer.push(...stripBuffers(picture.strips));
    return { picture, transfer, gridOutput };
  }

  /** The last step's updates per layer, views of the run's scratch buffer (rewritten each frame). */
  private updatesOf(run: TrainingRun, s: Scratch): readonly LayerArrays[] {
    s.updates ??= new Float32Array(run.paramLength());
    run.lastUpdates(s.updates);
    return layerViews(run.layout, s.updates);
  }

  private scratchFor(run: TrainingRun): Scratch {
    if (this.scratch?.run !== run) {
      const widest = Math.max(...run.config.layers);
      this.scratch = {
        run,
        ws: null,
        healthWs: null,
        size: new Float64Array(widest),
        taken: new Uint8Array(widest),
        chosen: new Int32Array(MAX_DRAWN_UNITS),
        norms: new Float64Array(widest),
        updates: null,
        gridOut: null,
      };
      this.health.forget();
      this.kinks.forget();
    }
    return this.scratch;
  }

  /** A workspace for health's forward pass over the run's training points (depth only), kept while they are. */
  private healthWorkspace(s: Scratch): Workspace | undefined {
    const { net, data } = s.run;
    if (net.layers.length <= 2 || data.x.length === 0) return undefined;
    if (s.healthWs?.x !== data.x)
      s.healthWs = { x: data.x, ws: createWorkspace(net, data.x.length) };
    return s.healthWs.ws;
  }

  /**
   * Show layers: hidden layer l's activations, its units ranked by how far they can move
   * the next layer (their largest |a_j| on the grid times the size of their outgoing
   * weights; for the last hidden layer that is the units view's ranking).
   */
  private drawLayer(s: Scratch, l: number, G: number, transfer: Transferable[]): DrawnUnits {
    const net = s.run.net;
    const width = net.layers[l]!.outDim;
    const next = net.layers[l + 1]!;
    const acts = s.ws!.a[l]!;
    outgoingNorms(next.w, width, next.outDim, s.norms);
    unitSizes(acts, G, width, s.norms, s.size);
    const n = largestInto(s.size, width, MAX_DRAWN_UNITS, s.taken, s.chosen);
    const units = s.chosen.slice(0, n);
    const rows = new Float32Array(n * G);
    unitRows(acts, G, width, units, n, null, rows);
    transfer.push(units.buffer, rows.buffer);
    return { units, rows, others: null };
  }

  /** Show units: the last hidden layer's contributions w_out_j * a_j(x), the largest drawn and the rest summed. */
  private drawUnits(
    s: Scratch,
    l: number,
    wOut: Float32Array,
    G: number,
    transfer: Transferable[],
  ): DrawnUnits {
    const width = s.run.net.layers[l]!.outDim;
    const acts = s.ws!.a[l]!;
    unitSizes(acts, G, width, wOut, s.size);
    const n = largestInto(s.size, width, MAX_DRAWN_UNITS, s.taken, s.chosen);
    const units = s.chosen.slice(0, n);
    const rows = new Float32Array(n * G);
    unitRows(acts, G, width, units, n, wOut, rows);
    transfer.push(units.buffer, rows.buffer);
    let others: Float64Array | null = null;
    if (n < width) {
      others = new Float64Array(G);
      othersSum(acts, G, width, s.taken, wOut, others);
      transfer.push(others.buffer);
    }
    return { units, rows, others };
  }
}

function gradRms(run: TrainingRun, l: number): { w: number; b: number } {
  const g = run.gradients[l]!;
  return { w: rms(g.w), b: rms(g.b) };
}
