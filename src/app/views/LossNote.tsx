/**
 * The key to the loss plot's two reference lines: each line's swatch, its value on the
 * points trained on, and what it means, worded so it stays true on a handful of points.
 * The lines carry no labels on the plot itself, where labels ran into each other and the curve.
 */
import { lineBelowTruth } from '../../core/baselines';
import { formatLoss } from '../format';
import { useT } from '../i18n';
import { useLossLayers } from './lossLayers';
import { useRunData } from './runData';

export function LossNote() {
  const t = useT();
  const { baselines } = useLossLayers();
  const points = useRunData().train.x.length;
  return (
    <ul className="loss-note" data-testid="loss-key">
      <li data-testid="loss-key-truth">
        <span className="swatch-floor" aria-hidden="true" />{' '}
        {t.lossNoteFloor(formatLoss(baselines.noiseFloor))}
      </li>
      <li data-testid="loss-key-line">
        <span className="swatch-line" aria-hidden="true" />{' '}
        {t.lossNoteLine(formatLoss(baselines.bestLine))}
      </li>
      {lineBelowTruth(baselines) && (
        <li data-testid="loss-key-small-sample">{t.lossNoteLineBelowTruth(points)}</li>
      )}
    </ul>
  );
}
