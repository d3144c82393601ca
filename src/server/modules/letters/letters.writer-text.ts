// The writer's own words (subject, content, a reopen reason) as a staff reader sees them: whole where the writer is shown or the reader may reveal them, through the redactor everywhere else.
import { eq, inArray } from 'drizzle-orm';
import { redactPersonalData } from '../../../common/redact';
import type { Tx } from '../../db/client';
import { letterCaseLetters, letterCases, units } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { mayRevealIdentity, type CasePlace } from './letters.access';
import { knownPeople, openIdentity } from './letters.identity';
import type { LetterWithUnit } from './letters.queries';

/** What a reader is shown of a text the writer typed; `masked()`: whether a text shown so far came out with something masked. */
export interface WriterText {
  (text: string): string;
  masked(): boolean;
}

const whole: WriterText = Object.assign((text: string) => text, { masked: () => false });

/**
 * The writer's words follow the writer: a denouncer may name themselves, give their address, phone or
 * ID number in the content, so where the identity is sealed or protected the text goes through the
 * redactor (the known writer and representatives however written, then what looks like personal data),
 * unless the reader may reveal the identity (the same rule, letters.access.ts); `mayReveal` when the
 * caller already holds it. Reading the whole text is not a reveal of the sealed identity: not audited.
 */
export function writerTextFor(actor: Actor, letter: Pick<LetterWithUnit, 'identityProtected' | 'state' | 'unitPath' | 'writerSealed'>, cases: readonly CasePlace[], mayReveal?: boolean): WriterText {
  if (mayReveal ?? mayRevealIdentity(actor, letter, cases)) return whole;
  const known = knownPeople(openIdentity(letter.writerSealed));
  // A page asks for the content twice (the excerpt and the whole): redacted once.
  const done = new Map<string, string>();
  let masked = false;
  const read = (text: string) => {
    let out = done.get(text);
    if (out === undefined) {
      done.set(text, (out = redactPersonalData(text, known)));
      // The redactor also normalises to NFC: only a masked part counts.
      if (out !== text.normalize('NFC')) masked = true;
    }
    return out;
  };
  return Object.assign(read, { masked: () => masked });
}

/** Keys of a step's data that hold the writer's own words (the writer's request to reopen). */
const WRITER_FIELDS = ['reopenReason'];

/** A step's data with the writer's words shown as the reader may see them. */
export function writerData(data: Record<string, unknown>, text: WriterText): Record<string, unknown> {
  if (text === whole || !WRITER_FIELDS.some((k) => typeof data[k] === 'string')) return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, WRITER_FIELDS.includes(k) && typeof v === 'string' ? text(v) : v]));
}

/** Where every case holding each letter is handled (its own cases and those it joined as a duplicate), for a list's protected letters. */
export async function placesOfLetters(db: Tx, letterIds: readonly string[]): Promise<Map<string, CasePlace[]>> {
  const out = new Map<string, CasePlace[]>();
  if (!letterIds.length) return out;
  const rows = await db
    .select({ letterId: letterCaseLetters.letterId, unitId: letterCases.unitId, unitPath: units.path, assigneeId: letterCases.assigneeId })
    .from(letterCaseLetters)
    .innerJoin(letterCases, eq(letterCases.id, letterCaseLetters.caseId))
    .innerJoin(units, eq(units.id, letterCases.unitId))
    .where(inArray(letterCaseLetters.letterId, [...letterIds]));
  for (const { letterId, ...place } of rows) out.set(letterId, [...(out.get(letterId) ?? []), place]);
  return out;
}
