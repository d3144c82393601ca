// Satisfaction ratings of a dossier (SIPAS criteria), shared by server and web.
import { z } from 'zod';

/** The five criteria of the SIPAS satisfaction index, in the order the form asks them. */
export const RATING_CRITERIA = ['access', 'procedure', 'officials', 'result', 'feedback'] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

export const RATING_COMMENT_MAX = 2000;

const Score = z.number().int().min(1).max(5);

/** POST /api/public/dossiers/:code/rating. */
export const RatingBody = z
  .object({
    access: Score,
    procedure: Score,
    officials: Score,
    result: Score,
    feedback: Score,
    /** Free text; an empty string means none. */
    comment: z.string().trim().max(RATING_COMMENT_MAX).optional(),
  })
  .strict();
export type RatingBody = z.infer<typeof RatingBody>;

export const RatingView = z.object({
  access: z.number().int(),
  procedure: z.number().int(),
  officials: z.number().int(),
  result: z.number().int(),
  feedback: z.number().int(),
  comment: z.string().nullable(),
  /** When it was given (local ISO time, +07:00). */
  at: z.string(),
});
export type RatingView = z.infer<typeof RatingView>;

export const RatingResult = z.object({ rating: RatingView });
export type RatingResult = z.infer<typeof RatingResult>;
