/**
 * What a run trained with, step by step: the learning rate and the points in force from
 * each step on, and weights loaded from a model file. The run keeps it as it goes (see
 * TrainingRun), so an exporter can replay the run exactly as the page trained it (see
 * numpyScript), and frames carry its summary to the page (RunSchedule).
 */
import type { LabeledData } from './protocol';
import type { TrainingOptions } from './trainingOptions';

/**
 * Data changes a run keeps. Dragging a point while training changes the data at every
 * mouse move; past this many changes the history keeps the first ones and the newest,
 * and says from which step it no longer knows the points (droppedFrom).
 */
export const MAX_DATA_CHANGES = 8;

/** The learning rate used from `step` on. */
export interface RateChange {
  readonly step: number;
  readonly learningRate: number;
}

/**
 * The training options in force from `step` on (issue #20), and what changing to them
 * replaced (see Learning.setOptions): an exporter replays exactly these transitions.
 */
export interface OptionsChange {
  readonly step: number;
  readonly options: Readonly<TrainingOptions>;
  /** The optimizer's state started afresh (zero moments, t from 1) at this step. */
  readonly freshOptimizer: boolean;
  /** A new batch schedule started at this step: its first step draws a permutation (when B < N). */
  readonly newSchedule: boolean;
  /**
   * A rescue went back to this step past a change of the options or points: the run then
   * kept the optimizer's state and batch order of that change, which no replay from this
   * step can rebuild (the exporters say so).
   */
  readonly rescued?: boolean;
}

/** The points in force from `step` on; null: the data the config generates (nothing held out). */
export interface DataChange {
  readonly step: number;
  readonly data: LabeledData | null;
}

/** Weights loaded from a model file at `step`: the run's life before them is not known. */
export interface LoadedWeights {
  readonly step: number;
  /** The flat parameter vector, laid out as core/paramLayout lays it out (any depth). */
  readonly params: Float32Array;
  /**
   * True when no batch order had been drawn from the run's generator before the load, so
   * a replay's draws after it are the run's; absent: not known (the page's copy).
   */
  readonly freshGenerator?: boolean;
}

/** A run's history as an exporter reads it. */
export interface RunRecord {
  readonly rates: readonly RateChange[];
  /** Option changes, oldest first; empty: the default options (the tutorial's) throughout. */
  readonly options: readonly OptionsChange[];
  /** Never empty: the first entry is the data at the run's first step (0, or the loaded step). */
  readonly data: readonly DataChange[];
  readonly loaded: LoadedWeights | null;
  /** Step of the first data change the history could not keep, or null when it has them all. */
  readonly droppedFrom: number | null;
  /** How many data changes it could not keep. */
  readonly dropped: number;
}

/**
 * The history as frames carry it to the page: points are named by the id the page gave
 * them (LabeledData.id; 0 for the generated data) rather than copied into every frame.
 */
export interface RunSchedule {
  readonly rates: readonly RateChange[];
  readonly options: readonly OptionsChange[];
  readonly data: readonly { readonly step: number; readonly id: number }[];
  /** Step at which weights were loaded from a model file, or null. */
  readonly loadedAt: number | null;
  readonly droppedFrom: number | null;
  readonly dropped: number;
}

export class RunHistory implements RunRecord {
  rates: RateChange[] = [];
  options: OptionsChange[] = [];
  data: DataChange[];
  loaded: LoadedWeights | null = null;
  droppedFrom: number | null = null;
  dropped = 0;

  constructor(data: LabeledData | null = null) {
    this.data = [{ step: 0, data }];
  }

  /** The step about to be taken at `step` uses this learning rate. */
  recordRate(step: number, learningRate: number): void {
    const last = this.rates.at(-1);
    if (last?.learningRate === learningRate) return;
    if (last?.step === step) {
      // Changed again before any step was taken with it (e.g. after a rewind).
      this.rates.pop();
      if (this.rates.at(-1)?.learningRate === learningRate) return;
    }
    this.rates.push({ step, learningRate });
  }

  /**
   * From `step` on the run trains with `options`; `replaced` says what the change started
   * afresh. Several changes at one step (no step taken between them) are one change that
   * replaced whatever any of them replaced.
   */
  recordOptions(
    step: number,
    options: Readonly<TrainingOptions>,
    replaced: { schedule: boolean; optimizer: boolean },
  ): void {
    let freshOptimizer = replaced.optimizer;
    let newSchedule = replaced.schedule;
    const last = this.options.at(-1);
    if (last?.step === step) {
      this.options.pop();
      freshOptimizer ||= last.freshOptimizer;
      newSchedule ||= last.newSchedule;
    }
    this.options.push({ step, options: { ...options }, freshOptimizer, newSchedule });
  }

  /** From `step` on the run trains on `data`. */
  recordData(step: number, data: LabeledData | null): void {
    const last = this.data.at(-1)!;
    if (last.data === data) return;
    if (last.step === step) {
      // Several edits at one step (paused, or no points to train on): only the last counts.
      this.data[this.data.length - 1] = { step, data };
      return;
    }
    if (this.data.length >= MAX_DATA_CHANGES) {
      // The last kept set is overwritten: from its step on, the points are not known.
      this.droppedFrom ??= last.step;
      this.dropped++;
      this.data[this.data.length - 1] = { step, data };
      return;
    }
    this.data.push({ step, data });
  }

  /** The run went back to `step` (a rescue) with the data it has now. */
  rewindTo(step: number): void {
    const latest = this.data.at(-1)!.data;
    const crossedData = this.data.some((d) => d.step > step);
    this.rates = this.rates.filter((r) => r.step <= step);
    this.rewindOptions(step, crossedData);
    const kept = this.data.filter((d) => d.step <= step);
    this.data = kept.length > 0 ? kept : [{ step, data: latest }];
    // Every change past `step` is gone, the unknown ones too.
    if (this.droppedFrom !== null && this.droppedFrom >= step) {
      this.droppedFrom = null;
      this.dropped = 0;
    }
    this.recordData(step, latest);
  }

  /**
   * Options do not go back with a rescue: those in force now apply from `step` on. A change
   * past `step` that replaced the schedule or the optimizer leaves the run with that fresh
   * state after the rewind (a checkpoint cannot hold state of another kind).
   */
  private rewindOptions(step: number, crossedData: boolean): void {
    const current = this.options.at(-1);
    if (!current) return;
    if (current.step <= step) {
      // Only the points changed past `step`: the learning state kept may be from that change.
      if (crossedData) {
        const same = current.step === step;
        if (same) this.options.pop();
        this.options.push({
          step,
          options: current.options,
          freshOptimizer: same && current.freshOptimizer,
          newSchedule: same && current.newSchedule,
          rescued: true,
        });
      }
      return;
    }
    const dropped = this.options.filter((o) => o.step > step);
    this.options = this.options.filter((o) => o.step <= step);
    const at = this.options.at(-1)?.step === step ? this.options.pop() : undefined;
    this.options.push({
      step,
      options: current.options,
      freshOptimizer: dropped.some((o) => o.freshOptimizer) || !!at?.freshOptimizer,
      newSchedule: dropped.some((o) => o.newSchedule) || !!at?.newSchedule,
      rescued: true,
    });
  }

  /** Weights from a model file at `step`: the history starts again there, with the data in force. */
  load(step: number, params: Float32Array, freshGenerator = false): void {
    const latest = this.data.at(-1)!.data;
    this.rates = [];
    this.data = [{ step, data: latest }];
    this.loaded = { step, params: params.slice(), ...(freshGenerator ? { freshGenerator } : {}) };
    // A loaded model starts with fresh optimizer state (TrainingRun.load); the options stay.
    const current = this.options.at(-1);
    this.options = current
      ? [{ step, options: current.options, freshOptimizer: true, newSchedule: false }]
      : [];
    this.droppedFrom = null;
    this.dropped = 0;
  }

  /** The summary a frame carries (small: a few entries). */
  schedule(): RunSchedule {
    return {
      rates: this.rates.slice(),
      options: this.options.slice(),
      data: this.data.map(({ step, data }) => ({ step, id: data?.id ?? 0 })),
      loadedAt: this.loaded?.step ?? null,
      droppedFrom: this.droppedFrom,
      dropped: this.dropped,
    };
  }
}
