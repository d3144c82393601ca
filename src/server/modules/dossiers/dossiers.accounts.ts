// Dossiers seen from a citizen account: the citizen's own list (keyset pages), one of them by code, and claiming one with code and secret.
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CitizenDossierItem, CitizenDossierPage, CitizenDossierQuery, ClaimBody } from '../../../common/citizens.schema';
import type { PublicDossierView } from '../../../common/dossiers.schema';
import type { Tx } from '../../db/client';
import { dossiers, units } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { errors } from '../../platform/errors';
import type { Lang } from '../../platform/locale';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { ENTITY } from './dossiers.actions';
import { dossierErrors } from './dossiers.errors';
import { findDossierByCode } from './dossiers.queries';
import { provenDossier, publicViewOf } from './dossiers.track';
import { stateLabel } from './dossiers.views';
import { dossierWorkflow } from './dossiers.workflows';

const CursorShape = [z.number().int(), z.uuid()] as const;

export interface AccountHolder {
  id: string;
  /** How the citizen appears in the audit trail (the contact, mostly hidden). */
  label: string;
}

type ItemRow = Pick<typeof dossiers.$inferSelect, 'id' | 'code' | 'procedureCode' | 'procedureName' | 'state' | 'workflowCode' | 'submittedAt' | 'dueAt' | 'finishedAt'> & {
  receivingUnitName: string;
};

function toItem(r: ItemRow, lang: Lang): CitizenDossierItem {
  return {
    code: r.code,
    procedureCode: r.procedureCode,
    procedureName: r.procedureName,
    state: r.state,
    stateLabel: stateLabel(dossierWorkflow(r.workflowCode), r.state, lang),
    submittedAt: formatLocalIso(r.submittedAt),
    dueAt: r.dueAt ? formatLocalIso(r.dueAt) : null,
    finishedAt: r.finishedAt ? formatLocalIso(r.finishedAt) : null,
    receivingUnitName: r.receivingUnitName,
  };
}

const itemColumns = {
  id: dossiers.id,
  code: dossiers.code,
  procedureCode: dossiers.procedureCode,
  procedureName: dossiers.procedureName,
  state: dossiers.state,
  workflowCode: dossiers.workflowCode,
  submittedAt: dossiers.submittedAt,
  dueAt: dossiers.dueAt,
  finishedAt: dossiers.finishedAt,
  receivingUnitName: units.name,
};

/** GET /api/citizen/dossiers: newest first, by keyset on (submitted_at, id) over the index dossiers_citizen_idx. */
export async function listCitizenDossiers(db: Tx, citizenId: string, q: CitizenDossierQuery, lang: Lang): Promise<CitizenDossierPage> {
  const after = q.cursor ? decodeCursor(q.cursor, CursorShape) : undefined;
  const at = after ? new Date(after[0]) : undefined;
  const rows = await db
    .select(itemColumns)
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.receivingUnitId))
    .where(
      and(
        eq(dossiers.citizenId, citizenId),
        at && after ? or(lt(dossiers.submittedAt, at), and(eq(dossiers.submittedAt, at), lt(dossiers.id, after[1]))) : undefined,
      ),
    )
    .orderBy(sql`${dossiers.submittedAt} desc nulls last`, sql`${dossiers.id} desc nulls last`)
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.submittedAt.getTime(), r.id]);
  return { items: page.items.map((r) => toItem(r, lang)), nextCursor: page.nextCursor };
}

/** GET /api/citizen/dossiers/:code: the public view of the citizen's own dossier; anyone else's is the same 404 as an unknown code. */
export async function citizenDossierView(db: Tx, citizenId: string, code: string, lang: Lang): Promise<PublicDossierView> {
  const d = await findDossierByCode(db, code.trim());
  if (!d || d.citizenId !== citizenId) throw dossierErrors.notFound();
  return publicViewOf(db, d, lang);
}

export const accountErrors = {
  claimedByAnother: () =>
    errors.conflict('dossier_claimed', 'Hồ sơ đã được gắn với một tài khoản khác', 'This dossier is already linked to another account'),
};

/**
 * POST /api/citizen/dossiers/claim: the code and the secret of the receipt prove the dossier is the
 * citizen's; it joins their list. Claiming one's own again changes nothing; another account's is 409.
 */
export async function claimDossier(
  tx: Tx,
  meta: { requestId: string; ip: string; lang: Lang },
  holder: AccountHolder,
  body: ClaimBody,
): Promise<CitizenDossierItem> {
  const d = await provenDossier(tx, body.code, { secret: body.secret });
  if (d.citizenId !== holder.id) {
    const [linked] = await tx
      .update(dossiers)
      .set({ citizenId: holder.id, updatedAt: new Date() })
      .where(and(eq(dossiers.id, d.id), isNull(dossiers.citizenId)))
      .returning({ id: dossiers.id });
    if (!linked) throw accountErrors.claimedByAnother();
    await recordAudit(
      tx,
      { actor: null, citizen: { label: holder.label }, requestId: meta.requestId, ip: meta.ip },
      { action: 'dossier.claim', entityType: ENTITY, entityId: d.id, unitId: d.receivingUnitId, before: { citizenId: null }, after: { citizenId: holder.id } },
    );
  }
  return toItem(d, meta.lang);
}
