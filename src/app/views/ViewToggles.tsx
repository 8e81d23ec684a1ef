/** The fit plot's view switches: units, kinks, residuals. */
import { setView, useViewStore } from './viewStore';

export function ViewToggles() {
  const showUnits = useViewStore((s) => s.showUnits);
  const showKinks = useViewStore((s) => s.showKinks);
  const showResiduals = useViewStore((s) => s.showResiduals);
  return (
    <div className="view-toggles" role="group" aria-label="Fit plot views">
      <label className="toggle" title="Each hidden unit's contribution w2·act(w1·x + b1) as a thin line: they add up to the fit">
        <input type="checkbox" checked={showUnits} onChange={(e) => setView({ showUnits: e.target.checked })} />
        Show units
      </label>
      <label className="toggle" title="Where each unit bends: x = −b1 / w1 (hollow when outside the data)">
        <input type="checkbox" checked={showKinks} onChange={(e) => setView({ showKinks: e.target.checked })} />
        Show kinks
      </label>
      <label className="toggle" title="A segment from each data point to the curve: the errors the loss squares">
        <input type="checkbox" checked={showResiduals} onChange={(e) => setView({ showResiduals: e.target.checked })} />
        Show residuals
      </label>
    </div>
  );
}
