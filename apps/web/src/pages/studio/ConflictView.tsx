import { CONTENT_LANGUAGES } from '@vitrina/contracts';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldValues } from './record-changes';
import type { RecordEditor } from './use-record-editor';

const LANGUAGES: ReadonlySet<string> = new Set(CONTENT_LANGUAGES);

/** `people.0.name` → "Names › 1 › Name"; `title.kk` → "Title › Kazakh" (the review desk's names of fields). */
function fieldLabel(t: TFunction, path: string): string {
  return path
    .split('.')
    .map((segment) => {
      if (/^\d+$/.test(segment)) return String(Number(segment) + 1);
      if (LANGUAGES.has(segment)) return t(`languages.${segment}`);
      return t(`review.paths.${segment}`, { defaultValue: segment });
    })
    .join(' › ');
}

/** A field's value as a person reads it: a text's words, a list's entries, nothing as "(empty)". */
function valueText(t: TFunction, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('editor.conflict.empty');
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  if (Array.isArray(value)) return value.length === 0 ? t('editor.conflict.empty') : value.map((entry) => valueText(t, entry)).join(', ');
  if (typeof value === 'object') return Object.keys(value).length === 0 ? t('editor.conflict.empty') : JSON.stringify(value);
  return String(value);
}

/**
 * Someone else saved the record while the curator edited it: what changed in
 * their version, field by field, beside the curator's own text, and the
 * choice: keep mine (saved over their newer version) or take theirs (after
 * confirming). Until the curator chooses, their text stays in the form.
 */
export function ConflictView<T extends object>({ editor }: { editor: RecordEditor<T> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { conflict } = editor;
  // The view appears after a refused save: the curator's attention goes to it.
  useEffect(() => {
    if (conflict) heading.current?.focus();
  }, [conflict]);
  if (!conflict) return null;
  const mine = fieldValues(editor.document);
  return (
    <section className="conflict-view" role="alert" aria-labelledby="conflict-heading">
      <h3 id="conflict-heading" ref={heading} tabIndex={-1}>
        {t('editor.conflict.title')}
      </h3>
      <p>{t('editor.conflict.intro', { version: conflict.server.version })}</p>
      {conflict.changes.length === 0 ? (
        <p>{t('editor.conflict.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="conflict-changes">
            <thead>
              <tr>
                <th scope="col">{t('editor.conflict.field')}</th>
                <th scope="col">{t('editor.conflict.server')}</th>
                <th scope="col">{t('editor.conflict.mine')}</th>
              </tr>
            </thead>
            <tbody>
              {conflict.changes.map((change) => (
                <tr key={change.path}>
                  <th scope="row">{fieldLabel(t, change.path)}</th>
                  <td>{valueText(t, change.after)}</td>
                  <td>{valueText(t, mine.get(change.path))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="conflict-confirm">
          <p id="conflict-confirm">{t('editor.conflict.confirmTake')}</p>
          <div className="actions">
            <button type="button" onClick={() => (setConfirming(false), editor.takeServer())}>
              {t('editor.conflict.confirmYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('editor.conflict.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => void editor.keepMine()} aria-describedby="keep-mine-hint" disabled={editor.saving}>
            {t('editor.conflict.keepMine')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {t('editor.conflict.takeServer')}
          </button>
          <p id="keep-mine-hint" className="muted small">
            {t('editor.conflict.keepMineHint')}
          </p>
        </div>
      )}
    </section>
  );
}
