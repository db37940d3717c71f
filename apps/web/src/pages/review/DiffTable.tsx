import type { FieldChange } from '@vitrina/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { fieldLabel, languageLabel, valueLabel } from './labels';

/** A change of a media list (one file added, removed or moved), not of a file's texts. */
const isListChange = (change: FieldChange) => Boolean(change.assetId) && !change.path.startsWith('mediaTexts.');

/** The file a row is about: its thumbnail (decorative beside its name) and its name. */
function FileName({ change }: { change: FieldChange }) {
  const { t } = useTranslation();
  const name = change.asset?.name ?? t('review.file', { id: change.assetId?.slice(0, 8) });
  return (
    <span className="diff-file">
      {change.asset?.thumbnail && <img src={change.asset.thumbnail} alt="" width={40} height={40} loading="lazy" />}
      <span>{name}</span>
    </span>
  );
}

function Side({ change, side, t }: { change: FieldChange; side: 'before' | 'after'; t: TFunction }) {
  const absent = side === 'before' ? change.change === 'added' : change.change === 'removed';
  if (absent) return <em>{t('review.absent')}</em>;
  const text = isListChange(change) ? t('review.position', { number: change[side] }) : valueLabel(t, change.path, change[side]);
  return side === 'before' ? <del>{text}</del> : <ins>{text}</ins>;
}

/** Live against latest, one row per changed field and language, and per file added to, removed from or moved in a list. */
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
              {fieldLabel(t, change.path)}
              {change.assetId && (
                <>
                  {' · '}
                  <FileName change={change} />
                </>
              )}
              {isListChange(change) && <span className="muted small"> · {t(`review.changeKinds.${change.change}`)}</span>}
            </th>
            <td>{languageLabel(t, change.lang)}</td>
            <td className="before">
              <Side change={change} side="before" t={t} />
            </td>
            <td className="after">
              <Side change={change} side="after" t={t} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
