/**
 * What a frame carries at depth: the whole model only while it is small or standing still,
 * and what the views draw always (see Frame.params and Frame.picture in core/protocol).
 * A 4 x 256 network has about 200,000 parameters; sending them, and their gradients, with
 * a running frame would make the worker copy and the page receive megabytes per frame,
 * when the panel draws one value per unit (NetworkPicture.strips).
 */
import type { ActivationName } from './activations';
import { PIECEWISE_LINEAR } from './pieces';
import type { PictureViews } from './protocol';

/**
 * Models with at most this many parameters send them (and their gradients) in every frame:
 * every 1 -> H -> 1 network up to H = 1024 (3H + 1 = 3073) does.
 */
export const FRAME_PARAMS_LIMIT = 4096;
/**
 * Costly parts of the picture (health over the training points, the exact kinks) are
 * recomputed at most this often while a run trains, ms, once they cost more than
 * CHEAP_PICTURE_MS; always when it stands still.
 */
export const PICTURE_REFRESH_MS = 250;
/** A part of the picture computed in less than this is recomputed for every frame, ms. */
export const CHEAP_PICTURE_MS = 1;
/** At most this share of the worker's time goes to the costly parts of the picture. */
export const PICTURE_TIME_SHARE = 0.2;
/** Most units a plot draws of one layer (the largest); the fit plot's unit lines sum the rest. */
export const MAX_DRAWN_UNITS = 32;

/** What the page shows before it says otherwise: its own defaults (units and kinks on). */
export const DEFAULT_PICTURE_VIEWS: PictureViews = { units: true, kinks: true, layers: false };

/**
 * Whether a frame carries the parameters: always for a small model, and for a larger one
 * only while the run stands still (the step inspector, data-params and "Export model" read
 * them then); a larger model's running frames carry what the views draw and no more.
 */
export function paramsDue(paramCount: number, standingStill: boolean): boolean {
  return paramCount <= FRAME_PARAMS_LIMIT || standingStill;
}

/**
 * Whether a costly part of the picture is due again: always while the run stands still or
 * when it is cheap, otherwise after PICTURE_REFRESH_MS and after its last cost has been
 * paid back PICTURE_TIME_SHARE times over.
 */
export function refreshDue(
  standingStill: boolean,
  lastCostMs: number,
  sinceLastMs: number,
): boolean {
  if (standingStill || lastCostMs < CHEAP_PICTURE_MS) return true;
  return sinceLastMs >= Math.max(PICTURE_REFRESH_MS, lastCostMs / PICTURE_TIME_SHARE);
}

/** Activations whose networks are piecewise linear in x at any depth: their kinks are found exactly (core/pieces). */
export function piecewiseLinear(act: ActivationName): boolean {
  return PIECEWISE_LINEAR.includes(act);
}
