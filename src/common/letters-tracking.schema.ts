// Shapes of the writer's public tracking of a letter (by code and secret) and of the units a letter may be addressed to.
import { z } from 'zod';
import { PublicStepView } from './tracking.schema';
import { CaseAfterEnd } from './letter-resolution.schema';
import { LETTER_CHANNELS, LetterType } from './letters.schema';

export { PublicStepView, TrackingParams, TrackingQuery } from './tracking.schema';

export const PublicLetterView = z.object({
  code: z.string(),
  channel: z.enum(LETTER_CHANNELS),
  receivedAt: z.string(),
  receivingUnitName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  dueAt: z.string().nullable(),
  timeline: z.array(PublicStepView),
  cases: z.array(
    z.object({
      code: z.string(),
      type: LetterType,
      typeLabel: z.string(),
      state: z.string(),
      stateLabel: z.string(),
      unitName: z.string(),
      dueAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      timeline: z.array(PublicStepView),
      /** The writer's rating, whether they may still rate or ask to reopen, the published answer. */
      afterEnd: CaseAfterEnd,
    }),
  ),
});
export type PublicLetterView = z.infer<typeof PublicLetterView>;

/** GET /api/public/letter-units: where a citizen may address a letter (the province and its communes and wards in operation). */
export const LetterUnitList = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string(), parentName: z.string().nullable() })),
});
export type LetterUnitList = z.infer<typeof LetterUnitList>;
