/** One sentence on what the current choice of activation means for this data. */
import { useAppStore } from './store';

function lesson(activation: string, dataset: string): string {
  if (activation === 'none') {
    return dataset === 'linear'
      ? 'No activation: every hidden unit is a line, and a sum of lines is a line, which is all this data needs.'
      : 'No activation: every hidden unit is a line, and a sum of lines is still a line, so the network cannot bend to fit x². This is the tutorial’s underfitting experiment: try ReLU.';
  }
  if (activation === 'relu') {
    return 'ReLU: each hidden unit is a hinge, max(0, w·x + b). The output adds the hinges up, so the curve can bend: this is how the tutorial’s network fits x².';
  }
  return `${activation === 'tanh' ? 'tanh' : 'Sigmoid'}: each hidden unit is a smooth step. Weighted sums of steps make smooth curves, so the network can bend to the data.`;
}

export function Lesson() {
  const activation = useAppStore((s) => s.config.activation);
  const dataset = useAppStore((s) => s.config.dataset);
  return <p className="lesson">{lesson(activation, dataset)}</p>;
}
