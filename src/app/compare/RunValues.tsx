/**
 * The runs' values: picked from the list for a setting that is one of a list, typed for a
 * number (applied on Enter or when leaving the field; a value that cannot be a run's says
 * why under the field and the run keeps its value and goes on), a way to remove a run
 * (down to two), and one to add one (up to four).
 */
import { useId, useState } from 'react';
import { MAX_COMPARE_RUNS, MIN_COMPARE_RUNS, type VaryKey } from '../../core/compare';
import { useT, type Messages } from '../i18n';
import { useAppStore } from '../store';
import { addRun, removeRun, setValue } from './compareActions';
import { useCompareStore } from './compareStore';
import { choicesOf, nextValue, readValue, type ValueProblem } from './compareValues';
import { runColor } from './runColors';

function problemText(t: Messages, problem: ValueProblem): string {
  switch (problem.kind) {
    case 'setting':
      return t.problem(problem.problem);
    case 'oneOf':
      return t.compareOneOf(problem.values);
    case 'repeated':
      return t.compareRepeated(problem.value);
  }
}

interface ValueProps {
  index: number;
  vary: VaryKey;
  values: readonly string[];
}

function TypedValue({ index, vary, values }: ValueProps) {
  const t = useT();
  const id = useId();
  const value = values[index]!;
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const [problem, setProblem] = useState<ValueProblem | null>(null);
  // The value can change from elsewhere (a new Vary): show it.
  if (shown !== value) {
    setShown(value);
    setText(value);
    setProblem(null);
  }
  const commit = () => {
    const read = readValue(vary, text, values, index);
    if (!read.ok) {
      setProblem(read.problem);
      return;
    }
    setProblem(null);
    setText(read.value);
    setValue(index, read.value);
  };
  const messageId = `${id}-msg`;
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode={vary === 'batch' ? 'text' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-label={t.compareRunValue(index + 1)}
        aria-invalid={problem !== null}
        aria-describedby={messageId}
        data-testid={`compare-value-${index + 1}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(value);
            setProblem(null);
          }
        }}
      />
      <p
        id={messageId}
        className={problem ? 'field-error' : 'field-hint'}
        role={problem ? 'alert' : undefined}
        data-testid={`compare-value-message-${index + 1}`}
      >
        {problem ? problemText(t, problem) : vary === 'batch' ? t.compareBatchHint : ''}
      </p>
    </>
  );
}

function PickedValue({ index, vary, values }: ValueProps) {
  const t = useT();
  const choices = choicesOf(vary) ?? [];
  return (
    <select
      value={values[index]}
      aria-label={t.compareRunValue(index + 1)}
      data-testid={`compare-value-${index + 1}`}
      onChange={(e) => setValue(index, e.target.value)}
    >
      {choices.map((c) => (
        <option key={c} value={c} disabled={c !== values[index] && values.includes(c)}>
          {c}
        </option>
      ))}
    </select>
  );
}

export function RunValues() {
  const t = useT();
  const theme = useAppStore((s) => s.theme);
  const spec = useCompareStore((s) => s.spec);
  const picked = choicesOf(spec.vary) !== null;
  const canAdd =
    spec.values.length < MAX_COMPARE_RUNS && nextValue(spec.vary, spec.values) !== null;
  const canRemove = spec.values.length > MIN_COMPARE_RUNS;
  return (
    <fieldset className="compare-values">
      <legend>{t.compareRunsLabel}</legend>
      <ol>
        {spec.values.map((value, i) => (
          <li key={`${spec.vary}:${i}`} className="compare-value">
            <span className="run-swatch" style={{ background: runColor(theme, i) }} />
            <div className="field compare-value-field">
              {picked ? (
                <PickedValue index={i} vary={spec.vary} values={spec.values} />
              ) : (
                <TypedValue index={i} vary={spec.vary} values={spec.values} />
              )}
            </div>
            <button
              type="button"
              className="icon-button small"
              onClick={() => removeRun(i)}
              disabled={!canRemove}
              aria-label={t.compareRemoveRun(t.compareRunTitle(spec.vary, value))}
              title={t.compareRemoveRun(t.compareRunTitle(spec.vary, value))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="small"
        onClick={addRun}
        disabled={!canAdd}
        title={t.compareAddRunTitle}
      >
        <span aria-hidden="true">+</span> {t.compareAddRun}
      </button>
    </fieldset>
  );
}
