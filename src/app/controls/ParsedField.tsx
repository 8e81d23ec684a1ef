/**
 * A typed setting read from text: applies on Enter or blur, only when the text parses;
 * otherwise shows core's problem inline and keeps the last good value in force. Escape
 * reverts the text. A null value shows an empty field (with its placeholder) that may be
 * left empty: there is nothing single to show (the hidden units when the layers differ).
 */
import { useId, useState, type ReactNode } from 'react';
import type { Problem } from '../../core/problems';
import { useT } from '../i18n';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export interface ParsedFieldProps<T> {
  label: string;
  value: T | null;
  parse: (text: string) => Parsed<T>;
  /** The text a value is shown as; two values that read the same are the same setting. */
  format: (value: T) => string;
  onCommit: (value: T) => void;
  /** Shown under the field when there is no error. */
  hint?: string;
  placeholder?: string;
  /** Extra content beside the input (e.g. a button). */
  children?: ReactNode;
  inputMode?: 'numeric' | 'decimal' | 'text';
}

export function ParsedField<T>({
  label,
  value,
  parse,
  format,
  onCommit,
  hint,
  placeholder,
  children,
  inputMode = 'decimal',
}: ParsedFieldProps<T>) {
  const id = useId();
  const written = value === null ? '' : format(value);
  const [text, setText] = useState(written);
  const t = useT();
  // Kept as a problem, not text, so a language switch rewords it.
  const [error, setError] = useState<Problem | null>(null);

  // The value can change from elsewhere (a new random seed, a reset): show it. Adjusted while
  // rendering, React's way for state that follows a prop, rather than in an effect.
  const [shown, setShown] = useState(written);
  if (written !== shown) {
    setShown(written);
    setText(written);
    setError(null);
  }

  const commit = () => {
    if (value === null && text.trim() === '') {
      setError(null);
      setText('');
      return;
    }
    const result = parse(text);
    if (!result.ok) {
      setError(result.problem);
      return;
    }
    setError(null);
    const next = format(result.value);
    setText(next);
    if (next !== written) onCommit(result.value);
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
          placeholder={placeholder}
          aria-invalid={error !== null}
          aria-describedby={messageId}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(written);
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
