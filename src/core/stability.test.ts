import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { TrainingRun } from './run';
import { learningRateRisky, suggestedLearningRate } from './stability';

describe('learning rate and the summed gradient', () => {
  it("the tutorial's own settings are not flagged, and its rate is the suggestion there", () => {
    expect(learningRateRisky(0.01, 30, 10)).toBe(false);
    expect(suggestedLearningRate(30, 10)).toBe(0.01);
  });

  it('flags the tutorial rate at H = 1024 and suggests a rate that trains', () => {
    expect(learningRateRisky(0.01, 30, 1024)).toBe(true);
    const lr = suggestedLearningRate(30, 1024);
    expect(lr).toBe(5e-5);
    const { learningRate: _l, speed: _s, ...model } = DEFAULT_CONFIG;
    // Independent evidence: at the flagged rate tanh diverges and relu's loss spikes over 100x
    // (killing units); at the suggested rate both fall steadily from the first loss.
    const blown = new TrainingRun({ ...model, hidden: 1024, activation: 'tanh' });
    blown.train(500, 0.01, new Float32Array(500), 0);
    expect(blown.divergedAt).not.toBeNull();
    const spiky = new TrainingRun({ ...model, hidden: 1024 });
    const spikes = new Float32Array(500);
    spiky.train(500, 0.01, spikes, 0);
    expect(Math.max(...spikes)).toBeGreaterThan(100 * spikes[0]!);
    for (const activation of ['relu', 'tanh'] as const) {
      const calm = new TrainingRun({ ...model, hidden: 1024, activation });
      const losses = new Float32Array(2000);
      calm.train(2000, lr, losses, 0);
      expect(calm.divergedAt).toBeNull();
      expect(Math.max(...losses)).toBe(losses[0]);
      expect(losses[1999]!).toBeLessThan(losses[0]! * 0.6);
    }
  });
});
