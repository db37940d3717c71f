import type { Role } from '@vitrina/contracts';
import type { Actor } from './actor';

/** Permissions scoped to one country, granted by memberships. */
export const COUNTRY_PERMISSIONS = ['content.read', 'content.edit', 'content.review', 'audit.read'] as const;
/** Permissions over the whole installation, held only by admins. */
export const INSTALLATION_PERMISSIONS = ['countries.manage', 'users.manage', 'api-keys.manage'] as const;

export type CountryPermission = (typeof COUNTRY_PERMISSIONS)[number];
export type InstallationPermission = (typeof INSTALLATION_PERMISSIONS)[number];
export type Permission = CountryPermission | InstallationPermission;

const ROLE_PERMISSIONS: Record<Role, readonly CountryPermission[]> = {
  curator: ['content.read', 'content.edit'],
  moderator: ['content.read', 'content.edit', 'content.review', 'audit.read'],
};

function isInstallationPermission(permission: Permission): permission is InstallationPermission {
  return (INSTALLATION_PERMISSIONS as readonly string[]).includes(permission);
}

/**
 * The one access check: may this actor exercise this permission in this
 * country? Admins may do everything; everyone else only what a membership in
 * that very country grants.
 */
export function isAllowed(actor: Actor | null | undefined, permission: Permission, countryId?: string): boolean {
  if (!actor) return false;
  if (actor.isAdmin) return true;
  if (isInstallationPermission(permission)) return false;
  if (countryId === undefined) return false;
  return actor.memberships.some(
    (membership) => membership.countryId === countryId && ROLE_PERMISSIONS[membership.role].includes(permission),
  );
}
