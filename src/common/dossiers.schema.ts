// Request and response shapes of one-stop dossiers (desk intake, online submission, inbox, actions, public tracking), shared by server and web.
import { z } from 'zod';
import { PublicStepView } from './tracking.schema';
import { RatingView } from './dossier-ratings.schema';
import { ActionFieldView, ActionParams, WorkflowActionBody, WorkflowActionView } from './workflow.schema';

export const DOSSIER_CHANNELS = ['online', 'desk'] as const;
export const DossierChannel = z.enum(DOSSIER_CHANNELS);
export type DossierChannel = z.infer<typeof DossierChannel>;

export const RESULT_KINDS = ['early', 'on_time', 'late', 'refused', 'stopped', 'withdrawn'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

export const DUE_STATUSES = ['on_track', 'due_soon', 'overdue'] as const;
export type DueStatusView = (typeof DUE_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional free text; an empty string means "not given" (the services store null). */
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Citizen ID (CCCD, 12 digits), old ID (9) or tax code (10, or 10 + "-" + 3 for a branch). */
export const ID_NUMBER_PATTERN = /^(\d{9}|\d{10}|\d{12}|\d{10}-\d{3}|\d{13})$/;
export const PHONE_PATTERN = /^\+?[0-9 .]{8,16}$/;

export const Applicant = z
  .object({
    name: text(200),
    idNumber: z.string().trim().regex(ID_NUMBER_PATTERN, 'Số CCCD (12 số) hoặc mã số thuế (10 hoặc 13 số)'),
    phone: z.string().trim().regex(PHONE_PATTERN, 'Số điện thoại không hợp lệ').optional(),
    email: z.email().max(200).optional(),
    address: optionalText(500),
  })
  .strict();
export type Applicant = z.infer<typeof Applicant>;

/** An already uploaded file (POST /api/public/files or /api/files) and which required document it is. */
export const DocumentLink = z.object({ fileId: z.uuid(), name: text(500) }).strict();

export const PublicSubmitBody = z
  .object({
    procedureCode: text(50),
    /** The commune or ward that receives it; not needed when the procedure names its agency. */
    unitId: z.uuid().optional(),
    applicant: Applicant,
    documents: z.array(DocumentLink).min(1).max(30),
    note: optionalText(2000),
  })
  .strict();
export type PublicSubmitBody = z.infer<typeof PublicSubmitBody>;

/** A document sent in the same multipart request: `part` names its file part. */
export const PartLink = z
  .object({ part: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_.-]+$/, 'Chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới'), name: text(500) })
  .strict();

/**
 * The `dossier` field of POST /api/public/dossiers/with-files: the body of POST /api/public/dossiers,
 * whose documents are file parts of the same request (`part`) or earlier uploads (`fileId`).
 */
export const PublicSubmitWithFilesBody = PublicSubmitBody.extend({ documents: z.array(z.union([PartLink, DocumentLink])).min(1).max(30) }).strict();
export type PublicSubmitWithFilesBody = z.infer<typeof PublicSubmitWithFilesBody>;

export const PublicSubmitResult = z.object({
  id: z.uuid(),
  code: z.string(),
  /** Shown once: print it on the receipt; only its SHA-256 is kept. */
  secret: z.string(),
  trackingUrl: z.string(),
  state: z.string(),
});
export type PublicSubmitResult = z.infer<typeof PublicSubmitResult>;

export const DESK_DECISIONS = ['accept', 'request_completion', 'refuse', 'none'] as const;

export const DeskIntakeBody = z
  .object({
    procedureCode: text(50),
    /** Defaults to the officer's unit. */
    unitId: z.uuid().optional(),
    /** Defaults to the unit's one-stop desk. */
    agencyId: z.uuid().optional(),
    applicant: Applicant,
    documents: z.array(DocumentLink).max(30).default([]),
    /** What the intake check decided: accept (form 01), request to complete (02), refuse (03), or record only. */
    decision: z.enum(DESK_DECISIONS),
    /** The decision's fields (receivedDocuments, copies / missingDocuments, guidance / reason, legalBasis). */
    data: z.record(z.string(), z.unknown()).optional(),
    /** Where and to whom the acceptance hands the dossier, when the procedure's workflow asks (the commune workflow's `accept`). */
    toAgencyId: z.uuid().optional(),
    assigneeId: z.uuid().optional(),
    note: optionalText(4000),
  })
  .strict();
export type DeskIntakeBody = z.infer<typeof DeskIntakeBody>;

export const Ref = z.object({ id: z.uuid(), name: z.string() });

export { ActionFieldView };

export const DossierStepView = z.object({
  seq: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  stateLabel: z.string(),
  at: z.string(),
  actorLabel: z.string(),
  fromUnitId: z.string().nullable(),
  toUnitId: z.string().nullable(),
  toAgencyId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  attachments: z.array(z.object({ fileId: z.string(), name: z.string() })),
  dueAt: z.string().nullable(),
  /** Names for the timeline: where the step took the dossier from and to, and who it was assigned to. */
  fromUnitName: z.string().nullable(),
  toUnitName: z.string().nullable(),
  fromAgencyName: z.string().nullable(),
  toAgencyName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  /** The specs of the fields in `data`, in the order the action declares them (labels in the user's language). */
  fields: z.array(ActionFieldView),
});

export const DossierDocumentView = z.object({
  fileId: z.string(),
  name: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  kind: z.string(),
  stepSeq: z.number().int(),
});

/** The actions a user may take on a dossier, with their form fields (shared with every workflow-driven record). */
export const DossierActionView = WorkflowActionView;
export type DossierActionView = WorkflowActionView;

export const DossierSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  channel: DossierChannel,
  unitId: z.uuid(),
  /** Where the dossier is now, and the commune or ward that received it (the desk that returns the result). */
  unitName: z.string(),
  receivingUnitName: z.string(),
  assigneeId: z.uuid().nullable(),
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  dueStatus: z.enum(DUE_STATUSES).nullable(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

export const DossierView = DossierSummary.extend({
  procedureId: z.uuid(),
  workflowCode: z.string(),
  applicant: z.object({
    name: z.string(),
    idNumber: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
  }),
  unit: Ref,
  agency: Ref.nullable(),
  receivingUnit: Ref,
  receivingAgency: Ref.nullable(),
  assignee: Ref.nullable(),
  processingDays: z.number(),
  /** Working days from today to the due date (0 on the due date, negative when overdue); null without a running deadline. */
  workingDaysLeft: z.number().int().nullable(),
  receivedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  resultKind: z.enum(RESULT_KINDS).nullable(),
  seq: z.number().int(),
  steps: z.array(DossierStepView),
  documents: z.array(DossierDocumentView),
  actions: z.array(DossierActionView),
  /** The applicant's satisfaction rating, once given (read-only for staff). */
  rating: RatingView.nullable(),
});
export type DossierView = z.infer<typeof DossierView>;

/**
 * The answer to an action sent with `Prefer: return=minimal` (RFC 7240): the dossier as an inbox
 * row and its seq, for clients that do not show the page (integrations, batch work); no timeline,
 * documents or actions to build. When the action took the dossier out of what the user may see
 * (sent to an agency they do not cover), this is also the answer of the page's path, and it says
 * only where the dossier stands (`visible: false`): nothing of the applicant or the procedure.
 */
export const DossierActionAck = z.discriminatedUnion('visible', [
  DossierSummary.extend({ seq: z.number().int(), visible: z.literal(true) }).strict(),
  DossierSummary.pick({ id: true, code: true, state: true, stateLabel: true, unitId: true, unitName: true, assigneeId: true, dueAt: true })
    .extend({ seq: z.number().int(), visible: z.literal(false) })
    .strict(),
]);
export type DossierActionAck = z.infer<typeof DossierActionAck>;

export const DeskIntakeResult = z.object({ dossier: DossierView, secret: z.string(), trackingUrl: z.string() });
export type DeskIntakeResult = z.infer<typeof DeskIntakeResult>;

const QueryList = z
  .string()
  .max(300)
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

export const DossierListQuery = z.object({
  state: QueryList.optional(),
  due: z.enum(['due_soon', 'overdue']).optional(),
  assignee: z.literal('me').optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type DossierListQuery = z.infer<typeof DossierListQuery>;

export const DossierPage = z.object({ items: z.array(DossierSummary), nextCursor: z.string().nullable() });
export type DossierPage = z.infer<typeof DossierPage>;

export const DossierCounts = z.object({
  toReceive: z.number().int(),
  toAssign: z.number().int(),
  toProcess: z.number().int(),
  toApprove: z.number().int(),
  toReturn: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
});
export type DossierCounts = z.infer<typeof DossierCounts>;

export const DossierActionParams = ActionParams;

/** The workflow engine's TransitionInput plus the seq the user saw (optional optimistic concurrency). */
export const DossierActionBody = WorkflowActionBody;
export type DossierActionBody = WorkflowActionBody;

/** What an applicant sends with their own action (resubmit, supplement, withdraw): guest uploads, a note, the action's fields. */
export const CitizenActionBody = z
  .object({
    note: z.string().trim().max(4000).nullish(),
    attachments: z.array(z.object({ fileId: z.uuid(), name: text(300) }).strict()).max(30).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type CitizenActionBody = z.infer<typeof CitizenActionBody>;
export const CitizenActionParams = z.object({ code: z.string().trim().min(1).max(60), action: z.string().regex(/^[a-z][a-z0-9_]{0,60}$/) });

export { PublicStepView, TrackingParams, TrackingQuery } from './tracking.schema';

export const PublicDossierView = z.object({
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  receivingUnitName: z.string(),
  timeline: z.array(PublicStepView),
  /** The applicant may rate now: the result is known (returned, refused, stopped) and no rating was given yet. */
  canRate: z.boolean(),
  rating: RatingView.nullable(),
});
export type PublicDossierView = z.infer<typeof PublicDossierView>;

export const FileView = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() });
export type FileView = z.infer<typeof FileView>;
