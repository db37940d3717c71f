import { SetMetadata } from '@nestjs/common';
import type { CountryPermission, InstallationPermission } from './permissions';

export const ACCESS_RULE = 'vitrina:access-rule';

/** Where a country-scoped route finds the country it acts on. */
export interface CountrySource {
  from: 'params' | 'query' | 'body';
  key: string;
}

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'installation'; permission: InstallationPermission }
  | { kind: 'country'; permission: CountryPermission; country: CountrySource };

/** Anyone, signed in or not. */
export const PublicRoute = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user, whatever their memberships. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);

/** Admins only. */
export const RequireInstallation = (permission: InstallationPermission) =>
  SetMetadata(ACCESS_RULE, { kind: 'installation', permission } satisfies AccessRule);

/** A member of the country named by `country` holding `permission`, or an admin. */
export const RequireCountry = (permission: CountryPermission, country: CountrySource) =>
  SetMetadata(ACCESS_RULE, { kind: 'country', permission, country } satisfies AccessRule);
