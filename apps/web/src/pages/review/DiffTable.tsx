import { type ChangedAsset, type EntryChange, type FieldChange, type ReviewChange, isEntryChange } from '@vitrina/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { entryName, entrySentence, languageLabel, valueLabel, whereLabel } from './labels';

/** A file as the moderator recognises it: its thumbnail (decorative beside its name) and its name, never its id. */
function FileName({ asset, name }: { asset?: ChangedAsset; name: string }) {
  return (
    <span className="diff-file">
      {asset?.thumbnail && <img src={asset.thumbnail} alt="" width={40} height={40} loading="lazy" />}
      <span>{name}</span>
    </span>
  );
}

/** A captions file is named by its checksum: the moderator needs to know it was replaced, not the hash. */
const isCaptionsFile = (change: FieldChange) => change.path.startsWith('mediaTexts.captionVersions');

function Side({ change, side, t }: { change: FieldChange; side: 'before' | 'after'; t: TFunction }) {
  const absent = side === 'before' ? change.change === 'added' : change.change === 'removed';
  if (absent) return <em>{t('review.absent')}</em>;
  const text = isCaptionsFile(change) ? t(`review.captionsFile.${side}`) : valueLabel(t, change.path, change[side]);
  return side === 'before' ? <del>{text}</del> : <ins>{text}</ins>;
}

/** One field (or one language of it) changed, added or removed. */
function FieldRow({ change, t }: { change: FieldChange; t: TFunction }) {
  return (
    <tr data-change={change.change}>
      <th scope="row">
        {whereLabel(t, change)}
        {change.assetId && (
          <>
            {' · '}
            <FileName asset={change.asset} name={change.asset?.name ?? t('review.unnamedFile')} />
          </>
        )}
      </th>
      <td data-label={t('review.language')}>{languageLabel(t, change.lang)}</td>
      <td className="before" data-label={t('review.live')}>
        <Side change={change} side="before" t={t} />
      </td>
      <td className="after" data-label={t('review.latest')}>
        <Side change={change} side="after" t={t} />
      </td>
    </tr>
  );
}

const IDENTIFIED = new Set(['section', 'block']);

/** One entry of a list (a section, a block, a file, a referenced record) moved, added or removed, by its name. */
function EntryRow({ change, t }: { change: EntryChange; t: TFunction }) {
  const name = change.label.of === 'file' ? <FileName asset={change.asset} name={entryName(t, change.label)} /> : entryName(t, change.label);
  // A section or block says what it is; a list of files or records is named by its field ("Media", "Cover item").
  const where = IDENTIFIED.has(change.label.of) ? (change.within ?? []).map((entry) => entryName(t, entry)).join(' › ') : whereLabel(t, change);
  return (
    <tr data-change={change.kind}>
      <th scope="row">
        {where && <span className="diff-where">{where} › </span>}
        <strong className="diff-entry">{name}</strong>
      </th>
      <td colSpan={3} className={`entry-change ${change.kind}`}>
        {entrySentence(t, change)}
      </td>
    </tr>
  );
}

const rowKey = (change: ReviewChange, index: number) =>
  isEntryChange(change) ? `${change.kind}:${change.path}:${change.from}:${change.to}` : `${change.assetId ?? ''}${change.path}@${change.lang ?? ''}#${index}`;

/**
 * Live against latest: one row per changed field and language, and one per
 * entry of a list moved, added or removed, each named in the UI language.
 */
export function DiffTable({ changes }: { changes: ReviewChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="muted">{t('review.noChanges')}</p>;
  return (
    <table className="diff stacked">
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
        {changes.map((change, index) =>
          isEntryChange(change) ? <EntryRow key={rowKey(change, index)} change={change} t={t} /> : <FieldRow key={rowKey(change, index)} change={change} t={t} />,
        )}
      </tbody>
    </table>
  );
}
