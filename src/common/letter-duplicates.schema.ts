// Shapes of the duplicate suggestions of a letter and of marking a letter as a duplicate of a case (staff API).
import { z } from 'zod';
import { LetterType } from './letters.schema';

export const DUPLICATE_REASONS = ['same_writer', 'similar_content', 'same_target'] as const;
export const DuplicateReason = z.enum(DUPLICATE_REASONS);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, { vi: string; en: string }> = {
  same_writer: { vi: 'Cùng người viết đơn', en: 'Same writer' },
  similar_content: { vi: 'Nội dung tương tự', en: 'Similar content' },
  same_target: { vi: 'Cùng đối tượng bị khiếu nại, tố cáo', en: 'Same target' },
};

/** GET /api/letters/:id/duplicates?limit= */
export const DuplicateQuery = z.object({ limit: z.coerce.number().int().min(1).max(20).default(10) });

/**
 * A case that probably holds the same matter, with the letter of it that is most alike. No writer's
 * identity: `writerName` is the plaintext column (null on a protected or unclassified letter), and
 * "same writer" is never matched on a letter whose writer is protected.
 */
export const DuplicateSuggestion = z.object({
  caseId: z.uuid(),
  caseCode: z.string(),
  type: LetterType,
  typeLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  summary: z.string(),
  target: z.string().nullable(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  receivedAt: z.string(),
  writerName: z.string().nullable(),
  /** 0..1: the content's similarity, raised for the same writer (+0.3) and the same target (+0.1). */
  score: z.number(),
  /** 0..1: trigram similarity of the folded texts without spaces (word order counts). */
  contentSimilarity: z.number(),
  reasons: z.array(DuplicateReason),
  reasonLabels: z.array(z.string()),
  /** The letter of the case most like this one. */
  letter: z.object({ id: z.uuid(), code: z.string(), receivedAt: z.string() }),
  /** How many letters the case holds already (its own and earlier duplicates). */
  letterCount: z.number().int(),
});
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestion>;

export const DuplicateSuggestions = z.object({
  letterId: z.uuid(),
  items: z.array(DuplicateSuggestion),
  /** Whether this user may file the letter with one of them now (the intake action `mark_duplicate`). */
  canMark: z.boolean(),
});
export type DuplicateSuggestions = z.infer<typeof DuplicateSuggestions>;

/** POST /api/letters/:id/mark-duplicate */
export const MarkDuplicateBody = z
  .object({
    caseId: z.uuid(),
    note: z.string().trim().max(2000).optional(),
    expectedSeq: z.number().int().min(1).optional(),
  })
  .strict();
export type MarkDuplicateBody = z.infer<typeof MarkDuplicateBody>;

/** POST /api/letters/:id/unmark-duplicate: a letter filed as a duplicate by mistake goes back to classification. */
export const UnmarkDuplicateBody = z
  .object({
    /** Why it is not a duplicate of the case (kept in the letter's steps and the audit). */
    reason: z.string().trim().min(10).max(2000),
    expectedSeq: z.number().int().min(1).optional(),
  })
  .strict();
export type UnmarkDuplicateBody = z.infer<typeof UnmarkDuplicateBody>;
