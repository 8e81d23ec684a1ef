/**
 * A typed numeric setting: applies on Enter or blur, only when valid; otherwise shows
 * an inline message and keeps the last good value in force. Escape reverts the text.
 */
import { useId, useState, type ReactNode } from 'react';
import { parseNumeric, type NumericSpec } from '../../core/config';
import type { NumericProblem } from '../../core/problems';
import { useT } from '../i18n';

interface Props {
  label: string;
  value: number;
  spec: NumericSpec;
  onCommit: (value: number) => void;
  /** Shown under the field when there is no error. */
  hint?: string;
  /** Extra content beside the input (e.g. a button). */
  children?: ReactNode;
  inputMode?: 'numeric' | 'decimal';
}

export function NumberField({
  label,
  value,
  spec,
  onCommit,
  hint,
  children,
  inputMode = 'decimal',
}: Props) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const t = useT();
  // Kept as a problem, not text, so a language switch rewords it.
  const [error, setError] = useState<NumericProblem | null>(null);

  // The value can change from elsewhere (a new random seed, a reset): show it. Adjusted while
  // rendering, React's way for state that follows a prop, rather than in an effect.
  const [shown, setShown] = useState(value);
  if (!Object.is(value, shown)) {
    setShown(value);
    setText(String(value));
    setError(null);
  }

  const commit = () => {
    const result = parseNumeric(text, spec);
    if (!result.ok) {
      setError(result.problem);
      return;
    }
    setError(null);
    setText(String(result.value));
    if (result.value !== value) onCommit(result.value);
  };

  const messageId = `${id}-msg`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-invalid={error !== null}
          aria-describedby={messageId}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(String(value));
              setError(null);
            }
          }}
        />
        {children}
      </div>
      <p
        id={messageId}
        className={error ? 'field-error' : 'field-hint'}
        role={error ? 'alert' : undefined}
      >
        {error ? t.problem(error) : (hint ?? '')}
      </p>
    </div>
  );
}
