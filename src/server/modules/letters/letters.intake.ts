// Receiving a letter: on the portal by a guest, or recorded by an officer (desk, post, forwarded); code, secret, sealed identity and the intake workflow in one transaction.
import type { ClassifyBody, LetterChannel, LetterType, PublicLetterBody, PublicLetterResult, StaffLetterAck, StaffLetterBody, StaffLetterResult } from '../../../common/letters.schema';
import type { Tx } from '../../db/client';
import { newRecordId } from '../../db/ids';
import { auditInsertTemplate, auditInsertValues } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/auth/actor';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { errors, type FieldIssue } from '../../platform/errors';
import { checkNewUploads, neutralizeFileName } from '../../platform/files/attachments';
import type { Lang } from '../../platform/locale';
import { assertCan } from '../../platform/policy';
import { idempotencyAlongside, type IdempotencyClaim } from '../../platform/idempotency';
import { outboxAlongside, type OutgoingMessage } from '../../platform/notify/outbox';
import { hashSecret, newSecret } from '../../platform/tracking/secret';
import { alongside, recordStart, startStep, type Alongside, type CitizenCtx, type Step, type WorkflowCtx } from '../../platform/workflow/workflow.service';
import { cachedAgency, cachedUnit } from '../org/org.cache';
import { isActiveOn, todayVn } from '../org/org.guards';
import type { UnitRow } from '../org/units.service';
import { planClassification, writeClassification } from './letters.classify';
import { clock } from './letters.clock';
import { writerMessages } from './letters.notify';
import { allocateLetterCode } from './letters.codes';
import { letterErrors } from './letters.errors';
import { identityOf, sealIdentity, sealName, writerKeys } from './letters.identity';
import { letterFileIds, letterInsertTemplate, letterInsertValues, linkLetterFiles, openedLetterRow, type LetterOpen, type LetterWithUnit } from './letters.queries';
import { toLetterAck, toLetterView } from './letters.views';
import type { CaseWithUnits } from './letter-cases.queries';
import { INTAKE_WORKFLOW, LETTER_ENTITY, letterWorkflow } from './letters.workflows';

/** Where the writer follows the letter (the web's tracking page; the secret is typed or read from the receipt). */
export const letterTrackingUrl = (code: string) => `/tra-cuu-don/${encodeURIComponent(code)}`;

/** Uploaded, and not already part of a letter; a guest may attach only guest uploads. */
async function checkFiles(tx: Tx, links: ReadonlyArray<{ fileId: string }>, guest: boolean, lang: Lang): Promise<void> {
  const taken = await letterFileIds(tx, links.map((d) => d.fileId));
  await checkNewUploads(tx, links, { guest, taken, lang, path: 'body.attachments' });
}

interface OpenArgs {
  unit: UnitRow;
  agencyId: string | null;
  channel: LetterChannel;
  receivedAt: Date;
  now: Date;
  body: PublicLetterBody | StaffLetterBody;
  declaredKind: LetterType | null;
  protect: boolean;
  dated: boolean;
  signed: boolean;
  hasTranslation: boolean;
  forwarded: StaffLetterBody['forwardedFrom'] | null;
  note: string | null;
}

/** A letter opened: as written, with its history, its tracking secret, and its new cases when it was classified at once. */
interface Opened {
  letter: LetterWithUnit;
  steps: Step[];
  secret: string;
  cases: CaseWithUnits[];
}

/** The caller's own write with the letter's last statement, given the letter opened (the answer stored under an idempotency key). */
type Also = (o: Omit<Opened, 'steps'>) => Alongside;

/**
 * Allocates the code, seals the identity, then writes the letter with its audit entry and the start
 * of its intake workflow in one statement, and links the files. With `classify` (an officer's
 * classification, at `body.classification`), the classification is checked first and the letter
 * written already classified (one insert, not an insert and an update that would write every index
 * entry of the letter again, its content's trigrams included), then its step and each case with its
 * start. The writer's messages and `also` go with the last statement. The row is not read back: it
 * is what the insert wrote.
 */
async function openLetter(tx: Tx, ctx: WorkflowCtx, a: OpenArgs, classify?: { ctx: Ctx; body: ClassifyBody }, also?: Also): Promise<Opened> {
  const def = letterWorkflow(INTAKE_WORKFLOW);
  const secret = newSecret();
  const code = await allocateLetterCode(tx, a.now, a.unit.code);
  const identity = identityOf(a.body.writer, a.body.representatives);
  const id = newRecordId();
  // The letter is written with the deadline its intake workflow starts with.
  const first = await startStep(tx, ctx, { def, entityType: LETTER_ENTITY, entityId: id, unitId: a.unit.id, agencyId: a.agencyId, note: a.note, clockFrom: a.receivedAt, now: a.now });
  const writerSealed = sealIdentity(identity);
  const where = { unitId: a.unit.id, unitPath: a.unit.path, unitName: a.unit.name };
  const planned = classify
    ? await planClassification(tx, classify.ctx, { id, workflowCode: def.code, ...where, identityProtected: a.protect, writerSealed }, [{ ...first, id: 0 }], classify.body, a.now, CLASSIFY_AT)
    : null;
  const open: LetterOpen = {
    id,
    code,
    secretHash: hashSecret(secret),
    channel: a.channel,
    workflowCode: def.code,
    state: def.initialState,
    unitId: a.unit.id,
    agencyId: a.agencyId,
    receivedAt: a.receivedAt,
    dueAt: first.dueAt,
    classifiedAt: null,
    forwardedFrom: a.forwarded?.agencyName ?? null,
    forwardedDocNumber: a.forwarded?.documentNumber ?? null,
    forwardedDocDate: a.forwarded?.documentDate ?? null,
    declaredKind: a.declaredKind,
    subject: a.body.subject || null,
    content: a.body.content,
    target: a.body.target || null,
    peopleCount: a.body.peopleCount,
    language: a.body.language,
    hasTranslation: a.hasTranslation,
    dated: a.dated,
    signed: a.signed,
    anonymous: !identity.name,
    identityProtected: a.protect,
    // Sealed from the first moment; plaintext columns only after a classification without a denunciation.
    writerSealed,
    writerKeys: writerKeys(identity),
    writerName: null,
    writerAddress: null,
    writerPhone: null,
    writerEmail: null,
    writerIdNumber: null,
    representatives: null,
    seq: 1,
    createdBy: ctx.actor?.id ?? null,
    createdAt: a.now,
    updatedAt: a.now,
    ...planned?.columns,
  };
  const letter: LetterWithUnit = { ...openedLetterRow(open), unitPath: a.unit.path, unitName: a.unit.name, unitCode: a.unit.code };
  const letterWrites: Alongside = {
    key: 'letter_open',
    build: () => [letterInsertTemplate(tx, 'letter'), auditInsertTemplate(tx, 'created')],
    values: {
      ...letterInsertValues(open, 'letter'),
      // The audit entry names the letter, never its writer or content.
      ...auditInsertValues(
        ctx,
        {
          action: 'letter.create',
          entityType: LETTER_ENTITY,
          entityId: id,
          unitId: a.unit.id,
          after: { code, channel: a.channel, receivedAt: a.receivedAt, declaredKind: a.declaredKind, identityProtected: a.protect, anonymous: !identity.name, files: a.body.attachments.length },
        },
        'created',
      ),
    },
  };
  const received = await writerMessages(tx, letter, { template: 'letter.received', now: a.now });
  // The writer's messages (both at once when the letter is classified) and the caller's write.
  const last = (cases: CaseWithUnits[], more: readonly OutgoingMessage[]) =>
    alongside(outboxAlongside(tx, [...received, ...more], a.now), ...(also ? [also({ letter, cases, secret })] : []));
  const started = await recordStart(tx, ctx, first, planned ? letterWrites : alongside(letterWrites, last([], [])));
  // What the writer sent may name them (a scan, "CCCD Nguyễn Văn A.jpg"): the names are sealed too, the stored files renamed.
  for (const [i, f] of a.body.attachments.entries()) await neutralizeFileName(tx, f.fileId, `${code}-${i + 1}`);
  await linkLetterFiles(
    tx,
    a.body.attachments.map((f) => ({ letterId: id, fileId: f.fileId, name: sealName(f.name), kind: 'letter', createdBy: ctx.actor?.id ?? null })),
  );
  if (!planned || !classify) return { letter, steps: [started.step], secret, cases: [] };
  const { step, cases } = await writeClassification(tx, classify.ctx, letter, planned, a.now, CLASSIFY_AT, async (cases) =>
    last(cases, await writerMessages(tx, letter, { template: 'letter.classified', cases, now: a.now })),
  );
  return { letter, steps: [started.step, step], secret, cases };
}

/** Where a classification sent with the letter sits in the request, for its errors' paths. */
const CLASSIFY_AT = 'body.classification';

/** POST /api/public/letters: a guest writes on the portal; the answer carries the tracking secret, once. */
export async function submitPublicLetter(
  tx: Tx,
  meta: { requestId: string; ip: string; lang: Lang; channel?: 'portal' | 'open311' },
  body: PublicLetterBody,
  now: Date = clock.now(),
): Promise<PublicLetterResult> {
  const unit = await cachedUnit(tx, body.unitId);
  if (!unit || !isActiveOn(todayVn(now), unit.validFrom, unit.validTo))
    throw letterErrors.field(meta.lang, 'body.unitId', 'Không tìm thấy đơn vị đang hoạt động', 'No such unit in operation');
  await checkFiles(tx, body.attachments, true, meta.lang);
  const ctx: CitizenCtx = { actor: null, citizen: { label: 'Người viết đơn' }, requestId: meta.requestId, ip: meta.ip, lang: meta.lang };
  const out = await openLetter(tx, ctx, {
    unit,
    agencyId: null,
    // Open311 requests come through here too (open311/open311.submit.ts): the same guest intake, another channel.
    channel: meta.channel ?? 'portal',
    receivedAt: now,
    now,
    body,
    declaredKind: body.kind ?? null,
    // A writer who calls it a denunciation is protected from the first moment, whatever classification says.
    protect: body.kind === 'denunciation',
    dated: true,
    signed: false,
    hasTranslation: false,
    forwarded: null,
    note: null,
  });
  return { code: out.letter.code, secret: out.secret, trackingUrl: letterTrackingUrl(out.letter.code), receivedAt: formatLocalIso(now) };
}

/**
 * POST /api/letters: an officer records a letter received at the desk, by post or forwarded by another
 * agency; with a `classification`, classifies it in the same transaction as POST /api/letters/:id/classify
 * would (its permission, checks, history and messages; its errors under `body.classification`).
 */
export async function recordLetter(tx: Tx, ctx: Ctx, body: StaffLetterBody, now?: Date): Promise<StaffLetterResult>;
export async function recordLetter(tx: Tx, ctx: Ctx, body: StaffLetterBody, now: Date | undefined, minimal: true, claim?: IdempotencyClaim | null): Promise<StaffLetterAck>;
/**
 * POST /api/letters (see above); `minimal` (`Prefer: return=minimal`): answers where the letter and
 * its cases stand instead of its page, which is then neither read nor built, and with an idempotency
 * `claim` that answer is stored by the letter's last statement.
 */
export async function recordLetter(
  tx: Tx,
  ctx: Ctx,
  body: StaffLetterBody,
  now: Date = clock.now(),
  minimal = false,
  claim: IdempotencyClaim | null = null,
): Promise<StaffLetterResult | StaffLetterAck> {
  const { lang } = ctx;
  const unit = await cachedUnit(tx, body.unitId ?? ctx.actor.unitId);
  if (!unit) throw letterErrors.field(lang, 'body.unitId', 'Không tìm thấy đơn vị', 'No such unit');
  assertCan(ctx.actor, 'letter.intake', { unitPath: unit.path });
  const issues: FieldIssue[] = [];
  const say = (path: string, vi: string, en: string) => issues.push({ path, message: lang === 'vi' ? vi : en });
  if (body.agencyId) {
    const a = await cachedAgency(tx, body.agencyId);
    if (!a || a.unitId !== unit.id) say('body.agencyId', 'Cơ quan không thuộc đơn vị nhận', 'The agency is not in the receiving unit');
  }
  const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime()) say('body.receivedAt', 'Ngày nhận đơn không được ở tương lai', 'The date received cannot be in the future');
  if (body.channel === 'forwarded' && !body.forwardedFrom)
    say('body.forwardedFrom', 'Ghi cơ quan chuyển đơn và số văn bản chuyển', 'Give the forwarding agency and its document number');
  if (body.channel !== 'forwarded' && body.forwardedFrom)
    say('body.forwardedFrom', 'Chỉ ghi khi đơn do cơ quan khác chuyển đến', 'Only for a letter forwarded by another agency');
  if (issues.length) throw errors.validation(issues);
  await checkFiles(tx, body.attachments, false, lang);
  const out = await openLetter(
    tx,
    ctx,
    {
      unit,
      agencyId: body.agencyId ?? null,
      channel: body.channel,
      receivedAt,
      now,
      body,
      declaredKind: body.declaredKind ?? null,
      protect: body.protectIdentity || body.declaredKind === 'denunciation',
      dated: body.dated,
      signed: body.signed,
      hasTranslation: body.hasTranslation,
      forwarded: body.forwardedFrom ?? null,
      note: body.note || null,
    },
    // Classified as opened here: nobody else sees the letter before the commit.
    body.classification ? { ctx, body: body.classification } : undefined,
    claim ? (o) => idempotencyAlongside(tx, claim, 201, ackOf(ctx, o)) : undefined,
  );
  if (minimal) return ackOf(ctx, out);
  // A new letter: the cases just opened hold it, its history is what was just recorded.
  return { letter: await toLetterView(tx, ctx, out.letter, now, { cases: out.cases, steps: out.steps }), secret: out.secret, trackingUrl: letterTrackingUrl(out.letter.code) };
}

/** The minimal answer to recording a letter: where the letter and its new cases stand. */
function ackOf(ctx: Ctx, o: Omit<Opened, 'steps'>): StaffLetterAck {
  return { letter: toLetterAck(ctx, o.letter, o.cases), secret: o.secret, trackingUrl: letterTrackingUrl(o.letter.code) };
}
