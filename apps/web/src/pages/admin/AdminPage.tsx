import { useTranslation } from 'react-i18next';
import { useAdminCountries } from '../../api/admin';
import { useAuth } from '../../auth/auth-context';
import { PageTitle } from '../../components/PageTitle';
import { Redirect } from '../../components/Redirect';
import { ApiKeysAdmin } from './ApiKeysAdmin';
import { CountriesAdmin } from './CountriesAdmin';
import { UsersAdmin } from './UsersAdmin';
import '../../components/staff/stacked-table.css';
import '../../components/staff/staff-layout.css';
import './admin.css';

/** Loaded only when an admin opens it: visitors never download this chunk. */
export default function AdminPage() {
  const { t } = useTranslation();
  const { me, loading } = useAuth();
  if (loading) return null;
  if (!me) return <Redirect to="/login" />;
  if (!me.user.isAdmin) {
    return (
      <section className="page">
        <PageTitle title={t('admin.title')} />
        <h1>{t('admin.title')}</h1>
        <p role="alert">{t('admin.notAllowed')}</p>
      </section>
    );
  }
  return <Administration />;
}

/** Both sections share one country list (with the settings only admins see), so a country added below can be granted above at once. */
function Administration() {
  const { t } = useTranslation();
  const countries = useAdminCountries().data?.items;
  return (
    <section className="page wide admin-page">
      <PageTitle title={t('admin.title')} />
      <h1>{t('admin.title')}</h1>
      <UsersAdmin countries={countries} />
      <CountriesAdmin countries={countries} />
      <ApiKeysAdmin />
    </section>
  );
}
