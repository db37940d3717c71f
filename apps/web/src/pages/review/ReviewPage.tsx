import type { Country } from '@vitrina/contracts';
import { NavLink, Route, Routes, useNavigate, useParams } from 'react-router';
import { Redirect } from '../../components/Redirect';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth-context';
import { CountryPicker, StaffDesk } from '../../components/staff/StaffDesk';
import { useStudioCountries } from '../../components/staff/use-staff-countries';
import { AuditPage } from './AuditPage';
import { ReviewDetail } from './ReviewDetail';
import { ReviewMedia } from './ReviewMedia';
import { ReviewQueue } from './ReviewQueue';
import '../../components/staff/stacked-table.css';
import '../../components/staff/staff-layout.css';
import './review.css';

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
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { countryId } = useParams();
  const country = countries.find((c) => c.id === countryId);
  if (!country) return <Redirect to="/review" />;
  return (
    <>
      <div className="studio-bar">
        <CountryPicker countries={countries} country={country} onPick={(picked) => navigate(`/review/${picked}`)} />
        <nav aria-label={t('review.sections')} className="tabs">
          <NavLink to={`/review/${country.id}`} end>
            {t('review.queue')}
          </NavLink>
          <NavLink to={`/review/${country.id}/media`}>{t('review.media.heading')}</NavLink>
          <NavLink to={`/review/${country.id}/audit`}>{t('audit.heading')}</NavLink>
        </nav>
      </div>
      <Routes>
        <Route index element={<ReviewQueue />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="media" element={<ReviewMedia />} />
        <Route path=":collection/:id" element={<ReviewDetail country={country} />} />
      </Routes>
    </>
  );
}

/** The moderation desk; a separate chunk visitors never load. */
export default function ReviewPage() {
  const { t } = useTranslation();
  const countries = useModeratedCountries();
  return (
    <StaffDesk heading={t('review.heading')} noCountries={t('review.noCountries')} className="review" countries={countries}>
      {(moderated) => (
        <Routes>
          <Route index element={<Redirect to={`/review/${moderated[0].id}`} />} />
          <Route path=":countryId/*" element={<CountryDesk countries={moderated} />} />
        </Routes>
      )}
    </StaffDesk>
  );
}
