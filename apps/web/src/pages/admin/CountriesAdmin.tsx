import { type AdminCountry, type ContentLanguage, createCountrySchema, updateCountrySchema } from '@vitrina/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateCountry, useUpdateCountry } from '../../api/admin';
import { pickName } from '../../components/country-name';
import { FieldError } from '../../components/forms/FieldError';
import { type FieldErrors, invalidProps, validate } from '../../components/forms/validation';
import { Notice, type NoticeState } from '../../components/staff/Notice';
import { adminFailure } from './admin-failure';

interface CountryForm {
  slug: string;
  nameRu: string;
  nameEn: string;
  defaultLanguage: string;
  languages: string;
  fourEyes: boolean;
}

// A new museum starts with the four-eyes rule, as the API's default.
const EMPTY: CountryForm = { slug: '', nameRu: '', nameEn: '', defaultLanguage: 'ru', languages: 'ru, en', fourEyes: true };

function toForm(country: AdminCountry): CountryForm {
  const names = country.names as Record<string, string>;
  return {
    slug: country.slug,
    nameRu: names.ru ?? '',
    nameEn: names.en ?? '',
    defaultLanguage: country.defaultLanguage,
    languages: country.languages.join(', '),
    fourEyes: country.fourEyes,
  };
}

function toPayload(form: CountryForm, previous?: AdminCountry) {
  const languages = form.languages.split(',').map((code) => code.trim()).filter(Boolean) as ContentLanguage[];
  const names = { ...(previous?.names ?? {}), ru: form.nameRu.trim(), en: form.nameEn.trim() };
  return { names, defaultLanguage: form.defaultLanguage.trim() as ContentLanguage, languages, fourEyes: form.fourEyes };
}

/** Where the contract schema's issue paths land in this form. */
const ISSUE_FIELD: Record<Exclude<keyof CountryForm, 'fourEyes'>, string> = {
  slug: 'slug',
  nameRu: 'names.ru',
  nameEn: 'names.en',
  defaultLanguage: 'defaultLanguage',
  languages: 'languages',
};

function CountryFields({ form, onChange, withSlug, errors, idPrefix }: {
  form: CountryForm;
  onChange: (f: CountryForm) => void;
  withSlug: boolean;
  errors: FieldErrors;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  // The message sits beside its field, outside the label: read as the field's description, not as part of its name.
  const field = (key: Exclude<keyof CountryForm, 'fourEyes'>, label: string, hint?: string) => {
    const id = `${idPrefix}-${key}`;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          required
          value={form[key]}
          onChange={(e) => onChange({ ...form, [key]: e.target.value })}
          aria-description={hint}
          {...invalidProps(errors, ISSUE_FIELD[key], `${id}-error`)}
        />
        {hint && <small className="muted">{hint}</small>}
        <FieldError errors={errors} field={ISSUE_FIELD[key]} id={`${id}-error`} />
      </div>
    );
  };
  return (
    <>
      {withSlug && field('slug', t('admin.countries.slug'))}
      {field('nameRu', t('admin.countries.nameRu'))}
      {field('nameEn', t('admin.countries.nameEn'))}
      {field('defaultLanguage', t('admin.countries.defaultLanguage'))}
      {field('languages', t('admin.countries.languages'), t('admin.countries.languagesHint'))}
      <label className="checkbox">
        <input type="checkbox" checked={form.fourEyes} onChange={(e) => onChange({ ...form, fourEyes: e.target.checked })} aria-description={t('admin.countries.fourEyesHint')} />
        <span>{t('admin.countries.fourEyes')}</span>
      </label>
      <small className="muted">{t('admin.countries.fourEyesHint')}</small>
    </>
  );
}

export function CountriesAdmin({ countries }: { countries: AdminCountry[] | undefined }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<CountryForm>(EMPTY);
  const [editing, setEditing] = useState<{ country: AdminCountry; form: CountryForm }>();
  const [notice, setNotice] = useState<NoticeState>();
  const [createErrors, setCreateErrors] = useState<FieldErrors>({});
  const [editErrors, setEditErrors] = useState<FieldErrors>({});
  const editingHeading = useRef<HTMLHeadingElement>(null);
  const createCountry = useCreateCountry();
  const updateCountry = useUpdateCountry();
  const editingId = editing?.country.id;
  // The edit form opens below the table: take keyboard and screen-reader users there.
  useEffect(() => {
    if (editingId) editingHeading.current?.focus();
  }, [editingId]);

  async function create(event: FormEvent) {
    event.preventDefault();
    // The schema the API applies, checked first: a reserved address or a default language not enabled is said beside its field.
    const checked = validate(createCountrySchema, { slug: form.slug.trim(), ...toPayload(form) }, t);
    setCreateErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setNotice({ kind: 'error', message: t('validation.fix') });
    try {
      await createCountry.mutateAsync(checked.data);
      setForm(EMPTY);
      setNotice({ kind: 'ok', key: 'admin.countries.created' });
    } catch (error) {
      // Whatever was typed stays; the refusal is said beside its field, in the UI language.
      const failure = adminFailure(error, t);
      setCreateErrors(failure.fields);
      setNotice({ kind: 'error', message: failure.message });
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const checked = validate(updateCountrySchema, toPayload(editing.form, editing.country), t);
    setEditErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setNotice({ kind: 'error', message: t('validation.fix') });
    try {
      await updateCountry.mutateAsync({ id: editing.country.id, input: checked.data });
      setEditing(undefined);
      setNotice({ kind: 'ok', key: 'admin.countries.saved' });
    } catch (error) {
      const failure = adminFailure(error, t);
      setEditErrors(failure.fields);
      setNotice({ kind: 'error', message: failure.message });
    }
  }

  return (
    <section aria-labelledby="countries-heading" className="admin-section">
      <h2 id="countries-heading">{t('admin.countries.title')}</h2>
      <Notice notice={notice} />
      <table className="stacked countries">
        <thead>
          <tr>
            <th scope="col">{t('admin.countries.slug')}</th>
            <th scope="col">{t('admin.countries.name')}</th>
            <th scope="col">{t('admin.countries.languages')}</th>
            <th scope="col">{t('admin.countries.fourEyes')}</th>
            <th scope="col">{t('admin.users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {countries?.map((country) => (
            <tr key={country.id}>
              <td>{country.slug}</td>
              <td data-label={t('admin.countries.name')}>{pickName(country.names, i18n.language)}</td>
              <td data-label={t('admin.countries.languages')}>
                {country.languages.join(', ')} ({country.defaultLanguage})
              </td>
              <td data-label={t('admin.countries.fourEyes')}>{t(country.fourEyes ? 'admin.yes' : 'admin.no')}</td>
              <td>
                <button type="button" onClick={() => setEditing({ country, form: toForm(country) })}>
                  {t('admin.countries.edit')} <span className="visually-hidden">{country.slug}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <form onSubmit={save} className="form inline-form" aria-labelledby="country-editing-heading" noValidate>
          <h3 id="country-editing-heading" ref={editingHeading} tabIndex={-1}>
            {t('admin.countries.editing', { slug: editing.country.slug })}
          </h3>
          <CountryFields form={editing.form} onChange={(f) => setEditing({ ...editing, form: f })} withSlug={false} errors={editErrors} idPrefix="country-edit" />
          <div className="actions">
            <button type="submit">{t('admin.countries.save')}</button>
            <button type="button" className="secondary" onClick={() => setEditing(undefined)}>
              {t('admin.countries.cancel')}
            </button>
          </div>
        </form>
      )}
      <form onSubmit={create} className="form inline-form" aria-label={t('admin.countries.create')} noValidate>
        <h3>{t('admin.countries.create')}</h3>
        <CountryFields form={form} onChange={setForm} withSlug errors={createErrors} idPrefix="country-new" />
        <button type="submit">{t('admin.countries.create')}</button>
      </form>
    </section>
  );
}
