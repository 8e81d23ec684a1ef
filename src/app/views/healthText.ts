/** One line on the hidden units that have stopped (or slowed) learning, in the sense true for the activation. */
import type { ActivationName } from '../../core/activations';
import type { UnitHealth } from '../../core/unitHealth';
import type { Messages } from '../i18n';

export function healthText(
  t: Messages,
  act: ActivationName,
  health: UnitHealth,
  hidden: number,
): string {
  return t.health[act](health.count, hidden);
}
