import type { Country, Role, User } from '@vitrina/contracts';
import { ROLES, createUserSchema } from '@vitrina/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser, useGrantMembership, useRevokeMembership, useUnlockUser, useUpdateUser, useUsers } from '../../api/admin';
import { pickName } from '../../components/country-name';
import { FieldError } from '../../components/forms/FieldError';
import { type FieldErrors, invalidProps, validate } from '../../components/forms/validation';
import { Notice, type NoticeState, errorNotice } from '../../components/staff/Notice';

const EMPTY_USER = { email: '', displayName: '', password: '', isAdmin: false };

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
      onDone(errorNotice(error));
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
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const revokeMembership = useRevokeMembership();
  const unlockUser = useUnlockUser();
  /** A membership's country by its name in the UI language; the slug until the list arrives. */
  const countryName = (countryId: string, slug: string) => {
    const country = countries?.find((c) => c.id === countryId);
    return country ? pickName(country.names, i18n.language) : slug;
  };
  const [form, setForm] = useState(EMPTY_USER);
  const [notice, setNotice] = useState<NoticeState>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  // Each action reads the user list again (see api/admin.ts).
  const done = (next: NoticeState) => setNotice(next);

  async function run(action: () => Promise<unknown>, key: string) {
    try {
      await action();
      done({ kind: 'ok', key });
    } catch (error) {
      done(errorNotice(error));
    }
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    const checked = validate(createUserSchema, form, t);
    setFieldErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setNotice({ kind: 'error', message: t('validation.fix') });
    await run(() => createUser.mutateAsync(form), 'admin.users.created');
    setForm(EMPTY_USER);
  }

  return (
    <section aria-labelledby="users-heading" className="admin-section">
      <h2 id="users-heading">{t('admin.users.title')}</h2>
      <Notice notice={notice} />
      <table>
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
              <td>{user.displayName}</td>
              <td>{user.email}</td>
              <td>{user.isAdmin ? t('admin.yes') : t('admin.no')}</td>
              <td>
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
              <td>{user.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
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
                {countries && <GrantForm user={user} countries={countries} onDone={done} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={create} className="form inline-form" aria-label={t('admin.users.create')}>
        <h3>{t('admin.users.create')}</h3>
        <label>
          <span>{t('admin.users.email')}</span>
          <input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} {...invalidProps(fieldErrors, 'email', 'new-user-email-error')} />
          <FieldError errors={fieldErrors} field="email" id="new-user-email-error" />
        </label>
        <label>
          <span>{t('admin.users.displayName')}</span>
          <input required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} {...invalidProps(fieldErrors, 'displayName', 'new-user-name-error')} />
          <FieldError errors={fieldErrors} field="displayName" id="new-user-name-error" />
        </label>
        <label>
          <span>{t('admin.users.password')}</span>
          <input type="password" autoComplete="new-password" required minLength={10} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} {...invalidProps(fieldErrors, 'password', 'new-user-password-error')} />
          <FieldError errors={fieldErrors} field="password" id="new-user-password-error" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.isAdmin} onChange={(e) => setForm({ ...form, isAdmin: e.target.checked })} />
          <span>{t('admin.users.isAdmin')}</span>
        </label>
        <button type="submit">{t('admin.users.create')}</button>
      </form>
    </section>
  );
}
