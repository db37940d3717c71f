import { AUDIT_ACTIONS, type AuditEntry, apiRoutes } from '@vitrina/contracts';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAudit } from '../../api/review';
import { useAuth } from '../../auth/auth-context';
import { Notice, errorNotice } from '../../components/staff/Notice';
import { actionLabel, entityLabel, stateLabel } from './labels';

interface Filters {
  /** This country's entries, or (admins only) every entry, those of no country (logins, user changes) included. */
  scope: 'country' | 'all';
  action: string;
  actor: string;
  from: string;
  to: string;
}

function query(countryId: string, filters: Filters, before?: number): URLSearchParams {
  const params = new URLSearchParams(filters.scope === 'country' ? { countryId } : {});
  if (filters.action) params.set('action', filters.action);
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.from) params.set('from', new Date(filters.from).toISOString());
  if (filters.to) params.set('to', new Date(filters.to).toISOString());
  if (before) params.set('before', String(before));
  return params;
}

/** Who or what an entry is about: the kind of thing, its short id, the account it names, the moderator's comment. */
function What({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const { email, comment } = entry.details as { email?: unknown; comment?: unknown };
  return (
    <>
      {entityLabel(t, entry.entityType)} <span className="muted small">{entry.entityId?.slice(0, 8)}</span>
      {typeof email === 'string' && <> {email}</>}
      {typeof comment === 'string' && <q>{comment}</q>}
    </>
  );
}

/** The audit log with filters, newest first, paged; the same selection downloads as CSV. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const { countryId = '' } = useParams();
  const [draft, setDraft] = useState<Filters>({ scope: 'country', action: '', actor: '', from: '', to: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [before, setBefore] = useState<number[]>([]);
  const page = useAudit(query(countryId, filters, before[before.length - 1]));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setBefore([]);
  };
  const field = (key: 'actor' | 'from' | 'to', type = 'text') => (
    <label>
      <span>{t(`audit.filters.${key}`)}</span>
      <input type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('audit.filter')}>
        {me?.user.isAdmin && (
          <label>
            <span>{t('audit.filters.scope')}</span>
            <select value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.target.value as Filters['scope'] })}>
              <option value="country">{t('audit.thisCountry')}</option>
              <option value="all">{t('audit.allCountries')}</option>
            </select>
          </label>
        )}
        <label>
          <span>{t('audit.filters.action')}</span>
          <select value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
            <option value="">{t('studio.any')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionLabel(t, action)}
              </option>
            ))}
          </select>
        </label>
        {field('actor')}
        {field('from', 'datetime-local')}
        {field('to', 'datetime-local')}
        <button type="submit">{t('audit.filter')}</button>
        <a href={apiRoutes.audit.exportCsv(query(countryId, filters))} download>
          {t('audit.export')}
        </a>
      </form>
      <Notice notice={page.error ? errorNotice(page.error) : undefined} />
      <table className="audit stacked">
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
            <tr key={entry.id} data-action={entry.action}>
              <td data-label={t('audit.at')}>
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(i18n.language)}</time>
              </td>
              <td data-label={t('audit.who')}>{entry.actorEmail ?? '—'}</td>
              <td data-label={t('audit.action')}>{actionLabel(t, entry.action)}</td>
              <td data-label={t('audit.what')}>
                <What entry={entry} />
              </td>
              <td data-label={t('audit.states')}>{entry.fromState || entry.toState ? `${stateLabel(t, entry.fromState)} → ${stateLabel(t, entry.toState)}` : ''}</td>
              <td data-label={t('audit.address')}>{entry.ip}</td>
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
