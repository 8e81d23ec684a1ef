/** What the two reference lines on the loss plot mean. */
import { useT } from '../i18n';
export function LossNote() {
  const t = useT();
  return (
    <p className="loss-note">
      <span className="swatch-floor" aria-hidden="true" /> {t.lossNoteFloor} <span className="swatch-line" aria-hidden="true" /> {t.lossNoteLine}
    </p>
  );
}
