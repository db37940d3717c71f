import { type ClipboardEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTokens, hasSeparator, splitTokens } from './tokens';
import './forms.css';

export interface TokenInputProps {
  /** Names the group and its text box ("Tags", "Spellings 1"). */
  label: string;
  value: readonly string[];
  onChange: (tokens: string[]) => void;
  /** The longest token: the text box takes no more. */
  maxLength?: number;
  /** The most tokens the list takes; more are not added. */
  maxTokens?: number;
  /** Language of the tokens, for screen readers and spell checking. */
  lang?: string;
  /** Id of a message about the field (a validation message), read with the text box. */
  describedBy?: string;
  invalid?: boolean;
}

/**
 * A list of short texts typed as chips: a comma or Enter makes a chip of what was typed (what is being
 * typed is never split or trimmed), a paste of "a, b, c" makes three, Backspace in the empty box marks
 * the last chip and a second Backspace removes it; every chip has a remove button, and Delete or
 * Backspace on it removes it too. Leaving the box keeps what was typed as a chip.
 */
export function TokenInput({ label, value, onChange, maxLength, maxTokens, lang, describedBy, invalid }: TokenInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  // The last chip marked by a first Backspace in the empty box; a second one removes it.
  const [marked, setMarked] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const commit = (incoming: string[], rest = '') => {
    setText(rest);
    setMarked(false);
    const { tokens, added } = addTokens(value, incoming, maxTokens);
    if (added.length > 0) {
      onChange(tokens);
      setAnnouncement(t('inputs.tokens.added', { tokens: added.join(', ') }));
    } else if (incoming.length > 0) {
      setAnnouncement(tokens.length >= (maxTokens ?? Infinity) ? t('inputs.tokens.full') : t('inputs.tokens.already', { tokens: incoming.join(', ') }));
    }
  };

  const removeAt = (index: number, focus: 'next' | 'input') => {
    const removed = value[index];
    onChange(value.filter((_, i) => i !== index));
    setMarked(false);
    setAnnouncement(t('inputs.tokens.removed', { token: removed }));
    // Focus stays in the list where it was: on the chip that took the removed one's place, else the one
    // before it, else the text box.
    if (focus === 'input' || value.length === 1) return input.current?.focus();
    const next = Math.min(index, value.length - 2);
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus());
  };

  const focusChip = (index: number) => list.current?.querySelectorAll<HTMLButtonElement>('button')[index]?.focus();

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // A key that ends an input method's composition is the composition's, not a separator.
    if (event.nativeEvent.isComposing) return;
    const atStart = event.currentTarget.selectionStart === 0 && event.currentTarget.selectionEnd === 0;
    if (event.key === 'Enter' || event.key === ',') {
      // Enter would submit the form: here it ends a chip (an empty box lets the form have it).
      if (event.key === ',' || text.trim() !== '') event.preventDefault();
      commit(splitTokens(text));
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      event.preventDefault();
      if (marked) removeAt(value.length - 1, 'input');
      else {
        setMarked(true);
        setAnnouncement(t('inputs.tokens.marked', { token: value[value.length - 1] }));
      }
    } else if (event.key === 'ArrowLeft' && atStart && value.length > 0) {
      event.preventDefault();
      focusChip(value.length - 1);
    } else if (marked && event.key !== 'Shift') {
      setMarked(false);
    }
  };

  const onChipKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      removeAt(index, 'next');
    } else if (event.key === 'ArrowLeft' && index > 0) {
      event.preventDefault();
      focusChip(index - 1);
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      if (index < value.length - 1) focusChip(index + 1);
      else input.current?.focus();
    }
  };

  // Typed text with a separator in it (a phone keyboard sends no key for a comma): what is before the
  // last separator becomes chips, what follows it stays in the box as typed.
  const onInputChange = (typed: string) => {
    if (!hasSeparator(typed)) return setText(typed);
    const parts = typed.split(/[,\n\r\t]/);
    commit(splitTokens(parts.slice(0, -1).join(',')), parts[parts.length - 1].trimStart());
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    if (!hasSeparator(pasted)) return;
    event.preventDefault();
    const box = event.currentTarget;
    const combined = text.slice(0, box.selectionStart ?? text.length) + pasted + text.slice(box.selectionEnd ?? text.length);
    commit(splitTokens(combined));
  };

  const hintId = `${id}-hint`;
  return (
    <fieldset className={`token-input${invalid ? ' invalid' : ''}`}>
      <legend>{label}</legend>
      {value.length > 0 && (
        <ul ref={list} className="tokens">
          {value.map((token, index) => (
            <li key={token} className={`token${marked && index === value.length - 1 ? ' marked' : ''}`} lang={lang}>
              <span>{token}</span>
              <button
                type="button"
                className="token-remove"
                aria-label={t('inputs.tokens.remove', { token })}
                onClick={() => removeAt(index, 'next')}
                onKeyDown={(event) => onChipKeyDown(event, index)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        id={id}
        aria-label={label}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        lang={lang}
        value={text}
        maxLength={maxLength}
        enterKeyHint="done"
        onChange={(event) => onInputChange(event.target.value)}
        onKeyDown={onInputKeyDown}
        onPaste={onPaste}
        onBlur={() => commit(splitTokens(text))}
      />
      <small id={hintId} className="muted">
        {t('inputs.tokens.hint')}
      </small>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </fieldset>
  );
}
