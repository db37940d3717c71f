import type { Country } from '@vitrina/contracts';
import { useCountries } from '../../api/public';
import { useAuth } from '../../auth/auth-context';

/** The countries whose content this person may work on: their memberships, or all for admins. */
export function useStudioCountries(): Country[] | undefined {
  const { me } = useAuth();
  const countries = useCountries();
  if (!me || !countries.data) return undefined;
  if (me.user.isAdmin) return countries.data.items;
  const mine = new Set(me.memberships.map((m) => m.countryId));
  return countries.data.items.filter((country) => mine.has(country.id));
}
