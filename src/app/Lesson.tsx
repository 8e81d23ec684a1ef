/** One sentence on what the current choice of activation means for this data. */
import { useAppStore } from './store';
import { useT } from './i18n';
import { lessonText } from './lessonText';

export function Lesson() {
  const activation = useAppStore((s) => s.config.activation);
  const dataset = useAppStore((s) => s.config.dataset);
  const own = useAppStore((s) => s.customData !== null);
  const depth = useAppStore((s) => s.config.layers.length);
  const t = useT();
  return (
    <p className="lesson" data-testid="lesson">
      {lessonText(t, activation, own ? 'own' : dataset, depth)}
    </p>
  );
}
