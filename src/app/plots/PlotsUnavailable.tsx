/** Said in the fit plot's place when Plotly's chunk could not be loaded (see plotlyLoader.ts). */
import { useT } from '../i18n';

export function PlotsUnavailable() {
  const t = useT();
  return (
    <div className="plots-unavailable" role="alert">
      <p>{t.plotsUnavailable}</p>
      <button type="button" onClick={() => location.reload()}>
        {t.reloadPage}
      </button>
    </div>
  );
}
