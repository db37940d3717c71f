import type { CountryList, Role, User, UserList } from '@vitrina/contracts';
import { ROLES } from '@vitrina/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { type Loaded, useApi } from '../../api/use-api';
import { pickName } from '../../components/country-name';
import { Notice, type NoticeState, errorNotice } from './Notice';

const EMPTY_USER = { email: '', displayName: '', password: '', isAdmin: false };

function GrantForm({ user, countries, onDone }: { user: User; countries: CountryList; onDone: (n: NoticeState) => void }) {
  const { t, i18n } = useTranslation();
  const [countryId, setCountryId] = useState(countries.items[0]?.id ?? '');
  const [role, setRole] = useState<Role>('curator');
  async function grant(event: FormEvent) {
    event.preventDefault();
    try {
      await api('POST', `/api/admin/users/${user.id}/memberships`, { countryId, role });
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
          {countries.items.map((country) => (
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

export function UsersAdmin({ countries }: { countries: Loaded<CountryList> }) {
  const { t, i18n } = useTranslation();
  const users = useApi<UserList>('/api/admin/users');
  /** A membership's country by its name in the UI language; the slug until the list arrives. */
  const countryName = (countryId: string, slug: string) => {
    const country = countries.data?.items.find((c) => c.id === countryId);
    return country ? pickName(country.names, i18n.language) : slug;
  };
  const [form, setForm] = useState(EMPTY_USER);
  const [notice, setNotice] = useState<NoticeState>();

  const done = (next: NoticeState) => {
    setNotice(next);
    users.reload();
  };

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
    await run(() => api('POST', '/api/admin/users', form), 'admin.users.created');
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
                        onClick={() => run(() => api('DELETE', `/api/admin/users/${user.id}/memberships/${m.countryId}`), 'admin.users.revoked')}
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
                  onClick={() => run(() => api('PATCH', `/api/admin/users/${user.id}`, { disabled: !user.disabled }), 'admin.users.saved')}
                >
                  {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                  <span className="visually-hidden"> — {user.displayName}</span>
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => run(() => api('POST', `/api/admin/users/${user.id}/unlock`), 'admin.users.unlocked')}
                >
                  {t('admin.users.unlock')}
                  <span className="visually-hidden"> — {user.displayName}</span>
                </button>
                {countries.data && <GrantForm user={user} countries={countries.data} onDone={done} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={create} className="form inline-form" aria-label={t('admin.users.create')}>
        <h3>{t('admin.users.create')}</h3>
        <label>
          <span>{t('admin.users.email')}</span>
          <input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </label>
        <label>
          <span>{t('admin.users.displayName')}</span>
          <input required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        </label>
        <label>
          <span>{t('admin.users.password')}</span>
          <input type="password" autoComplete="new-password" required minLength={10} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
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
