/**
 * The lines on the hidden units that have stopped (or slowed) learning, in the sense true
 * for the activation: one sentence for the tutorial's single layer; at depth, a short count
 * per layer and one note on what those counts mean when a layer's input is the layer below.
 */
import type { ActivationName } from '../../core/activations';
import type { UnitHealth } from '../../core/unitHealth';
import type { Messages } from '../i18n';

export function healthText(
  t: Messages,
  act: ActivationName,
  health: Pick<UnitHealth, 'count'>,
  hidden: number,
): string {
  return t.health[act](health.count, hidden);
}

/** One layer's count at depth (without an activation, that there is nothing to count). */
export function layerHealthText(
  t: Messages,
  act: ActivationName,
  health: Pick<UnitHealth, 'count'>,
  width: number,
): string {
  return t.layerHealth[act](health.count, width);
}

/** The note under a deep network's layers: what a counted unit is and what it does to the layers below. */
export function deepHealthNote(t: Messages, act: ActivationName): string {
  return t.healthDeep[act];
}
