/**
 * Momentum raised from 0 while the momentum optimizer keeps its state. The page's velocity
 * at momentum 0 is the last gradient (v = 0 v + g); torch's SGD keeps no velocity at
 * momentum 0 and, once raised, would start one from the next gradient. The script then
 * keeps the gradient torch's SGD uses (with weight decay) while momentum is 0, and hands it
 * to torch as the velocity when momentum is raised. Pure: strings.
 */
import type { Replay } from './numpyScriptData';

/** Whether some change raises momentum from 0 without a fresh optimizer. */
export function raisesMomentumFromZero(replay: Replay): boolean {
  return replay.options.some((c, k) => {
    const before = replay.options[k - 1]?.options;
    return (
      before?.optimizer === 'momentum' &&
      before.momentum === 0 &&
      c.options.optimizer === 'momentum' &&
      c.options.momentum !== 0 &&
      !c.freshOptimizer
    );
  });
}

/** In the loop after the param groups are updated: a raised momentum takes the kept velocity. */
export const raiseMomentumLines = [
  '    if velocity is not None and o["optimizer"] == "momentum" and o["momentum"] != 0:',
  "        for p, v in velocity.items():  # momentum raised from 0: the page's velocity is the last gradient",
  '            optimizer.state[p]["momentum_buffer"] = v',
  '        velocity = None',
];

/** After loss.backward(): the gradient torch's SGD steps with, kept while momentum is 0. */
export const keepVelocityLines = [
  '    if o["optimizer"] == "momentum" and o["momentum"] == 0:  # torch keeps no velocity at momentum 0',
  '        velocity = {p: p.grad + g["weight_decay"] * p.detach() for g in optimizer.param_groups for p in g["params"]}',
];
