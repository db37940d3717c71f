import type { Country } from '@vitrina/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth-context';
import { PageTitle } from '../PageTitle';
import { Redirect } from '../Redirect';
import { pickName } from '../country-name';

/**
 * The frame of a staff page that works country by country (the studio, the moderation desk):
 * signed-in only, its heading, and a notice when the person may work on no country.
 */
export function StaffDesk(props: {
  heading: string;
  noCountries: string;
  className: string;
  countries: Country[] | undefined;
  children: (countries: Country[]) => ReactNode;
}) {
  const { me, loading } = useAuth();
  const { countries } = props;
  if (loading) return null;
  if (!me) return <Redirect to="/login" />;
  return (
    <section className={`page wide ${props.className}`}>
      <PageTitle title={props.heading} />
      <h1>{props.heading}</h1>
      {countries && countries.length === 0 && <p role="alert">{props.noCountries}</p>}
      {countries && countries.length > 0 && props.children(countries)}
    </section>
  );
}

/** Which of the person's countries the desk shows. */
export function CountryPicker({ countries, country, onPick }: { countries: Country[]; country: Country; onPick: (countryId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <label>
      <span>{t('studio.country')}</span>
      <select value={country.id} onChange={(e) => onPick(e.target.value)}>
        {countries.map((c) => (
          <option key={c.id} value={c.id}>
            {pickName(c.names, i18n.language)}
          </option>
        ))}
      </select>
    </label>
  );
}
