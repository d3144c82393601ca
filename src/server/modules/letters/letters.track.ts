// Public tracking by code and secret: the letter's progress and each case's, addressed to the writer: no staff names, notes or internal steps.
import { LETTER_TYPE_LABELS, type LetterType } from '../../../common/letters.schema';
import { type PublicLetterView } from '../../../common/letters-tracking.schema';
import type { Tx } from '../../db/client';
import { formatLocalIso } from '../../platform/calendar/local-date';
import type { Lang } from '../../platform/locale';
import { secretMatches } from '../../platform/tracking/secret';
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { actionLabel, stateLabel } from '../../platform/workflow/views';
import { history, type Step } from '../../platform/workflow/workflow.service';
import { clock } from './letters.clock';
import { letterErrors } from './letters.errors';
import { publishedCodes } from './letters.publish';
import { isRateable, ratingsOfCases } from './letters.ratings';
import { findLetterByCode, type LetterWithUnit } from './letters.queries';
import { reopenStatus, reopenWindow } from './letters.reopen-window';
import { casesOfLetter } from './letter-cases.queries';
import { START_CASE, START_LETTER } from './letters.views';
import { CASE_ENTITY, LETTER_ENTITY, letterWorkflow } from './letters.workflows';

const iso = (d: Date | null) => (d ? formatLocalIso(d) : null);

/**
 * The steps the writer sees and the fields of each that are addressed to them (the body a letter went
 * to, the guidance, the decision's number and result). Assignments, reports and send-backs are the
 * agency's inner work and stay out, as do every note and every staff name.
 */
const PUBLIC_FIELDS: Record<string, readonly string[]> = {
  start: [],
  classify: ['caseCount'],
  transfer: [],
  accept: ['documentNumber', 'documentDate', 'instance'],
  forward: ['receivingBody', 'documentNumber', 'documentDate', 'reason'],
  guide: ['guidance', 'receivingBody', 'documentNumber', 'documentDate', 'reason'],
  return_letter: ['reason', 'documentNumber', 'documentDate'],
  file_away: ['fileReason', 'reason'],
  refer_for_inspection: [],
  extend: ['decisionNumber', 'decisionDate', 'signer'],
  resolve: ['result', 'decisionNumber', 'decisionDate', 'signer'],
  conclude: ['result', 'decisionNumber', 'decisionDate', 'signer'],
  answer: ['answer', 'documentNumber', 'documentDate', 'signer'],
  reopen: ['reopenReason'],
  publish_answer: [],
  withdraw: ['reason'],
};

function publicSteps(def: WorkflowDefinition, steps: readonly Step[], start: { vi: string; en: string }, lang: Lang) {
  return steps
    .filter((s) => s.action in PUBLIC_FIELDS)
    .map((s) => {
      const data: Record<string, unknown> = {};
      for (const k of PUBLIC_FIELDS[s.action] ?? []) if (s.data[k] !== undefined) data[k] = s.data[k];
      return {
        at: formatLocalIso(s.at),
        action: s.action,
        actionLabel: actionLabel(def, s.action, lang, start),
        state: s.toState,
        stateLabel: stateLabel(def, s.toState, lang),
        data,
        dueAt: iso(s.dueAt),
      };
    });
}

/**
 * The letter with this code, when the secret matches. An unknown code, a missing secret and a wrong
 * one all give the same 404, and the secret is compared in constant time even for an unknown code.
 */
export async function provenLetter(db: Tx, code: string, secret: string | undefined): Promise<LetterWithUnit> {
  const l = await findLetterByCode(db, code.trim());
  const ok = secretMatches(secret ?? '', l?.secretHash ?? null);
  if (!l || !ok) throw letterErrors.notFound();
  return l;
}

export async function publicLetterView(db: Tx, l: LetterWithUnit, lang: Lang, now: Date = clock.now()): Promise<PublicLetterView> {
  const def = letterWorkflow(l.workflowCode);
  const cases = await casesOfLetter(db, l.id);
  const ratings = await ratingsOfCases(db, cases, lang);
  const published = await publishedCodes(db, cases.map((c) => c.id));
  const out: PublicLetterView['cases'] = [];
  for (const c of cases) {
    const cdef = letterWorkflow(c.workflowCode);
    const type = c.type as LetterType;
    const steps = await history(db, CASE_ENTITY, c.id);
    const rating = ratings.get(c.id) ?? null;
    // The rule the request itself is checked by, so the page never offers what the server refuses.
    const reopen = reopenStatus(reopenWindow(cdef, steps), now);
    out.push({
      code: c.code,
      type,
      typeLabel: LETTER_TYPE_LABELS[type][lang],
      state: c.state,
      stateLabel: stateLabel(cdef, c.state, lang),
      unitName: c.unitName,
      dueAt: iso(c.dueAt),
      finishedAt: iso(c.finishedAt),
      timeline: publicSteps(cdef, steps, START_CASE, lang),
      afterEnd: {
        rating,
        canRate: !rating && isRateable(c),
        canReopen: reopen.canReopen,
        reopenUntil: iso(reopen.until),
        reopenEndedAt: iso(reopen.endedAt),
        publishedAnswerCode: published.has(c.id) ? c.code : null,
      },
    });
  }
  return {
    code: l.code,
    channel: l.channel as PublicLetterView['channel'],
    receivedAt: formatLocalIso(l.receivedAt),
    receivingUnitName: l.unitName,
    state: l.state,
    stateLabel: stateLabel(def, l.state, lang),
    dueAt: iso(l.dueAt),
    timeline: publicSteps(def, await history(db, LETTER_ENTITY, l.id), START_LETTER, lang),
    cases: out,
  };
}

export async function trackLetter(db: Tx, code: string, secret: string | undefined, lang: Lang): Promise<PublicLetterView> {
  return publicLetterView(db, await provenLetter(db, code, secret), lang);
}
