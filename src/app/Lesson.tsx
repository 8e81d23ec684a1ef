/** One sentence on what the current choice of activation means for this data. */
import { useAppStore } from './store';
import { useT, type Messages } from './i18n';

function lesson(t: Messages, activation: string, dataset: string): string {
  if (activation === 'none') {
    return dataset === 'linear' ? t.lessonNoneLinear : t.lessonNoneSquare;
  }
  if (activation === 'relu') {
    return t.lessonRelu;
  }
  return t.lessonSmooth(activation === 'tanh' ? 'tanh' : 'Sigmoid');
}

export function Lesson() {
  const activation = useAppStore((s) => s.config.activation);
  const dataset = useAppStore((s) => s.config.dataset);
  const t = useT();
  return <p className="lesson">{lesson(t, activation, dataset)}</p>;
}
