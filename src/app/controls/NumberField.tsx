/**
 * A typed numeric setting: applies on Enter or blur, only when valid; otherwise shows
 * an inline message and keeps the last good value in force. Escape reverts the text.
 */
import { useCallback, type ReactNode } from 'react';
import { parseNumeric, type NumericSpec } from '../../core/config';
import { ParsedField } from './ParsedField';

interface Props {
  label: string;
  /** Null shows an empty field, which may be left empty (see ParsedField). */
  value: number | null;
  spec: NumericSpec;
  onCommit: (value: number) => void;
  /** Shown under the field when there is no error. */
  hint?: string;
  placeholder?: string;
  /** Extra content beside the input (e.g. a button). */
  children?: ReactNode;
  inputMode?: 'numeric' | 'decimal';
}

export function NumberField({ spec, inputMode = 'decimal', ...rest }: Props) {
  const parse = useCallback((text: string) => parseNumeric(text, spec), [spec]);
  return <ParsedField {...rest} parse={parse} format={String} inputMode={inputMode} />;
}
