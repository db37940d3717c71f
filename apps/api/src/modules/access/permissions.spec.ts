import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { isAllowed } from './permissions';

const KZ = '00000000-0000-4000-8000-00000000000a';
const AM = '00000000-0000-4000-8000-00000000000b';

function actor(overrides: Partial<Actor>): Actor {
  return {
    userId: 'u',
    email: 'e',
    displayName: 'd',
    isAdmin: false,
    memberships: [],
    sessionId: 's',
    csrfToken: 'c',
    ...overrides,
  };
}

describe('isAllowed', () => {
  const curatorKz = actor({ memberships: [{ countryId: KZ, countrySlug: 'kazakhstan', role: 'curator' }] });
  const moderatorKz = actor({ memberships: [{ countryId: KZ, countrySlug: 'kazakhstan', role: 'moderator' }] });

  it('denies anonymous actors everything', () => {
    expect(isAllowed(null, 'content.read', KZ)).toBe(false);
  });

  it('lets a curator edit only in their own country', () => {
    expect(isAllowed(curatorKz, 'content.edit', KZ)).toBe(true);
    expect(isAllowed(curatorKz, 'content.edit', AM)).toBe(false);
    expect(isAllowed(curatorKz, 'content.edit')).toBe(false);
  });

  it('gives moderators review and audit but curators not', () => {
    expect(isAllowed(moderatorKz, 'content.review', KZ)).toBe(true);
    expect(isAllowed(moderatorKz, 'audit.read', KZ)).toBe(true);
    expect(isAllowed(curatorKz, 'content.review', KZ)).toBe(false);
  });

  it('keeps installation permissions for admins', () => {
    expect(isAllowed(moderatorKz, 'users.manage')).toBe(false);
    expect(isAllowed(actor({ isAdmin: true }), 'users.manage')).toBe(true);
    expect(isAllowed(actor({ isAdmin: true }), 'content.edit', AM)).toBe(true);
  });
});
