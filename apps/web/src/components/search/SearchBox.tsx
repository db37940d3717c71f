import type { Suggestion } from '@vitrina/contracts';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

const DEBOUNCE_MS = 150;

/**
 * The site's search field with suggestions as you type, following the ARIA
 * combobox pattern: arrows move through the suggestions, Enter opens the one
 * chosen (or searches for what was typed), Escape closes the list.
 */
export function SearchBox({ initial = '', landmark }: { initial?: string; /** Names the search landmark when a page has two. */ landmark?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [q, setQ] = useState(initial);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);

  useEffect(() => setQ(initial), [initial]);
  useEffect(() => {
    if (q.trim().length < 2) return setSuggestions([]);
    let current = true;
    const timer = setTimeout(() => {
      api<Suggestion[]>('GET', `/api/public/search/suggest?q=${encodeURIComponent(q.trim())}&lang=${i18n.language}`)
        .then((found) => current && (setSuggestions(found), setActive(-1)))
        .catch(() => current && setSuggestions([]));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, i18n.language]);

  const expanded = open && suggestions.length > 0;
  const go = (url: string) => {
    setOpen(false);
    navigate(url);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (expanded && active >= 0) return go(suggestions[active].url);
    if (q.trim()) go(`/search?q=${encodeURIComponent(q.trim())}`);
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
