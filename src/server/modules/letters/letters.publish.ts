// Publishing the answer to a petition or feedback on the portal: the draft with personal data removed, the checks before publishing, the published row kept in step with the case's actions.
import { and, eq, inArray } from 'drizzle-orm';
import type { PublicationView } from '../../../common/letter-resolution.schema';
import { mentionsKnown, mentionsTaxCode, redactPersonalData, type KnownPerson } from '../../../common/redact';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../platform/auth/actor';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { AppError, errors } from '../../platform/errors';
import type { Lang } from '../../platform/locale';
import { publicLink } from '../../platform/notify/outbox';
import { history, type Step } from '../../platform/workflow/workflow.service';
import { canSeeCase } from './letters.access';
import { clock } from './letters.clock';
import { letterErrors } from './letters.errors';
import { knownPeople, openIdentity } from './letters.identity';
import { letterPublications } from './letters.publish.table';
import { findLetter } from './letters.queries';
import { findCase, lettersOfCase, type CaseWithUnits } from './letter-cases.queries';
import { CASE_ENTITY } from './letters.workflows';

export const PUBLISH = 'publish_answer';
export const UNPUBLISH = 'unpublish_answer';

export const publishErrors = {
  notAnswered: () =>
    new AppError('answer_not_publishable', 409, 'Chỉ công khai được nội dung trả lời đơn kiến nghị, phản ánh đã trả lời', 'Only the answer to an answered petition or feedback can be published'),
  notPublished: () => new AppError('answer_not_published', 409, 'Nội dung trả lời chưa được công khai', 'The answer is not published'),
};

/** Whether the answer is on the portal, from the case's steps: the last publication step published it. */
export function isPublished(steps: ReadonlyArray<{ action: string }>): boolean {
  return [...steps].reverse().find((s) => s.action === PUBLISH || s.action === UNPUBLISH)?.action === PUBLISH;
}

/** The web page of a published answer. */
export const answerUrl = (caseCode: string) => publicLink(`/tra-loi-don/${encodeURIComponent(caseCode)}`);

/** Every writer and representative of every letter the case holds: what must not be published. */
export async function knownPeopleOfCase(db: Tx, caseId: string): Promise<KnownPerson[]> {
  const out: KnownPerson[] = [];
  for (const { id } of await lettersOfCase(db, caseId)) {
    const l = await findLetter(db, id);
    if (!l) continue;
    out.push(...knownPeople(openIdentity(l.writerSealed)));
  }
  return out;
}

/** The step that answered the case (the last `answer`). */
function answerStep(steps: readonly Step[]): Step | undefined {
  return [...steps].reverse().find((s) => s.action === 'answer');
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

async function publicationRow(db: Tx, caseId: string) {
  const [row] = await db.select().from(letterPublications).where(eq(letterPublications.caseId, caseId));
  return row;
}

/** Which of these cases have their answer on the portal now. */
export async function publishedCodes(db: Tx, caseIds: readonly string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set();
  const rows = await db
    .select({ id: letterPublications.caseId })
    .from(letterPublications)
    .where(and(inArray(letterPublications.caseId, [...caseIds]), eq(letterPublications.published, true)));
  return new Set(rows.map((r) => r.id));
}

/** GET /api/letter-cases/:id/publication: the pre-filled texts for the officer to review, and what is on the portal. */
export async function publicationOf(db: Tx, ctx: Ctx, caseId: string): Promise<PublicationView> {
  const c = await findCase(db, caseId);
  if (!c || !canSeeCase(ctx.actor, c)) throw letterErrors.caseNotFound();
  const answered = answerStep(await history(db, CASE_ENTITY, caseId));
  if (c.state !== 'answered' || !answered) throw publishErrors.notAnswered();
  const known = await knownPeopleOfCase(db, caseId);
  const row = await publicationRow(db, caseId);
  return {
    draft: { publishedSummary: redactPersonalData(c.summary, known), publishedText: redactPersonalData(str(answered.data.answer) ?? '', known) },
    publication: row
      ? {
          published: row.published,
          summary: row.summary,
          answer: row.answer,
          publishedAt: formatLocalIso(row.publishedAt),
          withdrawnAt: row.withdrawnAt ? formatLocalIso(row.withdrawnAt) : null,
          url: answerUrl(row.caseCode),
        }
      : null,
  };
}

/**
 * The letters' rules for publishing, checked before the engine records the step: withdrawing needs
 * something published; a text to publish must not hold a detail of a known writer (name, address,
 * phone, e-mail, ID number), whatever the officer typed, nor anyone's tax code after its label.
 */
export async function guardPublication(db: Tx, c: CaseWithUnits, action: string, data: Record<string, unknown> | undefined, lang: Lang): Promise<void> {
  // Elsewhere than `answered` the engine refuses the action itself.
  if (c.state !== 'answered') return;
  if (action === UNPUBLISH) {
    const row = await publicationRow(db, c.id);
    if (!row?.published) throw publishErrors.notPublished();
    return;
  }
  if (action !== PUBLISH) return;
  const known = await knownPeopleOfCase(db, c.id);
  const issues = (['publishedSummary', 'publishedText'] as const)
    .filter((k) => {
      const text = str(data?.[k]);
      return text !== null && (mentionsKnown(text, known) || mentionsTaxCode(text));
    })
    .map((k) => ({
      path: `body.data.${k}`,
      message:
        lang === 'vi'
          ? 'Nội dung còn thông tin cá nhân của người viết đơn (họ tên, địa chỉ, số điện thoại, email, số giấy tờ) hoặc mã số thuế'
          : "The text still holds the writer's personal data or a tax code",
    }));
  if (issues.length) throw errors.validation(issues);
}

/** Keeps the published row in step with a `publish_answer` or `unpublish_answer` step just recorded. */
export async function applyPublication(tx: Tx, ctx: Ctx, c: CaseWithUnits, step: Step, now: Date = clock.now()): Promise<void> {
  if (step.action === UNPUBLISH) {
    await tx.update(letterPublications).set({ published: false, withdrawnAt: now, withdrawnBy: ctx.actor.id }).where(eq(letterPublications.caseId, c.id));
    return;
  }
  if (step.action !== PUBLISH) return;
  const answered = answerStep(await history(tx, CASE_ENTITY, c.id));
  const values = {
    summary: str(step.data.publishedSummary) ?? '',
    answer: str(step.data.publishedText) ?? '',
    documentNumber: str(answered?.data.documentNumber),
    documentDate: str(answered?.data.documentDate),
    signer: str(answered?.data.signer),
    answeredAt: answered?.at ?? now,
    published: true,
    publishedAt: now,
    publishedBy: ctx.actor.id,
    withdrawnAt: null,
    withdrawnBy: null,
  };
  await tx
    .insert(letterPublications)
    .values({ caseId: c.id, caseCode: c.code, type: c.type, unitId: c.unitId, ...values })
    .onConflictDoUpdate({ target: letterPublications.caseId, set: values });
}
