import type { FieldChange, LocalizedText } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';

/** A value of the diff as text: a language entry shows its text and translation status. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && value !== null && 'text' in value) {
    const entry = value as NonNullable<LocalizedText['ru']>;
    return entry.status === 'original' ? entry.text : `${entry.text} (${entry.status})`;
  }
  if (Array.isArray(value)) return value.map(show).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Live against latest, one row per changed field and language; media texts name their file. */
export function DiffTable({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="muted">{t('review.noChanges')}</p>;
  return (
    <table className="diff">
      <caption>{t('review.changes')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.field')}</th>
          <th scope="col">{t('review.language')}</th>
          <th scope="col">{t('review.live')}</th>
          <th scope="col">{t('review.latest')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={`${change.assetId ?? ''}${change.path}@${change.lang ?? ''}`} data-change={change.change}>
            <th scope="row">
              {change.path}
              {change.assetId && <span className="muted small"> · {t('review.file', { id: change.assetId.slice(0, 8) })}</span>}
            </th>
            <td>{change.lang ?? '—'}</td>
            <td className="before">{change.change === 'added' ? <em>{t('review.absent')}</em> : <del>{show(change.before)}</del>}</td>
            <td className="after">{change.change === 'removed' ? <em>{t('review.absent')}</em> : <ins>{show(change.after)}</ins>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
