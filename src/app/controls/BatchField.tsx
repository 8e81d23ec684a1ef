/**
 * The batch size: a whole number of points a step, or empty for the full batch (null). A
 * batch above the N training points is kept as typed (the data may grow again) and the run
 * clamps it to N: a note says so. A button goes back to the full batch.
 */
import { useCallback } from 'react';
import { parseNumeric } from '../../core/config';
import { TRAINING_NUMERIC_SPECS } from '../../core/trainingOptions';
import { useT } from '../i18n';
import { ParsedField, type Parsed } from './ParsedField';

interface Props {
  /** The option: null is the full batch. */
  value: number | null;
  /** The points a step can draw from: the training points (held-out ones are never in a batch). */
  points: number;
  onCommit: (batchSize: number | null) => void;
}

/** Words that mean the full batch when typed (the link's `batch=full`, and the placeholders). */
const FULL_WORDS = ['full', 'full batch', '全批量'];

/** Empty or "full" is the full batch; otherwise a whole number in TRAINING_NUMERIC_SPECS's range. */
export function parseBatch(text: string): Parsed<number | null> {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || FULL_WORDS.includes(trimmed)) return { ok: true, value: null };
  return parseNumeric(text, TRAINING_NUMERIC_SPECS.batchSize);
}

const formatBatch = (value: number | null) => (value === null ? '' : String(value));

export function BatchField({ value, points, onCommit }: Props) {
  const t = useT();
  const commit = useCallback((batch: number | null) => onCommit(batch), [onCommit]);
  const clamped = value !== null && points > 0 && value > points;
  const hint =
    value !== null && value < points
      ? t.batchSteps(points, Math.ceil(points / value))
      : t.batchHint(Math.max(points, 1));
  return (
    <>
      <ParsedField
        label={t.batchSize}
        value={value}
        parse={parseBatch}
        format={formatBatch}
        onCommit={commit}
        inputMode="numeric"
        placeholder={t.batchFull}
        hint={hint}
      >
        {value !== null && (
          <button type="button" className="small field-side-button" onClick={() => onCommit(null)}>
            {t.useFullBatch}
          </button>
        )}
      </ParsedField>
      {clamped && (
        <p className="batch-clamped" role="status" data-testid="batch-clamped">
          {t.batchClamped(value, points)}
        </p>
      )}
    </>
  );
}
