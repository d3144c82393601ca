// GET requests.json and requests/{id}.json: Open311 letters as the specification shows them, status mapped from the letter and its cases, no personal data.
import { and, asc, desc, eq, gte, inArray, lte, not, sql, type SQL } from 'drizzle-orm';
import { PUBLISHABLE_TYPES } from '../../../common/letter-resolution.schema';
import { redactPersonalData } from '../../../common/redact';
import type { Tx } from '../../db/client';
import { letterCaseLetters, letterCases, letters, open311Requests, open311Services, units } from '../../db/schema';
import { escapeLike } from '../../db/scope';
import { formatLocalIso } from '../../platform/calendar/local-date';
import type { Lang } from '../../platform/locale';
import { stateLabel } from '../../platform/workflow/views';
import { openIdentity } from '../letters/letters.identity';
import { INTAKE_WORKFLOW, letterWorkflow } from '../letters/letters.workflows';
import { open311Errors } from './open311.errors';

export interface RequestView {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface RequestFilter {
  ids?: string[];
  serviceCodes?: string[];
  start: Date;
  end: Date;
  statuses?: Array<'open' | 'closed'>;
  /** A unit's path: letters received in it or below it. */
  underPath?: string;
  page: number;
  pageSize: number;
}

/** Closed once classified and every case of the letter has ended (answered, forwarded, guided, returned, filed, withdrawn). */
const closedSql = sql<boolean>`(${letters.state} <> 'received' and not exists (select 1 from ${letterCases} where ${letterCases.letterId} = ${letters.id} and ${letterCases.finishedAt} is null))`;

/**
 * What the writer said and where is shown only once the letter is known to hold nothing but contents whose
 * answers may be published (petition, feedback): it belongs to a case (its own or, filed as a duplicate, the
 * one it joined) and every case holding it is of such a type. Before classification it may still turn out
 * to be a denunciation; a complaint is a matter between the writer and the administration.
 */
const publishableTypes = sql.join(
  PUBLISHABLE_TYPES.map((t) => sql`${t}`),
  sql`, `,
);
const disclosedSql = sql<boolean>`(exists (select 1 from ${letterCaseLetters} where ${letterCaseLetters.letterId} = ${letters.id})
  and not exists (select 1 from ${letterCaseLetters} join ${letterCases} on ${letterCases.id} = ${letterCaseLetters.caseId}
    where ${letterCaseLetters.letterId} = ${letters.id} and ${letterCases.type} not in (${publishableTypes})))`;

function base(db: Tx) {
  return db
    .select({
      r: open311Requests,
      code: letters.code,
      letterState: letters.state,
      letterDue: letters.dueAt,
      letterUpdated: letters.updatedAt,
      writerSealed: letters.writerSealed,
      unitName: units.name,
      serviceName: open311Services.name,
      notice: open311Services.notice,
      closed: closedSql,
      disclosed: disclosedSql,
    })
    .from(open311Requests)
    .innerJoin(letters, eq(letters.id, open311Requests.letterId))
    .innerJoin(units, eq(units.id, letters.unitId))
    .innerJoin(open311Services, eq(open311Services.code, open311Requests.serviceCode));
}

/**
 * Published: every Open311 request, except a letter found to hold a denunciation (its writer is
 * protected, and what it says is not for the public).
 */
const published = not(letters.identityProtected);

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

async function toViews(db: Tx, rows: Row[], lang: Lang): Promise<RequestView[]> {
  if (rows.length === 0) return [];
  const cases = await db
    .select({ letterId: letterCases.letterId, workflowCode: letterCases.workflowCode, state: letterCases.state, dueAt: letterCases.dueAt, finishedAt: letterCases.finishedAt, updatedAt: letterCases.updatedAt, unitName: units.name })
    .from(letterCases)
    .innerJoin(units, eq(units.id, letterCases.unitId))
    .where(inArray(letterCases.letterId, rows.map((r) => r.r.letterId)))
    .orderBy(asc(letterCases.letterId), asc(letterCases.ordinal));
  return rows.map((row) => {
    const shown = row.disclosed;
    const own = cases.filter((c) => c.letterId === row.r.letterId);
    const open = own.filter((c) => !c.finishedAt);
    const notes =
      row.letterState === 'received' || own.length === 0
        ? stateLabel(letterWorkflow(INTAKE_WORKFLOW), row.letterState, lang)
        : [...new Set(own.map((c) => stateLabel(letterWorkflow(c.workflowCode), c.state, lang)))].join('; ');
    const dues = row.letterState === 'received' ? [row.letterDue] : open.map((c) => c.dueAt);
    const due = dues.filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
    const updated = [row.letterUpdated, ...own.map((c) => c.updatedAt)].reduce((a, b) => (b.getTime() > a.getTime() ? b : a));
    return {
      service_request_id: row.code,
      status: row.closed ? 'closed' : 'open',
      status_notes: notes,
      service_name: row.serviceName,
      service_code: row.r.serviceCode,
      // What the writer typed may name them, give their number or where they live: never published as such.
      description: !shown || row.r.description === null ? null : redactPersonalData(row.r.description, [openIdentity(row.writerSealed)]),
      agency_responsible: own[0]?.unitName ?? row.unitName,
      service_notice: row.notice,
      requested_datetime: formatLocalIso(row.r.requestedAt),
      updated_datetime: formatLocalIso(updated),
      expected_datetime: !row.closed && due ? formatLocalIso(due) : null,
      address: shown ? row.r.addressString : null,
      address_id: shown ? row.r.addressId : null,
      zipcode: null,
      lat: shown ? row.r.lat : null,
      long: shown ? row.r.long : null,
      media_url: shown ? row.r.mediaUrl : null,
    };
  });
}

/** Newest first; `service_request_id` overrides every other filter, as the specification says. */
export async function listRequests(db: Tx, f: RequestFilter, lang: Lang): Promise<RequestView[]> {
  const where: SQL[] = [published];
  if (f.ids) where.push(inArray(letters.code, f.ids));
  else {
    where.push(gte(open311Requests.requestedAt, f.start), lte(open311Requests.requestedAt, f.end));
    if (f.serviceCodes) where.push(inArray(open311Requests.serviceCode, f.serviceCodes));
    if (f.statuses?.length === 1) where.push(f.statuses[0] === 'closed' ? closedSql : not(closedSql));
    if (f.underPath) where.push(sql`${units.path} like ${`${escapeLike(f.underPath)}%`}`);
  }
  const rows = await base(db)
    .where(and(...where))
    .orderBy(desc(open311Requests.requestedAt), desc(open311Requests.letterId))
    // Page numbers are the extension's contract; the window is at most 90 days of one endpoint's requests.
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return toViews(db, rows, lang);
}

export async function getRequest(db: Tx, code: string, lang: Lang): Promise<RequestView[]> {
  const rows = await base(db).where(and(published, eq(letters.code, code)));
  if (rows.length === 0) throw open311Errors.requestNotFound(lang, code);
  return toViews(db, rows, lang);
}
