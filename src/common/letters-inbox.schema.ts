// The staff inbox of letters: the list queries and pages of letters and cases, and the inbox counts, shared by server and web.
import { z } from 'zod';
import { CaseSummary, LetterSummary, LetterType } from './letters.schema';

export const CaseListQuery = z.object({
  state: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  type: LetterType.optional(),
  /** `escalated`: overdue and reported to the superiors by the deadline job, for the deadline running now. */
  due: z.enum(['due_soon', 'overdue', 'escalated']).optional(),
  assignee: z.enum(['me']).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;
export const CasePage = z.object({ items: z.array(CaseSummary), nextCursor: z.string().nullable() });
export type CasePage = z.infer<typeof CasePage>;

export const LetterListQuery = z.object({
  state: z.enum(['received', 'classified']).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type LetterListQuery = z.infer<typeof LetterListQuery>;
export const LetterPage = z.object({ items: z.array(LetterSummary), nextCursor: z.string().nullable() });
export type LetterPage = z.infer<typeof LetterPage>;

export const LetterCounts = z.object({
  /** Letters received by the user's units and not classified yet. */
  toClassify: z.number().int(),
  /** Cases waiting for the processing decision (accept, forward, guide, return, file away). */
  toProcess: z.number().int(),
  /** Cases in any non-final state. */
  processing: z.number().int(),
  /** Active cases assigned to the user. */
  mine: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  /** Overdue cases the deadline job has reported to the superiors (for their running deadline). */
  escalated: z.number().int(),
});
export type LetterCounts = z.infer<typeof LetterCounts>;
