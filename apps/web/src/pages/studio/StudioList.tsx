import { CONTENT_STATUSES, type Collection, type Country, kindOfCollection } from '@vitrina/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDeleteRecord, useStudioList } from '../../api/studio';
import { Text } from '../../components/content/Text';
import { Notice, type NoticeState, errorNotice } from '../../components/staff/Notice';
import '../../components/staff/stacked-table.css';

const PAGE_SIZE = 20;

export function StudioList({ country, collection }: { country: Country; collection: Collection }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<NoticeState>();
  const list = useStudioList(country.id, collection, { limit: PAGE_SIZE, offset, lang: i18n.language, q: q.trim(), status, kind });
  const deleteRecord = useDeleteRecord(country.id, collection);
  const { type, subKinds: kinds } = kindOfCollection(collection);
  // A person's kind is their fate.
  const kindLabel = (value: string) => t(type === 'memorial' ? `memorialKinds.${value}` : type === 'person' ? `person.fates.${value}` : `kinds.${value}`);

  async function remove(id: string) {
    try {
      await deleteRecord.mutateAsync(id);
      setNotice({ kind: 'ok', key: 'studio.deleted' });
    } catch (error) {
      setNotice(errorNotice(error));
    }
  }

  return (
    <section aria-labelledby="studio-list-heading">
      <div className="list-header">
        <h2 id="studio-list-heading">{t(`studio.collections.${collection}`)}</h2>
        <Link className="button" to={`/studio/${country.id}/${collection}/new`}>
          {t(`studio.new.${collection}`)}
        </Link>
      </div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('studio.search')}</span>
          <input type="search" value={q} onChange={(e) => (setQ(e.target.value), setOffset(0))} />
        </label>
        <label>
          <span>{t('studio.status')}</span>
          <select value={status} onChange={(e) => (setStatus(e.target.value), setOffset(0))}>
            <option value="">{t('studio.any')}</option>
            {CONTENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`studio.states.${value}`)}
              </option>
            ))}
          </select>
        </label>
        {kinds.length > 0 && (
          <label>
            <span>{t('studio.kind')}</span>
            <select value={kind} onChange={(e) => (setKind(e.target.value), setOffset(0))}>
              <option value="">{t('studio.any')}</option>
              {kinds.map((value) => (
                <option key={value} value={value}>
                  {kindLabel(value)}
                </option>
              ))}
            </select>
          </label>
        )}
      </form>
      <Notice notice={notice} />
      <table className="stacked studio-list">
        <thead>
          <tr>
            <th scope="col">{t('studio.title')}</th>
            {kinds.length > 0 && <th scope="col">{t('studio.kind')}</th>}
            <th scope="col">{t('studio.status')}</th>
            <th scope="col">{t('studio.updated')}</th>
            <th scope="col">{t('admin.users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((entry) => (
            <tr key={entry.id}>
              <td>
                <Link to={`/studio/${country.id}/${collection}/${entry.id}`}>
                  {entry.title ? <Text value={entry.title} /> : entry.slug}
                </Link>
              </td>
              {kinds.length > 0 && <td data-label={t('studio.kind')}>{kindLabel(entry.kind)}</td>}
              <td data-label={t('studio.status')}>
                {t(`studio.states.${entry.status}`)}
                {entry.isLive && entry.status !== 'published' && <span className="badge">{t('workflow.live')}</span>}
              </td>
              <td data-label={t('studio.updated')}>
                <time dateTime={entry.updatedAt}>{new Date(entry.updatedAt).toLocaleString(i18n.language)}</time>
              </td>
              <td>
                {entry.status === 'draft' && !entry.isLive && (
                  <button type="button" className="secondary" onClick={() => remove(entry.id)}>
                    {t('studio.delete')}
                    <span className="visually-hidden"> {entry.slug}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.items.length === 0 && <p className="muted">{t('studio.empty')}</p>}
      {list.data && (
        <nav className="pager" aria-label={t('studio.pages')}>
          <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t('studio.previous')}
          </button>
          <span>
            {t(list.data.totalAtLeast ? 'studio.rangeAtLeast' : 'studio.range', { from: list.data.total === 0 ? 0 : offset + 1, to: Math.min(offset + PAGE_SIZE, list.data.total), total: list.data.total })}
          </span>
          <button type="button" className="secondary" disabled={offset + PAGE_SIZE >= list.data.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {t('studio.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
