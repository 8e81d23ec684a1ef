/** The fit plot's view switches: units, kinks, residuals, and the per-layer plots. */
import { setView, useViewStore } from './viewStore';
import { useT } from '../i18n';
import { useAppStore } from '../store';

export function ViewToggles() {
  const showUnits = useViewStore((s) => s.showUnits);
  const showKinks = useViewStore((s) => s.showKinks);
  const showResiduals = useViewStore((s) => s.showResiduals);
  const showLayers = useViewStore((s) => s.showLayers);
  const deep = useAppStore((s) => s.config.layers.length > 1);
  const t = useT();
  return (
    <div className="view-toggles" role="group" aria-label={t.fitViews}>
      <label className="toggle" title={deep ? t.showUnitsTitleDeep : t.showUnitsTitle}>
        <input
          type="checkbox"
          checked={showUnits}
          onChange={(e) => setView({ showUnits: e.target.checked })}
        />
        {t.showUnits}
      </label>
      <label className="toggle" title={deep ? t.showKinksTitleDeep : t.showKinksTitle}>
        <input
          type="checkbox"
          checked={showKinks}
          onChange={(e) => setView({ showKinks: e.target.checked })}
        />
        {t.showKinks}
      </label>
      <label className="toggle" title={t.showResidualsTitle}>
        <input
          type="checkbox"
          checked={showResiduals}
          onChange={(e) => setView({ showResiduals: e.target.checked })}
        />
        {t.showResiduals}
      </label>
      <label className="toggle" title={t.showLayersTitle}>
        <input
          type="checkbox"
          checked={showLayers}
          onChange={(e) => setView({ showLayers: e.target.checked })}
        />
        {t.showLayers}
      </label>
    </div>
  );
}
