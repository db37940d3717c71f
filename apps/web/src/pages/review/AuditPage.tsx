import type { AuditPage as AuditPageData } from '@vitrina/contracts';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { Notice, errorNotice } from '../admin/Notice';

interface Filters {
  action: string;
  actor: string;
  from: string;
  to: string;
}

function query(countryId: string, filters: Filters, before?: number): string {
  const params = new URLSearchParams({ countryId });
  if (filters.action) params.set('action', filters.action);
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.from) params.set('from', new Date(filters.from).toISOString());
  if (filters.to) params.set('to', new Date(filters.to).toISOString());
  if (before) params.set('before', String(before));
  return params.toString();
}

/** The country's audit log with filters, newest first, paged; the same selection downloads as CSV. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { countryId = '' } = useParams();
  const [draft, setDraft] = useState<Filters>({ action: '', actor: '', from: '', to: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [before, setBefore] = useState<number[]>([]);
  const page = useApi<AuditPageData>(`/api/audit?${query(countryId, filters, before[before.length - 1])}`);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setBefore([]);
  };
  const field = (key: keyof Filters, type = 'text') => (
    <label>
      <span>{t(`audit.filters.${key}`)}</span>
      <input type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('audit.filter')}>
        {field('action')}
        {field('actor')}
        {field('from', 'datetime-local')}
        {field('to', 'datetime-local')}
        <button type="submit">{t('audit.filter')}</button>
        <a href={`/api/audit/export.csv?${query(countryId, filters)}`} download>
          {t('audit.export')}
        </a>
      </form>
      <Notice notice={page.error ? errorNotice(page.error) : undefined} />
      <table className="audit">
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.states')}</th>
            <th scope="col">{t('audit.address')}</th>
          </tr>
        </thead>
        <tbody>
          {page.data?.items.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(i18n.language)}</time>
              </td>
              <td>{entry.actorEmail ?? '—'}</td>
              <td>{entry.action}</td>
              <td>
                {entry.entityType} <span className="muted small">{entry.entityId?.slice(0, 8)}</span>
                {typeof entry.details.comment === 'string' && <q>{entry.details.comment}</q>}
              </td>
              <td>{entry.fromState || entry.toState ? `${entry.fromState ?? '—'} → ${entry.toState ?? '—'}` : ''}</td>
              <td>{entry.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager" aria-label={t('studio.pages')}>
        <button type="button" className="secondary" disabled={before.length === 0} onClick={() => setBefore(before.slice(0, -1))}>
          {t('studio.previous')}
        </button>
        <button type="button" className="secondary" disabled={!page.data?.next} onClick={() => page.data?.next && setBefore([...before, page.data.next])}>
          {t('studio.next')}
        </button>
      </nav>
    </section>
  );
}
