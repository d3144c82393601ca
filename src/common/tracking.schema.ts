// Shapes shared by the public tracking of dossiers and of letters: the code in the path, the secret in the query
// (or the X-Tracking-Secret header), and a step of the public timeline.
import { z } from 'zod';

export const TrackingParams = z.object({ code: z.string().trim().min(1).max(60) });
export const TrackingQuery = z.object({ secret: z.string().max(100).optional() });

/**
 * A step as the applicant or writer sees it: `data` holds only what is addressed to them (missing documents,
 * guidance, the reason and legal basis of a refusal, stop or extension; the body a letter went to, the decision's
 * number and result), never staff names or notes.
 */
export const PublicStepView = z.object({
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  data: z.record(z.string(), z.unknown()),
  dueAt: z.string().nullable(),
});
