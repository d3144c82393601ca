// Shapes of what follows a letter case's end: published answers (portal), the writer's rating and request to reopen, deadline reminders and escalations.
import { z } from 'zod';

/** Only answers to petitions and feedback are published; denunciations never, complaints end in decisions addressed to the writer. */
export const PUBLISHABLE_TYPES = ['petition', 'feedback'] as const;
export const PublishableType = z.enum(PUBLISHABLE_TYPES);

const Ref = z.object({ id: z.uuid(), name: z.string() });

/** GET /api/public/letter-answers. */
export const PublishedAnswerQuery = z.object({
  /** Words of the summary or answer, in any order, with or without diacritics. */
  q: z.string().trim().max(200).optional(),
  type: PublishableType.optional(),
  /** A unit: its own answers and those of the units under it. */
  unitId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type PublishedAnswerQuery = z.infer<typeof PublishedAnswerQuery>;

export const PublishedAnswerSummary = z.object({
  /** The case's code: the address of the answer (`/api/public/letter-answers/:code`). */
  code: z.string(),
  type: PublishableType,
  typeLabel: z.string(),
  unit: Ref,
  summary: z.string(),
  /** The beginning of the answer. */
  excerpt: z.string(),
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
  answeredAt: z.string(),
  publishedAt: z.string(),
});
export type PublishedAnswerSummary = z.infer<typeof PublishedAnswerSummary>;

export const PublishedAnswerPage = z.object({ items: z.array(PublishedAnswerSummary), nextCursor: z.string().nullable() });
export type PublishedAnswerPage = z.infer<typeof PublishedAnswerPage>;

export const PublishedAnswer = PublishedAnswerSummary.omit({ excerpt: true }).extend({ answer: z.string(), signer: z.string().nullable() });
export type PublishedAnswer = z.infer<typeof PublishedAnswer>;

export const PublishedAnswerParams = z.object({ code: z.string().trim().min(1).max(80) });

/** GET /api/letter-cases/:id/publication: what the officer reviews before `publish_answer`. */
export const PublicationView = z.object({
  /** The fields of `publish_answer` pre-filled: the case summary and the answer with personal data replaced by placeholders. */
  draft: z.object({ publishedSummary: z.string(), publishedText: z.string() }),
  /** What is (or was) on the portal. */
  publication: z
    .object({
      published: z.boolean(),
      summary: z.string(),
      answer: z.string(),
      publishedAt: z.string(),
      withdrawnAt: z.string().nullable(),
      url: z.string(),
    })
    .nullable(),
});
export type PublicationView = z.infer<typeof PublicationView>;

/** The writer's satisfaction with the handling of a case. */
export const RATING_LEVELS = ['satisfied', 'partly', 'not_satisfied'] as const;
export const RatingLevel = z.enum(RATING_LEVELS);
export type RatingLevel = z.infer<typeof RatingLevel>;
export const RATING_LEVEL_LABELS: Record<RatingLevel, { vi: string; en: string }> = {
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  partly: { vi: 'Hài lòng một phần', en: 'Partly satisfied' },
  not_satisfied: { vi: 'Không hài lòng', en: 'Not satisfied' },
};

const CaseCode = z.string().trim().min(1).max(80);

/** POST /api/public/letters/:code/rating (secret in X-Tracking-Secret). */
export const LetterRatingBody = z
  .object({
    /** The case of the letter being rated (`DT-...-0001.2`). */
    caseCode: CaseCode,
    level: RatingLevel,
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type LetterRatingBody = z.infer<typeof LetterRatingBody>;

export const LetterRatingView = z.object({ caseCode: z.string(), level: RatingLevel, levelLabel: z.string(), comment: z.string().nullable(), at: z.string() });
export type LetterRatingView = z.infer<typeof LetterRatingView>;

/** POST /api/public/letters/:code/reopen (secret in X-Tracking-Secret). */
export const ReopenBody = z
  .object({
    caseCode: CaseCode,
    /** Why the writer is not satisfied with the decision or answer. */
    reason: z.string().trim().min(10).max(4000),
  })
  .strict();
export type ReopenBody = z.infer<typeof ReopenBody>;

/** What the writer may still do with an ended case, shown on the tracking page. */
export const CaseAfterEnd = z.object({
  rating: LetterRatingView.nullable(),
  canRate: z.boolean(),
  /** The writer may ask now to reopen the case (once, after its decision or answer, within the window). */
  canReopen: z.boolean(),
  /** Until when the writer may ask to reopen (local ISO, the end of the window's last day), null when they may not. */
  reopenUntil: z.string().nullable(),
  /** When the window to ask ended, once it has passed on a case that could have been reopened (local ISO); null otherwise. */
  reopenEndedAt: z.string().nullable(),
  /** The published answer's address, when it is on the portal. */
  publishedAnswerCode: z.string().nullable(),
});
export type CaseAfterEnd = z.infer<typeof CaseAfterEnd>;

/** A reminder (due soon) or an escalation (overdue) recorded by the deadline job. */
export const CaseAlertView = z.object({
  kind: z.enum(['reminder', 'escalation']),
  dueAt: z.string(),
  at: z.string(),
  recipients: z.array(Ref),
});
export type CaseAlertView = z.infer<typeof CaseAlertView>;
