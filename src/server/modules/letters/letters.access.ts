// Who sees which letter and case, and who may reveal a writer's identity: the handler and the head of the handling unit for a denunciation.
import { sql, type SQL } from 'drizzle-orm';
import { letterCaseLetters, letterCases, letters } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { can, scopePaths } from '../../platform/policy';
import { caseVisibleTo, type CaseWithUnits } from './letter-cases.queries';
import { letterVisibleTo, recv, under, type LetterWithUnit } from './letters.queries';

/** Where a case is handled and who handles it. */
export interface CasePlace {
  unitId: string;
  unitPath: string;
  assigneeId: string | null;
}

/** A reader where the letter was received, where one of its cases is handled, or a case's assignee. */
export function canSeeLetter(actor: Actor, letter: Pick<LetterWithUnit, 'unitPath'>, cases: readonly CasePlace[]): boolean {
  return can(actor, 'letter.read', { unitPath: letter.unitPath }) || cases.some((c) => c.assigneeId === actor.id || can(actor, 'letter.read', { unitPath: c.unitPath }));
}

export function canSeeCase(actor: Actor, c: Pick<CaseWithUnits, 'unitPath' | 'letterUnitPath' | 'assigneeId'>): boolean {
  return c.assigneeId === actor.id || can(actor, 'letter.read', { unitPath: c.unitPath }) || can(actor, 'letter.read', { unitPath: c.letterUnitPath });
}

/** The SQL conditions of canSeeCase and canSeeLetter, for lists and counts. */
export const casesVisibleTo = (actor: Actor) => caseVisibleTo(scopePaths(actor, 'letter.read'), actor.id);
export const lettersVisibleTo = (actor: Actor) => letterVisibleTo(scopePaths(actor, 'letter.read'), actor.id);

export type IdentityStatus = 'shown' | 'sealed' | 'protected';

/** Shown once classified without a denunciation; sealed before; protected for ever once a denunciation is in it. */
export function identityStatus(letter: Pick<LetterWithUnit, 'identityProtected' | 'state'>): IdentityStatus {
  if (letter.identityProtected) return 'protected';
  return letter.state === 'received' ? 'sealed' : 'shown';
}

/** The units the user heads: a leader granted on that very unit (a leader above it is not its head). */
const headedUnits = (actor: Actor) => actor.grants.filter((g) => g.role === 'leader').map((g) => g.unitId);

function headOf(actor: Actor, unitId: string): boolean {
  return headedUnits(actor).includes(unitId);
}

/**
 * Who may read the identity behind the redaction. A protected letter: the assigned handler or the
 * head of the handling unit of one of its cases, nobody else (not the reception officer, not a
 * leader above, not a viewer). A letter not yet classified: those who may classify it where it was
 * received. Each reveal is audited by the caller.
 */
export function mayRevealIdentity(actor: Actor, letter: Pick<LetterWithUnit, 'identityProtected' | 'state' | 'unitPath'>, cases: readonly CasePlace[]): boolean {
  switch (identityStatus(letter)) {
    case 'shown':
      return true;
    case 'sealed':
      return can(actor, 'letter.classify', { unitPath: letter.unitPath });
    case 'protected':
      return cases.some((c) => c.assigneeId === actor.id || headOf(actor, c.unitId));
  }
}

/**
 * mayRevealIdentity as an SQL condition on `letters` joined with its receiving unit (`recv`), for
 * searches: the same three cases, from the same grants and assignments (a protected letter: a case
 * holding it, its own or one it joined as a duplicate, assigned to the user or handled by a unit they head).
 */
export function mayRevealIdentitySql(actor: Actor): SQL {
  const heads = headedUnits(actor);
  const handles = sql`exists (select 1 from ${letterCaseLetters} x join ${letterCases} c on c.id = x.case_id
    where x.letter_id = ${letters.id} and (c.assignee_id = ${actor.id}${heads.length ? sql` or c.unit_id in (${sql.join(heads.map((u) => sql`${u}`), sql`, `)})` : sql``}))`;
  return sql`(case when ${letters.identityProtected} then ${handles}
    when ${letters.state} = 'received' then ${under(recv.path, scopePaths(actor, 'letter.classify'))}
    else true end)`;
}

