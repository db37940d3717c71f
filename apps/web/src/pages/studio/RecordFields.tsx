import {
  type ContentLanguage,
  type GeoPoint,
  geoPointSchema,
  heritageFields,
  type ItemDocument,
  type LocalizedText,
  localizedTextSchema,
  type MemorialDocument,
  partialDateSchema,
  slugify,
} from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PartialDateInput, YearRangeInput } from '../../components/forms/DateInput';
import type { YearRange } from '../../components/content/dates';
import { FieldIssuesProvider, FieldMessage, useFieldIssue } from '../../components/forms/field-issues';
import { TextField } from '../../components/forms/TextField';
import { LocalizedTags } from '../../components/forms/LocalizedTags';
import { LocalizedField } from './LocalizedField';
import { orUndefined } from './localized';
import { RightsSelect } from './rights';

type Heritage = Pick<
  ItemDocument,
  'title' | 'description' | 'creator' | 'place' | 'materials' | 'provenance' | 'creditLine' | 'dimensions' | 'inventoryNumber' | 'rights' | 'tags' | 'date'
> & {
  slug: string;
};

/** The shared fields as the API checks them; the rest of the document (kind, location…) is checked where it is edited. */
const HERITAGE_SCHEMA = z.object(heritageFields);

type DateField = NonNullable<Heritage['date']>;

const hasNothing = (date: DateField) => date.earliest === undefined && date.latest === undefined && !date.display;

/** The dating typed, with the display text kept; nothing at all when both are empty. */
function withYears(date: Heritage['date'], years: YearRange | undefined): Heritage['date'] {
  const next = { ...years } as DateField;
  if (date?.display) next.display = date.display;
  return hasNothing(next) ? undefined : next;
}

/** The display text typed, with the dating kept; nothing at all when both are empty. */
function withDisplay(date: Heritage['date'], display: DateField['display']): Heritage['date'] {
  const next = { ...date, display };
  if (!display) delete next.display;
  return hasNothing(next) ? undefined : next;
}

/** The title an address is made from: the English one (addresses are Latin), else the country's, else any. */
function titleForSlug(title: LocalizedText | undefined, defaultLanguage: ContentLanguage): string {
  return title?.en?.text ?? title?.[defaultLanguage]?.text ?? Object.values(title ?? {})[0]?.text ?? '';
}

function SlugField({ value, onChange }: { value: string; onChange: (slug: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <TextField label={t('studio.slug')} path="slug" required className="field" hintId="slug-hint" value={value} onChange={(slug) => onChange(slug ?? '')} />
      <small id="slug-hint" className="muted">
        {t('studio.slugHint')}
      </small>
    </div>
  );
}

function RightsField({ value, onChange }: { value: string | undefined; onChange: (rights: string | undefined) => void }) {
  const { t } = useTranslation();
  const issue = useFieldIssue('rights');
  return (
    <div className="field" {...issue.fieldProps}>
      <label>
        <span>{t('fields.rights')}</span>
        <RightsSelect value={value} {...issue.inputProps} onChange={onChange} />
      </label>
      <FieldMessage issue={issue} />
    </div>
  );
}

function TagsField({ value, onChange, languages, defaultLanguage }: { value: Heritage['tags']; onChange: (tags: Heritage['tags']) => void; languages: ContentLanguage[]; defaultLanguage: ContentLanguage }) {
  const { t } = useTranslation();
  const issue = useFieldIssue('tags');
  return (
    <div className="field" {...issue.fieldProps}>
      <LocalizedTags
        label={t('fields.tags')}
        value={value ?? []}
        languages={languages}
        defaultLanguage={defaultLanguage}
        onChange={onChange}
        invalid={!!issue.message}
        describedBy={issue.inputProps['aria-describedby']}
      />
      <FieldMessage issue={issue} />
    </div>
  );
}

/** The parts of a long form the shared fields fall into (the editor puts each in its own section). */
export type HeritagePart = 'basics' | 'texts' | 'dates' | 'rights';

/**
 * The catalogue fields items and memorials share, each with its message beside
 * it; with `part`, only those of that part of the form. Tags are typed in
 * `defaultLanguage` (the country's) first.
 */
export function HeritageFields<T extends Heritage>({
  doc,
  onChange,
  languages,
  defaultLanguage,
  part,
  derivesSlug = false,
}: {
  doc: T;
  onChange: (doc: T) => void;
  languages: ContentLanguage[];
  defaultLanguage: ContentLanguage;
  part?: HeritagePart;
  /** A new record: its address follows its title until the curator writes one (a published address never moves). */
  derivesSlug?: boolean;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Heritage>) => onChange({ ...doc, ...patch });
  const setTitle = (title: LocalizedText) => {
    const followsTitle = derivesSlug && (doc.slug === '' || doc.slug === slugify(titleForSlug(doc.title, defaultLanguage)));
    set(followsTitle ? { title, slug: slugify(titleForSlug(title, defaultLanguage)) } : { title });
  };
  const text = (key: 'description' | 'creator' | 'place' | 'materials' | 'provenance' | 'creditLine', multiline = false) => (
    <LocalizedField label={t(key === 'description' ? 'studio.description' : `fields.${key}`)} path={key} multiline={multiline} value={doc[key]} languages={languages} onChange={(v) => set({ [key]: orUndefined(v) })} />
  );
  const shows = (which: HeritagePart) => part === undefined || part === which;
  return (
    <FieldIssuesProvider schema={HERITAGE_SCHEMA} value={doc}>
      {shows('basics') && (
        <>
          <SlugField value={doc.slug} onChange={(slug) => set({ slug })} />
          <LocalizedField label={t('studio.title')} path="title" required value={doc.title} languages={languages} onChange={setTitle} />
          <div className="field-row">
            <TextField label={t('fields.dimensions')} path="dimensions" maxLength={200} value={doc.dimensions} onChange={(dimensions) => set({ dimensions })} />
            <TextField label={t('fields.inventoryNumber')} path="inventoryNumber" maxLength={100} value={doc.inventoryNumber} onChange={(inventoryNumber) => set({ inventoryNumber })} />
          </div>
        </>
      )}
      {shows('texts') && (
        <>
          {text('description', true)}
          {text('creator')}
          {text('materials')}
          {text('provenance', true)}
          {text('creditLine')}
        </>
      )}
      {shows('dates') && (
        <>
          <YearRangeInput label={t('fields.date')} path="date" value={doc.date as YearRange | undefined} onChange={(years) => set({ date: withYears(doc.date, years) })} />
          <LocalizedField label={t('inputs.dates.display')} path="date.display" value={doc.date?.display} languages={languages} onChange={(v) => set({ date: withDisplay(doc.date, orUndefined(v)) })} />
          {text('place')}
        </>
      )}
      {shows('rights') && (
        <>
          <RightsField value={doc.rights} onChange={(rights) => set({ rights })} />
          <TagsField value={doc.tags} languages={languages} defaultLanguage={defaultLanguage} onChange={(tags) => set({ tags })} />
        </>
      )}
    </FieldIssuesProvider>
  );
}

const MEMORIAL_SITE_SCHEMA = z.object({ address: localizedTextSchema.optional(), unveilingDate: partialDateSchema.optional() });

/** A memorial's address and the day it was unveiled (the shell renders them in one line). */
export function MemorialSiteFields({ doc, onChange, languages }: { doc: MemorialDocument; onChange: (doc: MemorialDocument) => void; languages: ContentLanguage[] }) {
  const { t } = useTranslation();
  return (
    <FieldIssuesProvider schema={MEMORIAL_SITE_SCHEMA} value={doc}>
      <LocalizedField label={t('fields.address')} path="address" value={doc.address} languages={languages} onChange={(v) => onChange({ ...doc, address: orUndefined(v) })} />
      <PartialDateInput label={t('fields.unveilingDate')} path="unveilingDate" value={doc.unveilingDate} onChange={(unveilingDate) => onChange({ ...doc, unveilingDate })} />
    </FieldIssuesProvider>
  );
}


type Point = GeoPoint | undefined;

const LOCATION_REQUIRED = z.object({ location: geoPointSchema });
const LOCATION_OPTIONAL = z.object({ location: geoPointSchema.optional() });

/** Latitude and longitude, each with its message; a memorial needs them, an item may have them. */
export function LocationFields({ value, onChange, required }: { value: Point; onChange: (v: Point) => void; required?: boolean }) {
  return (
    <FieldIssuesProvider schema={required ? LOCATION_REQUIRED : LOCATION_OPTIONAL} value={{ location: value }}>
      <Coordinates value={value} onChange={onChange} required={required} />
    </FieldIssuesProvider>
  );
}

function Coordinates({ value, onChange, required }: { value: Point; onChange: (v: Point) => void; required?: boolean }) {
  const { t } = useTranslation();
  const whole = useFieldIssue('location');
  const update = (key: 'lat' | 'lng', raw: string) => {
    const number = raw.trim() === '' ? NaN : Number(raw);
    const next = { lat: value?.lat ?? NaN, lng: value?.lng ?? NaN, [key]: number };
    onChange(Number.isNaN(next.lat) && Number.isNaN(next.lng) ? undefined : next);
  };
  const shown = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : n);
  const labels = { lat: t('studio.latitude'), lng: t('studio.longitude') };
  return (
    <div className="field-row" {...whole.fieldProps}>
      {(['lat', 'lng'] as const).map((key) => (
        <Coordinate
          key={key}
          path={`location.${key}`}
          label={labels[key]}
          required={required}
          // A memorial with no place at all: both boxes say so.
          missing={value ? undefined : whole.message}
          value={shown(value?.[key])}
          onChange={(raw) => update(key, raw)}
        />
      ))}
    </div>
  );
}

function Coordinate({ path, label, required, missing, value, onChange }: { path: string; label: string; required?: boolean; missing?: string; value: number | ''; onChange: (raw: string) => void }) {
  const own = useFieldIssue(path);
  const issue = own.message || !missing ? own : { ...own, message: missing, inputProps: { 'aria-invalid': true as const, 'aria-describedby': own.messageId } };
  return (
    <div className="field">
      <label>
        <span>{label}</span>
        <input type="number" step="any" aria-required={required || undefined} value={value} {...issue.inputProps} onChange={(e) => onChange(e.target.value)} />
      </label>
      <FieldMessage issue={issue} />
    </div>
  );
}
