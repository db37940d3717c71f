import type { Role } from '@vitrina/contracts';

export const DEMO_PASSWORD = 'vitrina-demo';

export interface DemoAccount {
  email: string;
  displayName: string;
  isAdmin: boolean;
  memberships: { countrySlug: string; role: Role }[];
}

/** Seeded only in the embedded/demo mode, never with NODE_ENV=production. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@vitrina.test', displayName: 'Demo Admin', isAdmin: true, memberships: [] },
  {
    email: 'curator.kz@vitrina.test',
    displayName: 'Demo Curator (Kazakhstan)',
    isAdmin: false,
    memberships: [{ countrySlug: 'kazakhstan', role: 'curator' }],
  },
  {
    email: 'moderator.kz@vitrina.test',
    displayName: 'Demo Moderator (Kazakhstan)',
    isAdmin: false,
    memberships: [{ countrySlug: 'kazakhstan', role: 'moderator' }],
  },
  {
    email: 'curator.am@vitrina.test',
    displayName: 'Demo Curator (Armenia)',
    isAdmin: false,
    memberships: [{ countrySlug: 'armenia', role: 'curator' }],
  },
];
