/** Says what a shared link got wrong (and that defaults were used for it), until dismissed. */
import { useAppStore } from './store';
import { useT } from './i18n';

export function UrlNotice() {
  const t = useT();
  const notice = useAppStore((s) => s.urlNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="status" aria-label={t.linkNotice}>
      <div>
        <strong>{t.noticeHeading}</strong>
        <ul>
          {notice.map((problem, i) => (
            // The list is fixed once read, so its order is a stable key.
            <li key={i}>{t.problem(problem)}</li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label={t.dismiss}
        onClick={() => useAppStore.setState({ urlNotice: null })}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path
            d="M6 6l12 12M18 6L6 18"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
      </button>
    </div>
  );
}
