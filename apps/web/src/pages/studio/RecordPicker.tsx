import type { Country, StudioListEntry } from '@vitrina/contracts';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudioList } from '../../api/studio';
import { type PickedCollection, useRecordLookup } from './record-lookup';
import { Reorderable } from './Reorderable';
import { useDebounced } from './use-debounced';

/** Results shown at a time. */
const PAGE_SIZE = 8;
/** Typing pauses this long before the search is asked for. */
const SEARCH_DELAY_MS = 300;

/** A record as a picker shows it: its picture, title, kind and state. */
export function RecordSummary({ entry, collection }: { entry: StudioListEntry | undefined; collection: PickedCollection }) {
  const { t } = useTranslation();
  if (!entry) return <span className="record-summary muted">…</span>;
  const kind = t(collection === 'memorials' ? `memorialKinds.${entry.kind}` : `kinds.${entry.kind}`);
  return (
    <span className="record-summary">
      {entry.thumbnail ? <img src={entry.thumbnail.url} alt="" width={48} height={48} loading="lazy" /> : <span className="thumbnail-blank" aria-hidden="true" />}
      <span className="record-summary-text">
        <span className="record-title" lang={entry.title?.lang}>
          {entry.title?.text ?? entry.slug}
        </span>
        <span className="muted small">
          {kind} · {t(`studio.states.${entry.status}`)}
        </span>
      </span>
    </span>
  );
}

function titleOf(entry: StudioListEntry): string {
  return entry.title?.text ?? entry.slug;
}

/** Search over all of the country's records of a collection, a page at a time. */
function PickerSearch({
  country,
  collection,
  chosen,
  full,
  onPick,
  onClose,
}: {
  country: Country;
  collection: PickedCollection;
  chosen: string[];
  /** No more may be chosen. */
  full: boolean;
  onPick: (entry: StudioListEntry) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), SEARCH_DELAY_MS);
  // A new search starts at its first page.
  const [page, setPage] = useState({ q: '', offset: 0 });
  const offset = page.q === q ? page.offset : 0;
  const list = useStudioList(country.id, collection, { limit: PAGE_SIZE, offset, lang: i18n.language, q });
  const total = list.data?.total ?? 0;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <div className="picker-search" role="group" aria-label={t(`recordPicker.searchIn.${collection}`)} onKeyDown={onKeyDown}>
      <label>
        <span>{t(`recordPicker.search.${collection}`)}</span>
        {/* The search is what the curator opened the picker for. */}
        <input type="search" autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <p className="muted small" role="status">
        {list.data ? t('recordPicker.found', { count: total }) : t('recordPicker.searching')}
      </p>
      <ul className="picker-results">
        {list.data?.items.map((entry) => {
          const taken = chosen.includes(entry.id);
          return (
            <li key={entry.id}>
              <RecordSummary entry={entry} collection={collection} />
              <button
                type="button"
                className="secondary small"
                disabled={taken || full}
                aria-label={`${taken ? t('recordPicker.chosen') : t('recordPicker.choose')}: ${titleOf(entry)}`}
                onClick={() => onPick(entry)}
              >
                {taken ? t('recordPicker.chosen') : t('recordPicker.choose')}
              </button>
            </li>
          );
        })}
      </ul>
      {total > PAGE_SIZE && (
        <nav className="pager" aria-label={t(`recordPicker.pages.${collection}`)}>
          <button type="button" className="secondary small" disabled={offset === 0} onClick={() => setPage({ q, offset: Math.max(0, offset - PAGE_SIZE) })}>
            {t('studio.previous')}
          </button>
          <span>{t('studio.range', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total })}</span>
          <button type="button" className="secondary small" disabled={offset + PAGE_SIZE >= total} onClick={() => setPage({ q, offset: offset + PAGE_SIZE })}>
            {t('studio.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

interface PickerProps {
  country: Country;
  collection: PickedCollection;
  legend: string;
  selected: string[];
  onChange: (ids: string[]) => void;
  /** One record (an item block, a cover) rather than a list in order (a gallery, a map). */
  single?: boolean;
  /** A single record that must be chosen: it can be changed, not removed. */
  required?: boolean;
  /** At most this many (the schema's limit). */
  max?: number;
}

/**
 * Chooses records of the country for an exhibition: the chosen ones with
 * their pictures (in order, removable), and a search over all the country's
 * records that opens beside them.
 */
export function RecordPicker({ country, collection, legend, selected, onChange, single = false, required = false, max }: PickerProps) {
  const { t } = useTranslation();
  const lookup = useRecordLookup();
  const [open, setOpen] = useState(selected.length === 0 && required);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const pick = (entry: StudioListEntry) => {
    lookup.remember(collection, entry);
    if (single) {
      onChange([entry.id]);
      close();
    } else {
      onChange([...selected, entry.id]);
    }
  };
  const full = !single && max !== undefined && selected.length >= max;
  const describe = (id: string) => {
    const entry = lookup.get(collection, id);
    return entry ? titleOf(entry) : t(`recordPicker.one.${collection}`);
  };
  const toggleLabel = open ? t('recordPicker.close') : single && selected.length > 0 ? t('recordPicker.change') : t(`recordPicker.find.${collection}`);

  return (
    <fieldset className="record-picker">
      <legend>{legend}</legend>
      {selected.length === 0 && <p className="muted small">{t('recordPicker.none')}</p>}
      {single && selected[0] && (
        <div className="picked-one">
          <RecordSummary entry={lookup.get(collection, selected[0])} collection={collection} />
          {!required && (
            <button type="button" className="secondary small" aria-label={`${t('studio.remove')}: ${describe(selected[0])}`} onClick={() => onChange([])}>
              {t('studio.remove')}
            </button>
          )}
        </div>
      )}
      {!single && selected.length > 0 && (
        <Reorderable
          className="picked"
          entries={selected.map((id) => ({ id }))}
          onChange={(entries) => onChange(entries.map((entry) => entry.id))}
          describe={(entry) => describe(entry.id)}
          header={(entry) => <RecordSummary entry={lookup.get(collection, entry.id)} collection={collection} />}
          render={() => null}
        />
      )}
      <button ref={toggle} type="button" className="secondary small" aria-expanded={open} aria-label={`${toggleLabel}: ${legend}`} onClick={() => (open ? close() : setOpen(true))}>
        {toggleLabel}
      </button>
      {open && <PickerSearch country={country} collection={collection} chosen={selected} full={full} onPick={pick} onClose={close} />}
    </fieldset>
  );
}
