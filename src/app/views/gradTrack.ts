/**
 * Which gradient history the chart draws: one per run and set of widths, kept outside the
 * components so a language or theme change (which re-mounts their effects) keeps the lines.
 */
import type { Frame } from '../../core/protocol';
import { GradHistory, layerRms } from './gradHistory';

let tracked: { runId: number; widths: string; history: GradHistory } | null = null;

/**
 * The history of the frame's run, with the frame's sample added: each hidden layer's
 * gradient RMS over its parameters, then the output layer's. A frame of an earlier step
 * (a rescue went back) cuts the history back to before it.
 */
export function recordGradients(frame: Frame): GradHistory {
  const widths = frame.layers.join(',');
  const L = frame.layers.length;
  if (!tracked || tracked.runId !== frame.runId || tracked.widths !== widths)
    tracked = { runId: frame.runId, widths, history: new GradHistory(L + 1) };
  const { history } = tracked;
  const { picture } = frame;
  if (picture.layers.length !== L) return history;
  if (frame.step < history.lastStep) history.truncate(frame.step - 1);
  const sample = new Float64Array(L + 1);
  for (let l = 0; l < L; l++)
    sample[l] = layerRms(
      picture.layers[l]!.gradRms,
      l === 0 ? 1 : frame.layers[l - 1]!,
      frame.layers[l]!,
    );
  sample[L] = layerRms(picture.outputGradRms, frame.layers[L - 1]!, 1);
  history.append(frame.step, sample);
  return history;
}
