import type { Country, Role, User } from '@vitrina/contracts';
import { ROLES, createUserSchema } from '@vitrina/contracts';
import { type FormEvent, type InputHTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser, useGrantMembership, useRevokeMembership, useUnlockUser, useUpdateUser, useUsers } from '../../api/admin';
import { pickName } from '../../components/country-name';
import { FieldError } from '../../components/forms/FieldError';
import { type FieldErrors, invalidProps, validate } from '../../components/forms/validation';
import { Notice, type NoticeState } from '../../components/staff/Notice';
import { adminFailure } from './admin-failure';

const EMPTY_USER = { email: '', displayName: '', password: '', isAdmin: false };
type NewUser = typeof EMPTY_USER;

/**
 * The new user's form. What was typed stays on any failure (a taken email,
 * a refused field, a lost connection), each message beside its field; only
 * a success empties it.
 */
function NewUserForm({ onDone }: { onDone: (notice: NoticeState) => void }) {
  const { t } = useTranslation();
  const createUser = useCreateUser();
  const [form, setForm] = useState<NewUser>(EMPTY_USER);
  const [errors, setErrors] = useState<FieldErrors>({});
  // A field edited after a refusal loses its message; the others keep theirs.
  const change = <K extends keyof NewUser>(key: K, value: NewUser[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _edited, ...others }) => others);
  };

  async function create(event: FormEvent) {
    event.preventDefault();
    const checked = validate(createUserSchema, form, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return onDone({ kind: 'error', message: t('validation.fix') });
    try {
      await createUser.mutateAsync(checked.data);
      setForm(EMPTY_USER);
      onDone({ kind: 'ok', key: 'admin.users.created' });
    } catch (error) {
      const failure = adminFailure(error, t);
      setErrors(failure.fields);
      onDone({ kind: 'error', message: failure.message });
    }
  }

  // The message sits beside its field, outside the label: read as the field's description, not as part of its name.
  const text = (key: 'email' | 'displayName' | 'password', id: string, props: InputHTMLAttributes<HTMLInputElement>) => (
    <div className="field">
      <label htmlFor={id}>{t(`admin.users.${key}`)}</label>
      <input {...props} id={id} required value={form[key]} onChange={(e) => change(key, e.target.value)} {...invalidProps(errors, key, `${id}-error`)} />
      <FieldError errors={errors} field={key} id={`${id}-error`} />
    </div>
  );
  return (
    <form onSubmit={create} className="form inline-form" aria-label={t('admin.users.create')} noValidate>
      <h3>{t('admin.users.create')}</h3>
      {text('email', 'new-user-email', { type: 'email', autoComplete: 'off' })}
      {text('displayName', 'new-user-name', {})}
      {text('password', 'new-user-password', { type: 'password', autoComplete: 'new-password', minLength: 10 })}
      <label className="checkbox">
        <input type="checkbox" checked={form.isAdmin} onChange={(e) => change('isAdmin', e.target.checked)} />
        <span>{t('admin.users.isAdmin')}</span>
      </label>
      <button type="submit">{t('admin.users.create')}</button>
    </form>
  );
}

function GrantForm({ user, countries, onDone }: { user: User; countries: Country[]; onDone: (n: NoticeState) => void }) {
  const { t, i18n } = useTranslation();
  const [countryId, setCountryId] = useState(countries[0]?.id ?? '');
  const grantMembership = useGrantMembership();
  const [role, setRole] = useState<Role>('curator');
  async function grant(event: FormEvent) {
    event.preventDefault();
    try {
      await grantMembership.mutateAsync({ userId: user.id, countryId, role });
      onDone({ kind: 'ok', key: 'admin.users.granted' });
    } catch (error) {
      onDone({ kind: 'error', message: adminFailure(error, t).message });
    }
  }
  return (
    <form onSubmit={grant} className="grant-form" aria-label={t('admin.users.grantFor', { name: user.displayName })}>
      <label>
        <span className="visually-hidden">{t('admin.users.country')}</span>
        <select value={countryId} onChange={(e) => setCountryId(e.target.value)}>
          {countries.map((country) => (
            <option key={country.id} value={country.id}>
              {pickName(country.names, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('admin.users.role')}</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`admin.roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">
        {t('admin.users.grant')}
        <span className="visually-hidden"> — {user.displayName}</span>
      </button>
    </form>
  );
}

export function UsersAdmin({ countries }: { countries: Country[] | undefined }) {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const updateUser = useUpdateUser();
  const revokeMembership = useRevokeMembership();
  const unlockUser = useUnlockUser();
  /** A membership's country by its name in the UI language; the slug until the list arrives. */
  const countryName = (countryId: string, slug: string) => {
    const country = countries?.find((c) => c.id === countryId);
    return country ? pickName(country.names, i18n.language) : slug;
  };
  const [notice, setNotice] = useState<NoticeState>();

  // Each action reads the user list again (see api/admin.ts).
  async function run(action: () => Promise<unknown>, key: string) {
    try {
      await action();
      setNotice({ kind: 'ok', key });
    } catch (error) {
      setNotice({ kind: 'error', message: adminFailure(error, t).message });
    }
  }

  return (
    <section aria-labelledby="users-heading" className="admin-section">
      <h2 id="users-heading">{t('admin.users.title')}</h2>
      <Notice notice={notice} />
      <table className="stacked users">
        <thead>
          <tr>
            <th scope="col">{t('admin.users.displayName')}</th>
            <th scope="col">{t('admin.users.email')}</th>
            <th scope="col">{t('admin.users.isAdmin')}</th>
            <th scope="col">{t('admin.users.memberships')}</th>
            <th scope="col">{t('admin.users.status')}</th>
            <th scope="col">{t('admin.users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.items.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.displayName}</th>
              <td data-label={t('admin.users.email')}>{user.email}</td>
              <td data-label={t('admin.users.isAdmin')}>{user.isAdmin ? t('admin.yes') : t('admin.no')}</td>
              <td data-label={t('admin.users.memberships')}>
                {user.memberships.length === 0 && t('admin.users.none')}
                <ul className="plain">
                  {user.memberships.map((m) => (
                    <li key={m.countryId}>
                      {countryName(m.countryId, m.countrySlug)}: {t(`admin.roles.${m.role}`)}{' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('admin.users.revoke', { role: t(`admin.roles.${m.role}`), country: countryName(m.countryId, m.countrySlug) })}
                        onClick={() => run(() => revokeMembership.mutateAsync({ userId: user.id, countryId: m.countryId }), 'admin.users.revoked')}
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label={t('admin.users.status')}>{user.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
              <td className="actions-cell">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => run(() => updateUser.mutateAsync({ id: user.id, input: { disabled: !user.disabled } }), 'admin.users.saved')}
                >
                  {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                  <span className="visually-hidden"> — {user.displayName}</span>
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => run(() => unlockUser.mutateAsync(user.id), 'admin.users.unlocked')}
                >
                  {t('admin.users.unlock')}
                  <span className="visually-hidden"> — {user.displayName}</span>
                </button>
                {countries && <GrantForm user={user} countries={countries} onDone={setNotice} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewUserForm onDone={setNotice} />
    </section>
  );
}
