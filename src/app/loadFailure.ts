/**
 * Shown when the app's own chunk cannot be loaded (offline, or a page left open across a
 * redeploy whose old files are gone): a message and a reload button instead of a blank page.
 * Plain DOM, because React is in the chunk that failed.
 */
import { t } from './i18n';

export function showLoadFailure(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const box = document.createElement('div');
  box.className = 'load-failure';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = t().appLoadFailed;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = t().reloadPage;
  reload.addEventListener('click', () => location.reload());
  box.append(text, reload);
  root.replaceChildren(box);
}
