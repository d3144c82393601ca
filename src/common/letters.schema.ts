// Request and response shapes of citizens' letters (intake, classification, cases; the inbox lists and counts in letters-inbox.schema.ts, public tracking in letters-tracking.schema.ts), shared by server and web.
import { z } from 'zod';
import { CaseAlertView } from './letter-resolution.schema';
import { ActionFieldView, WorkflowActionBody, WorkflowActionView } from './workflow.schema';

export const LETTER_TYPES = ['complaint', 'denunciation', 'petition', 'feedback'] as const;
export const LetterType = z.enum(LETTER_TYPES);
export type LetterType = z.infer<typeof LetterType>;

export const LETTER_TYPE_LABELS: Record<LetterType, { vi: string; en: string }> = {
  complaint: { vi: 'Khiếu nại', en: 'Complaint' },
  denunciation: { vi: 'Tố cáo', en: 'Denunciation' },
  petition: { vi: 'Kiến nghị', en: 'Petition' },
  feedback: { vi: 'Phản ánh', en: 'Feedback' },
};

export const LETTER_CHANNELS = ['portal', 'desk', 'post', 'forwarded', 'open311'] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];
/** The channels an officer records: at the reception desk, by post, forwarded by another agency. */
export const STAFF_CHANNELS = ['desk', 'post', 'forwarded'] as const;

/** What the redacted identity says in place of a protected writer. */
export const PROTECTED_NOTICE = { vi: 'Người tố cáo được giữ bí mật', en: "The denouncer's identity is kept confidential" };

const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional free text; an empty string means "not given". */
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Citizen ID (CCCD, 12 digits), old ID (9) or tax code (10, or 10 + "-" + 3 for a branch). */
const ID_NUMBER = /^(\d{9}|\d{10}|\d{12}|\d{10}-\d{3}|\d{13})$/;
const PHONE = /^\+?[0-9 .]{8,16}$/;

/** The writer as they give themselves; a letter without a name is anonymous. */
export const WriterInput = z
  .object({
    name: optionalText(200),
    address: optionalText(500),
    phone: z.string().trim().regex(PHONE, 'Số điện thoại không hợp lệ').optional(),
    email: z.email().max(200).optional(),
    idNumber: z.string().trim().regex(ID_NUMBER, 'Số CCCD (12 số) hoặc CMND (9 số)').optional(),
  })
  .strict();
export type WriterInput = z.infer<typeof WriterInput>;

export const RepresentativeInput = z
  .object({
    name: text(200),
    address: optionalText(500),
    phone: z.string().trim().regex(PHONE, 'Số điện thoại không hợp lệ').optional(),
    idNumber: z.string().trim().regex(ID_NUMBER, 'Số CCCD (12 số) hoặc CMND (9 số)').optional(),
  })
  .strict();

export const LetterFileLink = z.object({ fileId: z.uuid(), name: text(300) }).strict();

/** Group letters: 5–10 people name 1–2 representatives, more than 10 up to 5 (the main writer counts as one). */
export function representativeLimit(peopleCount: number): number | null {
  if (peopleCount < 5) return null;
  return peopleCount <= 10 ? 2 : 5;
}

const contentShape = {
  subject: optionalText(300),
  content: text(10_000),
  /** The person or agency complained of or accused. */
  target: optionalText(300),
  writer: WriterInput,
  peopleCount: z.number().int().min(1).max(1_000_000).default(1),
  /** Other representatives of a group letter, beside the writer. */
  representatives: z.array(RepresentativeInput).max(4).default([]),
  /** ISO 639-1 code of the letter's language. */
  language: z.string().regex(/^[a-z]{2}$/, 'Mã ngôn ngữ ISO 639-1, ví dụ vi').default('vi'),
  attachments: z.array(LetterFileLink).max(10).default([]),
};

function groupRule(v: { peopleCount: number; representatives: unknown[] }, ctx: z.RefinementCtx) {
  const limit = representativeLimit(v.peopleCount);
  if (limit !== null && v.representatives.length + 1 > limit)
    ctx.addIssue({
      code: 'custom',
      path: ['representatives'],
      message: `Đơn của ${v.peopleCount} người cử tối đa ${limit} người đại diện / at most ${limit} representatives for ${v.peopleCount} people`,
    });
}

/** POST /api/public/letters: a letter sent on the portal by a guest. */
export const PublicLetterBody = z
  .object({
    /** The commune or ward the letter is addressed to. */
    unitId: z.uuid(),
    /** What the writer calls it (classification goes by content); `denunciation` seals the identity from the start. */
    kind: LetterType.optional(),
    ...contentShape,
  })
  .strict()
  .superRefine(groupRule);
export type PublicLetterBody = z.infer<typeof PublicLetterBody>;

export const PublicLetterResult = z.object({
  code: z.string(),
  /** Shown once: only its SHA-256 is kept. */
  secret: z.string(),
  trackingUrl: z.string(),
  receivedAt: z.string(),
});
export type PublicLetterResult = z.infer<typeof PublicLetterResult>;

/** The eligibility checks an officer records for a content; which ones apply depends on its type (letters.eligibility.ts). */
export const ELIGIBILITY_CHECKS = [
  'inVietnamese',
  'dated',
  'writerIdentified',
  'signed',
  'namesTarget',
  'statesContent',
  'statesReasons',
  'statesRequest',
  'namesAccused',
  'statesViolation',
] as const;
export type EligibilityCheck = (typeof ELIGIBILITY_CHECKS)[number];
export const Eligibility = z.object(Object.fromEntries(ELIGIBILITY_CHECKS.map((c) => [c, z.boolean().optional()])) as Record<EligibilityCheck, z.ZodOptional<z.ZodBoolean>>).strict();

export const CaseClassification = z
  .object({
    type: LetterType,
    summary: text(4000),
    target: optionalText(300),
    /** Feedback on administrative regulations (its processing period is 5 working days). */
    aboutRegulation: z.boolean().optional(),
    checks: Eligibility,
    notProcessableReason: optionalText(2000),
    /** The unit that handles it; default the receiving unit. */
    unitId: z.uuid().optional(),
  })
  .strict();
export type CaseClassification = z.infer<typeof CaseClassification>;

export const ClassifyBody = z
  .object({
    cases: z.array(CaseClassification).min(1).max(10),
    note: optionalText(2000),
    expectedSeq: z.number().int().min(1).optional(),
  })
  .strict();
export type ClassifyBody = z.infer<typeof ClassifyBody>;

/** POST /api/letters: a letter recorded by an officer. */
export const StaffLetterBody = z
  .object({
    channel: z.enum(STAFF_CHANNELS),
    /** The receiving unit; default the officer's own. */
    unitId: z.uuid().optional(),
    agencyId: z.uuid().optional(),
    /** When it arrived (a posted letter registered later); default now, never in the future. */
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    /** Required for a letter forwarded by another agency. */
    forwardedFrom: z.object({ agencyName: text(300), documentNumber: text(100), documentDate: z.iso.date().optional() }).strict().optional(),
    declaredKind: LetterType.optional(),
    /** Seal the identity from the start (the writer asks for it, or the letter obviously denounces someone). */
    protectIdentity: z.boolean().default(false),
    hasTranslation: z.boolean().default(false),
    dated: z.boolean(),
    signed: z.boolean(),
    note: optionalText(2000),
    ...contentShape,
    /**
     * The classification decided at intake: the body of POST /api/letters/:id/classify, applied in the
     * same transaction (the same permission, checks and history as the two requests).
     */
    classification: ClassifyBody.optional(),
  })
  .strict()
  .superRefine(groupRule);
export type StaffLetterBody = z.infer<typeof StaffLetterBody>;

export const CaseActionBody = WorkflowActionBody;
export type CaseActionBody = WorkflowActionBody;

const Ref = z.object({ id: z.uuid(), name: z.string() });
export const DUE_STATUSES = ['on_track', 'due_soon', 'overdue'] as const;
const DueStatus = z.enum(DUE_STATUSES).nullable();

export const WriterView = z.object({
  name: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  idNumber: z.string().nullable(),
  representatives: z.array(z.object({ name: z.string(), address: z.string().nullable(), phone: z.string().nullable(), idNumber: z.string().nullable() })),
});
export type WriterView = z.infer<typeof WriterView>;

/**
 * How the writer is shown: `shown` (a letter without a denunciation, classified), `sealed` (not yet
 * classified: those who classify may reveal it), `protected` (a denunciation: only the handler and the
 * head of the handling unit may reveal it). Every reveal is audited.
 */
export const IdentityView = z.object({
  status: z.enum(['shown', 'sealed', 'protected']),
  notice: z.string().nullable(),
  canReveal: z.boolean(),
  writer: WriterView.nullable(),
  anonymous: z.boolean(),
  /** What the writer gave, without the values: enough to check eligibility. */
  has: z.object({ name: z.boolean(), address: z.boolean(), phone: z.boolean(), email: z.boolean(), idNumber: z.boolean() }),
});
export type IdentityView = z.infer<typeof IdentityView>;

export const LetterFileView = z.object({
  fileId: z.uuid(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  kind: z.enum(['letter', 'document']),
  caseId: z.uuid().nullable(),
  stepSeq: z.number().int().nullable(),
  /** Sent with a protected letter: downloadable only by those who may reveal the identity. */
  restricted: z.boolean(),
});

export const StepView = z.object({
  seq: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  stateLabel: z.string(),
  at: z.string(),
  actorLabel: z.string(),
  toUnitName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  fields: z.array(ActionFieldView),
  attachments: z.array(z.object({ fileId: z.string(), name: z.string() })),
  dueAt: z.string().nullable(),
});

export const CaseSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  letterId: z.uuid(),
  letterCode: z.string(),
  type: LetterType,
  typeLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  summary: z.string(),
  target: z.string().nullable(),
  /** Null on a protected or not yet classified letter: the identity never appears in lists. */
  writerName: z.string().nullable(),
  anonymous: z.boolean(),
  processable: z.boolean(),
  unit: Ref,
  assigneeId: z.uuid().nullable(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  dueStatus: DueStatus,
  outcome: z.string().nullable(),
  result: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const LetterSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  channel: z.enum(LETTER_CHANNELS),
  state: z.string(),
  stateLabel: z.string(),
  subject: z.string().nullable(),
  /** The beginning of the content. */
  excerpt: z.string(),
  declaredKind: LetterType.nullable(),
  writerName: z.string().nullable(),
  anonymous: z.boolean(),
  identityProtected: z.boolean(),
  unit: Ref,
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  dueStatus: DueStatus,
  caseCount: z.number().int(),
});
export type LetterSummary = z.infer<typeof LetterSummary>;

export const LetterView = LetterSummary.extend({
  content: z.string(),
  target: z.string().nullable(),
  agency: Ref.nullable(),
  forwardedFrom: z.object({ agencyName: z.string(), documentNumber: z.string().nullable(), documentDate: z.string().nullable() }).nullable(),
  peopleCount: z.number().int(),
  language: z.string(),
  hasTranslation: z.boolean(),
  dated: z.boolean(),
  signed: z.boolean(),
  identity: IdentityView,
  files: z.array(LetterFileView),
  cases: z.array(CaseSummary),
  steps: z.array(StepView),
  /** `classify` when this user may classify it now. */
  actions: z.array(WorkflowActionView),
  seq: z.number().int(),
  /**
   * What this reader is not shown: `identity`, the writer is not inline (sealed or protected: see
   * `identity.notice` and `identity.canReveal`); `content`, something in the writer's words (subject,
   * content, a reopen reason in the timeline) was masked to protect them.
   */
  redacted: z.object({ identity: z.boolean(), content: z.boolean() }).strict(),
});
export type LetterView = z.infer<typeof LetterView>;

export const CaseView = CaseSummary.extend({
  workflowCode: z.string(),
  aboutRegulation: z.boolean(),
  eligibility: z.record(z.string(), z.boolean()),
  notProcessableReason: z.string().nullable(),
  agency: Ref.nullable(),
  assignee: Ref.nullable(),
  acceptedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  letter: LetterView.omit({ cases: true, steps: true, actions: true }),
  /**
   * Every letter the case holds: the one it was split from and duplicates filed with it later, with
   * their writers as lists show them (`writerName` null when protected or anonymous) and the
   * similarity that suggested a duplicate; `canUnfile`: this user may take the duplicate back out of
   * the case (POST /api/letters/:id/unmark-duplicate, sending `seq` as `expectedSeq`), never the origin.
   */
  letters: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      role: z.enum(['origin', 'duplicate']),
      receivedAt: z.string(),
      writerName: z.string().nullable(),
      anonymous: z.boolean(),
      identityProtected: z.boolean(),
      similarity: z.number().nullable(),
      seq: z.number().int(),
      canUnfile: z.boolean(),
    }),
  ),
  steps: z.array(StepView),
  actions: z.array(WorkflowActionView),
  seq: z.number().int(),
  /** Reminders and escalations of its deadlines (letters.escalation.ts); `escalated`: the running deadline was escalated. */
  alerts: z.array(CaseAlertView),
  escalated: z.boolean(),
});
export type CaseView = z.infer<typeof CaseView>;

/**
 * The answer to a case action asked with `Prefer: return=minimal` (RFC 7240): where the case stands
 * after it and its seq, for clients that do not show the page (integrations, batch work). No
 * personal data: neither the writer nor the letter's words. Also the answer of the page's path when
 * the action took the case out of what the user may see (sent to a unit they do not cover):
 * `visible: false`, the action done, the page no longer theirs to read.
 */
export const CaseActionAck = z.object({
  id: z.uuid(),
  code: z.string(),
  state: z.string(),
  seq: z.number().int(),
  unitId: z.uuid(),
  assigneeId: z.uuid().nullable(),
  dueAt: z.string().nullable(),
  /** Whether the user may still see the case after the action. */
  visible: z.boolean(),
});
export type CaseActionAck = z.infer<typeof CaseActionAck>;

export const StaffLetterResult = z.object({ letter: LetterView, secret: z.string(), trackingUrl: z.string() });
export type StaffLetterResult = z.infer<typeof StaffLetterResult>;

/** The answer to recording a letter with `Prefer: return=minimal`: where the letter and the cases it opened stand, nothing of its content or writer. */
export const StaffLetterAck = z.object({
  letter: z.object({ id: z.uuid(), code: z.string(), state: z.string(), seq: z.number().int(), unitId: z.uuid(), dueAt: z.string().nullable(), cases: z.array(CaseActionAck) }),
  secret: z.string(),
  trackingUrl: z.string(),
});
export type StaffLetterAck = z.infer<typeof StaffLetterAck>;
