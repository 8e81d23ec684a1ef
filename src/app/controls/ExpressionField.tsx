/**
 * The custom target, typed as an expression of x. Applies on Enter or blur when it
 * compiles and is finite on [-1, 1]; otherwise points at the problem and the last good
 * target stays in force.
 */
import { useId, useState } from 'react';
import { checkExpression } from '../../core/dataset';
import type { ExpressionProblem } from '../../core/problems';
import { useT } from '../i18n';

interface Props {
  value: string;
  onCommit: (expression: string) => void;
}

export function ExpressionField({ value, onCommit }: Props) {
  const id = useId();
  const t = useT();
  const [text, setText] = useState(value);
  // Kept as a problem, not text, so a language switch rewords it.
  const [error, setError] = useState<{ problem: ExpressionProblem; position: number } | null>(null);
  // The value can change from elsewhere (a preset, a shared link): show it. Adjusted while
  // rendering, React's way for state that follows a prop, rather than in an effect.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
    setError(null);
  }

  const commit = () => {
    const result = checkExpression(text);
    if (!result.ok) {
      setError(result);
      return;
    }
    setError(null);
    if (text !== value) onCommit(text);
  };

  const messageId = `${id}-msg`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{t.targetExpression}</label>
      <input
        id={id}
        type="text"
        className="mono"
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
            setText(value);
            setError(null);
          }
        }}
      />
      {error ? (
        <p id={messageId} className="field-error" role="alert">
          {error.position > 0 && error.position <= text.length && (
            <code className="caret-line" aria-hidden="true">
              {text.slice(0, error.position)}
              <mark>{text.slice(error.position, error.position + 1) || ' '}</mark>
            </code>
          )}
          {t.problem(error.problem)}
        </p>
      ) : (
        <p id={messageId} className="field-hint">
          {t.expressionHint}
        </p>
      )}
    </div>
  );
}
