import type { Country } from '@vitrina/contracts';
import { Navigate, NavLink, Route, Routes, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth-context';
import { PageTitle } from '../../components/PageTitle';
import { pickName } from '../../components/country-name';
import { useStudioCountries } from '../studio/studio-context';
import { AuditPage } from './AuditPage';
import { ReviewDetail } from './ReviewDetail';
import { ReviewQueue } from './ReviewQueue';

/** The countries this person moderates: those where they are a moderator, or all for admins. */
function useModeratedCountries(): Country[] | undefined {
  const { me } = useAuth();
  const countries = useStudioCountries();
  if (!me || !countries) return undefined;
  if (me.user.isAdmin) return countries;
  const moderated = new Set(me.memberships.filter((m) => m.role === 'moderator').map((m) => m.countryId));
  return countries.filter((country) => moderated.has(country.id));
}

function CountryDesk({ countries }: { countries: Country[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { countryId } = useParams();
  const country = countries.find((c) => c.id === countryId);
  if (!country) return <Navigate to="/review" replace />;
  return (
    <>
      <div className="studio-bar">
        <label>
          <span>{t('studio.country')}</span>
          <select value={country.id} onChange={(e) => navigate(`/review/${e.target.value}`)}>
            {countries.map((c) => (
              <option key={c.id} value={c.id}>
                {pickName(c.names, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <nav aria-label={t('review.sections')} className="tabs">
          <NavLink to={`/review/${country.id}`} end>
            {t('review.queue')}
          </NavLink>
          <NavLink to={`/review/${country.id}/audit`}>{t('audit.heading')}</NavLink>
        </nav>
      </div>
      <Routes>
        <Route index element={<ReviewQueue />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path=":collection/:id" element={<ReviewDetail />} />
      </Routes>
    </>
  );
}

/** The moderation desk; a separate chunk visitors never load. */
export default function ReviewPage() {
  const { t } = useTranslation();
  const { me, loading } = useAuth();
  const countries = useModeratedCountries();
  if (loading) return null;
  if (!me) return <Navigate to="/login" replace />;
  return (
    <section className="page wide review">
      <PageTitle title={t('review.heading')} />
      <h1>{t('review.heading')}</h1>
      {countries && countries.length === 0 && <p role="alert">{t('review.noCountries')}</p>}
      {countries && countries.length > 0 && (
        <Routes>
          <Route index element={<Navigate to={`/review/${countries[0].id}`} replace />} />
          <Route path=":countryId/*" element={<CountryDesk countries={countries} />} />
        </Routes>
      )}
    </section>
  );
}
