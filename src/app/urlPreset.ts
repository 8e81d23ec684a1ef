/** The one place that reads `location` for a preset: `?preset=<id>` on load. */
import { presetFromQuery, type PresetId } from '../core/presets';

export function presetFromLocation(): PresetId | null {
  return presetFromQuery(window.location.search);
}
