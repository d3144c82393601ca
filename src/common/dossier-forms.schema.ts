// Printable one-stop forms (Circular 03/2025/TT-VPCP, Appendix I) and the tracking register: route parameters and queries, shared by server and web.
import { z } from 'zod';

/** 01 receipt and appointment, 02 request to complete, 03 refusal, 04 apology and extension, 05 stop notice, 06 process-control sheet. */
export const DOSSIER_FORMS = ['01', '02', '03', '04', '05', '06'] as const;
export const DossierFormNumber = z.enum(DOSSIER_FORMS);
export type DossierFormNumber = z.infer<typeof DossierFormNumber>;

export const DossierFormParams = z.object({ id: z.uuid(), form: DossierFormNumber });

/** The longest range one export of the register (form 07) may cover, in days. */
export const REGISTER_MAX_DAYS = 366;

/** `from` and `to` are Vietnamese local dates of receipt, both included. */
export const RegisterQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** Dossiers received by this unit or the units below it. */
  unitId: z.uuid().optional(),
  /** Dossiers received by this agency (a one-stop desk). */
  agencyId: z.uuid().optional(),
});
export type RegisterQuery = z.infer<typeof RegisterQuery>;

/** Links the web builds: staff forms, the applicant's own receipt, the register. */
export const dossierFormUrl = (id: string, form: DossierFormNumber) => `/api/dossiers/${id}/forms/${form}.pdf`;
export const publicReceiptUrl = (code: string) => `/api/public/dossiers/${encodeURIComponent(code)}/forms/01.pdf`;
export const registerUrl = (format: 'xlsx' | 'csv', q: RegisterQuery) =>
  `/api/dossiers/register.${format}?${new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string')).toString()}`;
