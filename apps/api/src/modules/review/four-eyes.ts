import { ForbiddenException } from '@nestjs/common';
import { FOUR_EYES_BLOCKER } from '@vitrina/contracts';
import type { Actor } from '../access/actor';

/**
 * The four-eyes rule: where a country has it on, a moderator may not approve
 * a revision they submitted or wrote themselves. Admins are not held to it:
 * they set the rule and could switch it off anyway (which the audit log would
 * show), and they are the way out for a museum with a single moderator.
 */
export function needsAnotherModerator(
  countryHasRule: boolean,
  actor: Actor,
  record: { submittedBy: string | null },
  revision: { authorId: string | null },
): boolean {
  if (!countryHasRule || actor.isAdmin) return false;
  return record.submittedBy === actor.userId || revision.authorId === actor.userId;
}

const MESSAGE = 'The four-eyes rule is on in this country: you submitted or wrote this revision, so another moderator must approve it';

/** 403: who asks is the problem, not the state of the record; another moderator's approval goes through. */
export class NeedsAnotherModerator extends ForbiddenException {
  constructor() {
    super({ message: MESSAGE, blockers: [{ code: FOUR_EYES_BLOCKER, message: MESSAGE }] });
  }
}
