/** One line under the fit plot's title saying what each mark means, for the views that are on. */
import { piecewiseLinear } from '../../core/framePolicy';
import { KINK_KINDS } from '../../core/insight';
import { useAppStore } from '../store';
import { useViewStore } from './viewStore';
import { useT } from '../i18n';
import { useRunData } from './runData';

export function FitLegend() {
  const showUnits = useViewStore((s) => s.showUnits);
  const showKinks = useViewStore((s) => s.showKinks);
  const showResiduals = useViewStore((s) => s.showResiduals);
  const activation = useAppStore((s) => s.config.activation);
  const depth = useAppStore((s) => s.config.layers.length);
  const batchSize = useAppStore((s) => s.config.batchSize);
  const trained = useRunData().train.x.length;
  const t = useT();
  const parts = [t.legendNetwork];
  if (showUnits) parts.push(t.legendUnits, depth === 1 ? t.legendBias : t.legendBiasDeep);
  if (showKinks && activation !== 'none') {
    // At depth only piecewise-linear networks have kinks to mark (see fitLayers).
    if (depth === 1) parts.push(t.legendKinks(KINK_KINDS[activation]));
    else if (piecewiseLinear(activation)) parts.push(t.legendDeepKinks);
  }
  if (showResiduals) parts.push(t.legendResiduals);
  if (batchSize !== null && batchSize < trained) parts.push(t.legendBatch);
  parts.push(t.legendClick);
  return <p className="fit-legend">{parts.join(' · ')}</p>;
}
