/** One line under the fit plot's title saying what each mark means, for the views that are on. */
import { useAppStore } from '../store';
import { useViewStore } from './viewStore';

export function FitLegend() {
  const showUnits = useViewStore((s) => s.showUnits);
  const showKinks = useViewStore((s) => s.showKinks);
  const showResiduals = useViewStore((s) => s.showResiduals);
  const activation = useAppStore((s) => s.config.activation);
  const parts = ['orange: the network'];
  if (showUnits) parts.push('thin purple: its hidden units, which add up to orange');
  if (showKinks && activation !== 'none') parts.push(`▲ ${activation === 'relu' ? 'hinges' : 'centres'} (hollow: outside the data)`);
  if (showResiduals) parts.push('red: residuals');
  parts.push('click a point to inspect it');
  return <p className="fit-legend">{parts.join(' · ')}</p>;
}
