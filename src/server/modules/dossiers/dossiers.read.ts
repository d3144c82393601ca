// Staff reads of dossiers: the inbox (scoped, filtered, keyset pages), the counts per role, one dossier with its timeline and actions.
import { z } from 'zod';
import type { DossierCounts, DossierListQuery, DossierPage, DossierView } from '../../../common/dossiers.schema';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../platform/auth/actor';
import { loadCalendar } from '../../platform/calendar/calendar.service';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { assertCan, scopePaths } from '../../platform/policy';
import { dueSoonBefore } from '../../platform/workflow/engine';
import { dueCursorMs, dueWindow } from '../../platform/workflow/inbox';
import { workflows } from '../../platform/workflow/registry';
import { viewOf } from './dossiers.actions';
import { visibleCondition } from './dossiers.access';
import { clock } from './dossiers.clock';
import { dossierFile, findDossier, inboxCounts, listInbox } from './dossiers.queries';
import { canSee } from './dossiers.access';
import { dossierErrors } from './dossiers.errors';
import { errors } from '../../platform/errors';
import { toSummary } from './dossiers.views';
import { dossierWorkflow, loadDossierWorkflows } from './dossiers.workflows';

const CursorShape = [z.number().int(), z.uuid()] as const;

/** Non-terminal states of every dossier workflow: the ones a deadline can still run in. */
export function activeStates(): string[] {
  loadDossierWorkflows();
  const out = new Set<string>();
  for (const code of workflows.codes()) {
    const def = workflows.get(code);
    if (def.entityType === 'dossier') for (const s of def.states) if (!s.terminal) out.add(s.code);
  }
  return [...out];
}

export async function listDossiers(db: Tx, ctx: Ctx, q: DossierListQuery): Promise<DossierPage> {
  assertCan(ctx.actor, 'dossier.read');
  const now = clock.now();
  const cal = await loadCalendar(db);
  const after = q.cursor ? decodeCursor(q.cursor, CursorShape) : undefined;
  const rows = await listInbox(db, {
    visible: visibleCondition(ctx.actor),
    states: q.state,
    activeStates: activeStates(),
    assigneeId: q.assignee === 'me' ? ctx.actor.id : undefined,
    window: dueWindow(q.due, cal, now),
    q: q.q || undefined,
    after: after ? { dueMs: after[0], id: after[1] } : undefined,
    limit: q.limit,
  });
  const page = pageOf(rows, q.limit, (r) => [dueCursorMs(r.dueAt), r.id]);
  return {
    items: page.items.map((r) => toSummary(dossierWorkflow(r.workflowCode), r, ctx.lang, cal, now)),
    nextCursor: page.nextCursor,
  };
}

export async function countDossiers(db: Tx, ctx: Ctx): Promise<DossierCounts> {
  assertCan(ctx.actor, 'dossier.read');
  const now = clock.now();
  const cal = await loadCalendar(db);
  return inboxCounts(db, {
    staffId: ctx.actor.id,
    visible: visibleCondition(ctx.actor),
    receivePaths: scopePaths(ctx.actor, 'dossier.intake'),
    assignPaths: scopePaths(ctx.actor, 'dossier.assign'),
    approvePaths: scopePaths(ctx.actor, 'dossier.approve'),
    activeStates: activeStates(),
    now,
    dueSoonBefore: dueSoonBefore(cal, now),
  });
}

/** A document of a dossier the user may see: the stored file's row (the route streams the bytes). */
export async function getDossierFile(db: Tx, ctx: Ctx, id: string, fileId: string) {
  const d = await findDossier(db, id);
  if (!d || !canSee(ctx.actor, d)) throw dossierErrors.notFound();
  const row = await dossierFile(db, id, fileId);
  if (!row) throw errors.notFound('file', 'tệp');
  return row.file;
}

export async function getDossier(db: Tx, ctx: Ctx, id: string): Promise<DossierView> {
  return viewOf(db, ctx, id, clock.now());
}
