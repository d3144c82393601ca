// Staff reads of letters: the case inbox and the letters list (scoped, filtered, keyset pages), counts, one letter, the audited reveal of a writer, files.
import { z } from 'zod';
import type { LetterView, WriterView } from '../../../common/letters.schema';
import type { CaseListQuery, CasePage, LetterCounts, LetterListQuery, LetterPage } from '../../../common/letters-inbox.schema';
import type { Tx } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/actor';
import { loadCalendar } from '../../platform/calendar/calendar.service';
import { errors } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { assertCan, scopePaths } from '../../platform/policy';
import { dueSoonBefore } from '../../platform/workflow/engine';
import { dueCursorMs, dueWindow } from '../../platform/workflow/inbox';
import { canSeeLetter, casesVisibleTo, identityStatus, lettersVisibleTo, mayRevealIdentity, mayRevealIdentitySql } from './letters.access';
import { clock } from './letters.clock';
import { letterErrors } from './letters.errors';
import { openIdentity, openName, toWriterView } from './letters.identity';
import { findLetter, letterFile, listLetters, type LetterWithUnit } from './letters.queries';
import { caseCounts, casesHoldingLetter, listCases, toClassifyCount, type CaseWithUnits } from './letter-cases.queries';
import { toCaseSummary, toLetterSummary, toLetterView } from './letters.views';
import { activeCaseStates, LETTER_ENTITY } from './letters.workflows';
import { placesOfLetters, writerTextFor } from './letters.writer-text';

const CursorShape = [z.number().int(), z.uuid()] as const;

export async function listCaseInbox(db: Tx, ctx: Ctx, q: CaseListQuery): Promise<CasePage> {
  assertCan(ctx.actor, 'letter.read');
  const now = clock.now();
  const cal = await loadCalendar(db);
  const after = q.cursor ? decodeCursor(q.cursor, CursorShape) : undefined;
  const rows = await listCases(db, {
    visible: casesVisibleTo(ctx.actor),
    states: q.state,
    type: q.type,
    activeStates: activeCaseStates(),
    assigneeId: q.assignee === 'me' ? ctx.actor.id : undefined,
    // Escalated cases are overdue ones the job has reported upwards.
    window: dueWindow(q.due === 'escalated' ? 'overdue' : q.due, cal, now),
    escalated: q.due === 'escalated',
    q: q.q || undefined,
    // A protected letter is found by its content only by those who may reveal its writer: the words may name them.
    contentSearchable: mayRevealIdentitySql(ctx.actor),
    after: after ? { dueMs: after[0], id: after[1] } : undefined,
    limit: q.limit,
  });
  const page = pageOf(rows, q.limit, (r) => [dueCursorMs(r.dueAt), r.id]);
  return { items: page.items.map((r) => toCaseSummary(r, ctx.lang, cal, now)), nextCursor: page.nextCursor };
}

export async function countLetters(db: Tx, ctx: Ctx): Promise<LetterCounts> {
  assertCan(ctx.actor, 'letter.read');
  const now = clock.now();
  const cal = await loadCalendar(db);
  const cases = await caseCounts(db, {
    staffId: ctx.actor.id,
    visible: casesVisibleTo(ctx.actor),
    activeStates: activeCaseStates(),
    now,
    dueSoonBefore: dueSoonBefore(cal, now),
  });
  return { toClassify: await toClassifyCount(db, scopePaths(ctx.actor, 'letter.classify')), ...cases };
}

export async function listLetterPage(db: Tx, ctx: Ctx, q: LetterListQuery): Promise<LetterPage> {
  assertCan(ctx.actor, 'letter.read');
  const now = clock.now();
  const cal = await loadCalendar(db);
  const after = q.cursor ? decodeCursor(q.cursor, CursorShape) : undefined;
  const rows = await listLetters(db, {
    visible: lettersVisibleTo(ctx.actor),
    state: q.state,
    q: q.q || undefined,
    contentSearchable: mayRevealIdentitySql(ctx.actor),
    order: q.state === 'received' ? 'asc' : 'desc',
    after: after ? { ms: after[0], id: after[1] } : undefined,
    limit: q.limit,
  });
  const page = pageOf(rows, q.limit, (r) => [r.receivedAt.getTime(), r.id]);
  // The subject and excerpt of a protected letter as its writer's words are shown to this reader (the cases decide who may reveal).
  const places = await placesOfLetters(db, page.items.filter((r) => identityStatus(r) === 'protected').map((r) => r.id));
  return { items: page.items.map((r) => toLetterSummary(r, ctx.lang, cal, now, writerTextFor(ctx.actor, r, places.get(r.id) ?? []))), nextCursor: page.nextCursor };
}

/** The letter and its cases, when the user may see it (404 otherwise: nothing to learn from it). */
export async function visibleLetter(db: Tx, ctx: Ctx, id: string, forUpdate = false): Promise<{ letter: LetterWithUnit; cases: CaseWithUnits[] }> {
  const letter = await findLetter(db, id, forUpdate);
  const cases = letter ? await casesHoldingLetter(db, id) : [];
  if (!letter || !canSeeLetter(ctx.actor, letter, cases)) throw letterErrors.notFound();
  return { letter, cases };
}

export async function getLetter(db: Tx, ctx: Ctx, id: string): Promise<LetterView> {
  const { letter } = await visibleLetter(db, ctx, id);
  return toLetterView(db, ctx, letter, clock.now());
}

/**
 * GET /api/letters/:id/identity: the writer behind the redaction, for those allowed (letters.access.ts),
 * with an audit entry for each reveal of a sealed or protected identity. Anyone else gets 403, and
 * the audit trail records nothing of the identity itself.
 */
export async function revealIdentity(tx: Tx, ctx: Ctx, id: string): Promise<WriterView> {
  const { letter, cases } = await visibleLetter(tx, ctx, id);
  if (!mayRevealIdentity(ctx.actor, letter, cases)) throw errors.forbidden('letter.identity.reveal');
  const status = identityStatus(letter);
  if (status !== 'shown')
    await recordAudit(tx, ctx, { action: 'letter.identity.reveal', entityType: LETTER_ENTITY, entityId: id, unitId: letter.unitId, after: { code: letter.code, status } });
  return toWriterView(openIdentity(letter.writerSealed));
}

/**
 * A file of a letter the user may see. A file the writer sent with a sealed or protected letter may
 * show who they are: only those who may reveal the identity download it, and each download is audited.
 */
export async function getLetterFile(tx: Tx, ctx: Ctx, id: string, fileId: string) {
  const { letter, cases } = await visibleLetter(tx, ctx, id);
  const row = await letterFile(tx, id, fileId);
  if (!row) throw errors.notFound('file', 'tệp');
  const status = identityStatus(letter);
  if (row.kind === 'letter' && status !== 'shown') {
    if (!mayRevealIdentity(ctx.actor, letter, cases)) throw errors.forbidden('letter.identity.reveal');
    await recordAudit(tx, ctx, { action: 'letter.file.reveal', entityType: LETTER_ENTITY, entityId: id, unitId: letter.unitId, after: { code: letter.code, fileId, status } });
  }
  // Downloaded under the name the writer gave it, sealed at rest (the stored file carries a neutral name).
  return row.kind === 'letter' ? { ...row.file, name: openName(row.name) } : row.file;
}
