import type { ContentLanguage, ItemDocument, LocalizedTag } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { LocalizedField } from './LocalizedField';
import { orUndefined } from './localized';

type Heritage = Pick<ItemDocument, 'title' | 'description' | 'place' | 'creditLine' | 'dimensions' | 'inventoryNumber' | 'rights' | 'tags' | 'date'> & {
  slug: string;
};

const RIGHTS = [
  'https://creativecommons.org/licenses/by/4.0/',
  'https://creativecommons.org/licenses/by-sa/4.0/',
  'https://creativecommons.org/publicdomain/zero/1.0/',
  'https://creativecommons.org/publicdomain/mark/1.0/',
  'https://rightsstatements.org/vocab/InC/1.0/',
  'https://rightsstatements.org/vocab/NoC-US/1.0/',
  'https://rightsstatements.org/vocab/CNE/1.0/',
];

const numberOrUndefined = (value: string) => (value.trim() === '' ? undefined : Number(value));

/** A tag as this plain input shows it: in `lang`, else in any language it has. */
const tagText = (tag: LocalizedTag, lang: ContentLanguage) => tag[lang] ?? Object.values(tag)[0] ?? '';

/** Comma-separated tags back into tags: a tag still shown keeps its other languages, a new one is in `lang`. */
function parseTags(value: string, tags: LocalizedTag[], lang: ContentLanguage): LocalizedTag[] {
  const texts = value.split(',').map((tag) => tag.trim()).filter(Boolean);
  return texts.map((text) => tags.find((tag) => tagText(tag, lang) === text) ?? { [lang]: text });
}

/** The parts of a long form the shared fields fall into (the editor puts each in its own section). */
export type HeritagePart = 'basics' | 'texts' | 'dates' | 'rights';

/**
 * The catalogue fields items and memorials share; with `part`, only those of
 * that part of the form. New tags are written in `defaultLanguage` (the country's).
 */
export function HeritageFields<T extends Heritage>({
  doc,
  onChange,
  languages,
  defaultLanguage,
  part,
}: {
  doc: T;
  onChange: (doc: T) => void;
  languages: ContentLanguage[];
  defaultLanguage: ContentLanguage;
  part?: HeritagePart;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Heritage>) => onChange({ ...doc, ...patch });
  const shows = (which: HeritagePart) => part === undefined || part === which;
  return (
    <>
      {shows('basics') && (
        <>
          <div className="field">
            <label>
              <span>{t('studio.slug')}</span>
              <input required pattern="[a-z0-9]+(-[a-z0-9]+)*" value={doc.slug} onChange={(e) => set({ slug: e.target.value })} aria-describedby="slug-hint" />
            </label>
            <small id="slug-hint" className="muted">
              {t('studio.slugHint')}
            </small>
          </div>
          <LocalizedField label={t('studio.title')} required value={doc.title} languages={languages} onChange={(title) => set({ title })} />
          <div className="field-row">
            <label>
              <span>{t('fields.dimensions')}</span>
              <input value={doc.dimensions ?? ''} onChange={(e) => set({ dimensions: e.target.value || undefined })} />
            </label>
            <label>
              <span>{t('fields.inventoryNumber')}</span>
              <input value={doc.inventoryNumber ?? ''} onChange={(e) => set({ inventoryNumber: e.target.value || undefined })} />
            </label>
          </div>
        </>
      )}
      {shows('texts') && (
        <>
          <LocalizedField label={t('studio.description')} multiline value={doc.description} languages={languages} onChange={(v) => set({ description: orUndefined(v) })} />
          <LocalizedField label={t('fields.creditLine')} value={doc.creditLine} languages={languages} onChange={(v) => set({ creditLine: orUndefined(v) })} />
        </>
      )}
      {shows('dates') && (
        <>
          <div className="field-row">
            <label>
              <span>{t('studio.earliest')}</span>
              <input type="number" value={doc.date?.earliest ?? ''} onChange={(e) => set({ date: { ...doc.date, earliest: numberOrUndefined(e.target.value) } })} />
            </label>
            <label>
              <span>{t('studio.latest')}</span>
              <input type="number" value={doc.date?.latest ?? ''} onChange={(e) => set({ date: { ...doc.date, latest: numberOrUndefined(e.target.value) } })} />
            </label>
          </div>
          <LocalizedField label={t('fields.place')} value={doc.place} languages={languages} onChange={(v) => set({ place: orUndefined(v) })} />
        </>
      )}
      {shows('rights') && (
        <div className="field-row">
          <label>
            <span>{t('fields.rights')}</span>
            <select value={doc.rights ?? ''} onChange={(e) => set({ rights: e.target.value || undefined })}>
              <option value="">{t('studio.notSet')}</option>
              {RIGHTS.map((uri) => (
                <option key={uri} value={uri}>
                  {uri.replace(/^https:\/\//, '')}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('fields.tags')}</span>
            <input
              value={(doc.tags ?? []).map((tag) => tagText(tag, defaultLanguage)).join(', ')}
              onChange={(e) => set({ tags: parseTags(e.target.value, doc.tags ?? [], defaultLanguage) })}
            />
          </label>
        </div>
      )}
    </>
  );
}

export function LocationFields({ value, onChange, required }: { value: { lat: number; lng: number } | undefined; onChange: (v: { lat: number; lng: number } | undefined) => void; required?: boolean }) {
  const { t } = useTranslation();
  const update = (key: 'lat' | 'lng', raw: string) => {
    const number = raw.trim() === '' ? NaN : Number(raw);
    const next = { lat: value?.lat ?? NaN, lng: value?.lng ?? NaN, [key]: number };
    onChange(Number.isNaN(next.lat) && Number.isNaN(next.lng) ? undefined : next);
  };
  const shown = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : n);
  return (
    <div className="field-row">
      <label>
        <span>{t('studio.latitude')}</span>
        <input type="number" step="any" required={required} value={shown(value?.lat)} onChange={(e) => update('lat', e.target.value)} />
      </label>
      <label>
        <span>{t('studio.longitude')}</span>
        <input type="number" step="any" required={required} value={shown(value?.lng)} onChange={(e) => update('lng', e.target.value)} />
      </label>
    </div>
  );
}
