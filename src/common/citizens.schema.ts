// Request and response shapes of citizen accounts (sign-in by one-time code) and their own dossiers, shared by server and web.
import { z } from 'zod';
import { PublicDossierView } from './dossiers.schema';

/** An email address or a Vietnamese mobile number; the server normalizes it (see contacts.ts). */
export const OtpRequestBody = z.object({ contact: z.string().trim().min(3).max(200) }).strict();
export type OtpRequestBody = z.infer<typeof OtpRequestBody>;

/** Always the same answer, whether or not an account exists and whether or not a code was sent. */
export const OtpRequestResult = z.object({ ok: z.literal(true), expiresInMinutes: z.number().int() });
export type OtpRequestResult = z.infer<typeof OtpRequestResult>;

export const CitizenSessionBody = z
  .object({
    contact: z.string().trim().min(3).max(200),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số'),
  })
  .strict();
export type CitizenSessionBody = z.infer<typeof CitizenSessionBody>;

export const CitizenView = z.object({
  id: z.uuid(),
  kind: z.enum(['email', 'phone']),
  /** The normalized contact: a lower-case email, or +84xxxxxxxxx. */
  contact: z.string(),
  createdAt: z.string(),
});
export type CitizenView = z.infer<typeof CitizenView>;

export const CitizenSessionView = z.object({ citizen: CitizenView, csrfToken: z.string() });
export type CitizenSessionView = z.infer<typeof CitizenSessionView>;

/** GET /api/citizen/me: null when not signed in (not an error, so the portal can ask freely). */
export const CitizenMeView = z.object({ citizen: CitizenView.nullable(), csrfToken: z.string().nullable() });
export type CitizenMeView = z.infer<typeof CitizenMeView>;

/** A line of the citizen's list: the head of the public view. */
export const CitizenDossierItem = PublicDossierView.pick({
  code: true,
  procedureCode: true,
  procedureName: true,
  state: true,
  stateLabel: true,
  submittedAt: true,
  dueAt: true,
  finishedAt: true,
  receivingUnitName: true,
});
export type CitizenDossierItem = z.infer<typeof CitizenDossierItem>;

export const CitizenDossierQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type CitizenDossierQuery = z.infer<typeof CitizenDossierQuery>;

export const CitizenDossierPage = z.object({ items: z.array(CitizenDossierItem), nextCursor: z.string().nullable() });
export type CitizenDossierPage = z.infer<typeof CitizenDossierPage>;

export const ClaimBody = z.object({ code: z.string().trim().min(1).max(60), secret: z.string().trim().min(1).max(100) }).strict();
export type ClaimBody = z.infer<typeof ClaimBody>;

export const ClaimResult = z.object({ dossier: CitizenDossierItem });
export type ClaimResult = z.infer<typeof ClaimResult>;
