import type { Suggestion } from '@vitrina/contracts';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSuggestions } from '../../api/public';

const DEBOUNCE_MS = 150;
const NONE: Suggestion[] = [];

/** The search page for `words` with the `kept` parameters; without words it browses what those let through. */
function searchAddress(words: string, kept?: URLSearchParams): string {
  const params = new URLSearchParams(kept);
  if (words.trim()) params.set('q', words.trim());
  else params.delete('q');
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

/**
 * The site's search field with suggestions as you type, following the ARIA
 * combobox pattern: arrows move through the suggestions, Enter opens the one
 * chosen (or searches for what was typed; with nothing typed, browses), Escape closes the list.
 */
export function SearchBox({
  initial = '',
  landmark,
  keep,
}: {
  initial?: string;
  /** Names the search landmark when a page has two. */
  landmark?: string;
  /** Parameters of the search page (its filters, its order) kept when the words change or are cleared. */
  keep?: URLSearchParams;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [q, setQ] = useState(initial);
  const [typed, setTyped] = useState(initial);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);

  useEffect(() => setQ(initial), [initial]);
  // Suggestions are asked for once the typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setTyped(q), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);
  const found = useSuggestions(typed, i18n.language);
  const suggestions: Suggestion[] = q.trim().length >= 2 && found.data ? found.data : NONE;
  useEffect(() => setActive(-1), [found.data]);

  const expanded = open && suggestions.length > 0;
  const go = (url: string) => {
    setOpen(false);
    navigate(url);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (expanded && active >= 0) return go(suggestions[active].url);
    go(searchAddress(q, keep));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && suggestions.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  return (
    <form role="search" aria-label={landmark ?? t('search.label')} className="search-box" onSubmit={submit}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={q}
        onChange={(e) => (setQ(e.target.value), setOpen(true))}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <button type="submit">{t('search.submit')}</button>
      <ul id={`${id}-list`} role="listbox" aria-label={t('search.suggestions')} className="suggestions" hidden={!expanded}>
        {suggestions.map((suggestion, index) => (
          <li
            key={`${suggestion.url}-${suggestion.text}`}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(e) => (e.preventDefault(), go(suggestion.url))}
          >
            {suggestion.text} <span className="muted small">{t(`search.types.${suggestion.type}`)}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
