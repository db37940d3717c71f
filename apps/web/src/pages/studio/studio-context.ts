import type { Country, CountryList } from '@vitrina/contracts';
import { useApi } from '../../api/use-api';
import { useAuth } from '../../auth/auth-context';

export const COLLECTIONS = ['items', 'memorials', 'exhibitions'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export function isCollection(value: string | undefined): value is Collection {
  return (COLLECTIONS as readonly string[]).includes(value ?? '');
}

/** The countries whose content this person may work on: their memberships, or all for admins. */
export function useStudioCountries(): Country[] | undefined {
  const { me } = useAuth();
  const countries = useApi<CountryList>('/api/public/countries');
  if (!me || !countries.data) return undefined;
  if (me.user.isAdmin) return countries.data.items;
  const mine = new Set(me.memberships.map((m) => m.countryId));
  return countries.data.items.filter((country) => mine.has(country.id));
}

export function studioApi(countryId: string, collection: Collection, rest = ''): string {
  return `/api/studio/countries/${countryId}/${collection}${rest}`;
}
