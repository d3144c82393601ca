// The Open311 client applications as administrators register them (POST /api/open311/clients) and see them listed; the key is answered once.
import { z } from 'zod';

export const ClientBody = z
  .object({
    /** The application, e.g. "Ứng dụng Công dân số tỉnh". */
    name: z.string().trim().min(1).max(200),
    /** Who runs it: an e-mail or phone to reach when it misbehaves. */
    contact: z.string().trim().max(300).optional(),
    /** Where its requests go when they name no jurisdiction; a jurisdiction_id may choose a unit below it. */
    unitId: z.uuid(),
  })
  .strict();
export type ClientBody = z.infer<typeof ClientBody>;

export const ClientView = z.object({
  id: z.uuid(),
  name: z.string(),
  contact: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  unitCode: z.string(),
  /** The first characters of the key, to tell keys apart; the key itself is never shown again. */
  keyPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** The last request sent with the current key (a new key starts with none, so the list shows when the application switched). */
  lastUsedAt: z.string().nullable(),
});
export type ClientView = z.infer<typeof ClientView>;
export const ClientCreated = z.object({ client: ClientView, apiKey: z.string() });
export type ClientCreated = z.infer<typeof ClientCreated>;
