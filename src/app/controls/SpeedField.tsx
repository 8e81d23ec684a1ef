/** Speed as a slider over fixed stops, from one step a second to as fast as the core goes. */
import { useId } from 'react';
import { formatSpeed, SPEED_STOPS } from '../../core/config';
import { useT } from '../i18n';

interface Props {
  value: number;
  onChange: (speed: number) => void;
}

function nearestStop(speed: number): number {
  let best = 0;
  SPEED_STOPS.forEach((stop, i) => {
    if (
      Math.abs(Math.log(stop) - Math.log(speed)) <
      Math.abs(Math.log(SPEED_STOPS[best]!) - Math.log(speed))
    )
      best = i;
  });
  return Number.isFinite(speed) ? best : SPEED_STOPS.length - 1;
}

export function SpeedField({ value, onChange }: Props) {
  const id = useId();
  const t = useT();
  const index = nearestStop(value);
  const text = Number.isFinite(value) ? t.speedText(formatSpeed(value)) : t.asFastAsPossible;
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id}>{t.speed}</label>
        <output htmlFor={id} className="field-value">
          {Number.isFinite(value) ? formatSpeed(value) : t.speedMax}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={SPEED_STOPS.length - 1}
        step={1}
        value={index}
        aria-valuetext={text}
        onChange={(e) => onChange(SPEED_STOPS[Number(e.target.value)]!)}
      />
      <p className="field-hint">{t.speedHint}</p>
    </div>
  );
}
