// Request and response shapes of the procedure catalog (public search, staff editor, CSV import), shared by server and web.
import { z } from 'zod';
import { UnitKind } from './roles';

export const PROCEDURE_LEVELS = ['province', 'commune', 'province_commune'] as const;
export const ProcedureLevel = z.enum(PROCEDURE_LEVELS);
export type ProcedureLevel = z.infer<typeof ProcedureLevel>;

export const PROCEDURE_LEVEL_LABELS: Record<ProcedureLevel, { vi: string; en: string }> = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
  province_commune: { vi: 'Cấp tỉnh, cấp xã', en: 'Province and commune' },
};

export const DOCUMENT_FORMS = ['original', 'copy', 'certified_copy', 'original_or_copy'] as const;
export const DocumentForm = z.enum(DOCUMENT_FORMS);
export type DocumentForm = z.infer<typeof DocumentForm>;

export const DOCUMENT_FORM_LABELS: Record<DocumentForm, { vi: string; en: string }> = {
  original: { vi: 'Bản chính', en: 'Original' },
  copy: { vi: 'Bản sao', en: 'Copy' },
  certified_copy: { vi: 'Bản sao có chứng thực', en: 'Certified copy' },
  original_or_copy: { vi: 'Bản chính hoặc bản sao', en: 'Original or copy' },
};

/** The national catalog's codes: digits and dots, e.g. `1.001193`, `2.000986`. */
export const PROCEDURE_CODE_PATTERN = /^\d{1,3}(\.\d{1,9}){1,3}$/;
export const WORKFLOW_CODE_PATTERN = /^[a-z0-9]+([_-][a-z0-9]+)*$/;
export const DEFAULT_WORKFLOW = 'one_stop_standard';
/** A cap on search text: longer text adds no meaning and only costs regex work. */
export const MAX_QUERY_LENGTH = 200;

const text = (max: number) => z.string().trim().min(1).max(max);
const QueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ProcedureCode = z
  .string()
  .trim()
  .refine((v) => PROCEDURE_CODE_PATTERN.test(v), 'Mã thủ tục gồm chữ số và dấu chấm, ví dụ 1.001193');

/** Working days, at most one decimal ("4 giờ làm việc" = 0.5 day), as the table stores them. */
const Days = z
  .number()
  .refine((v) => v > 0, 'Số ngày phải lớn hơn 0')
  .refine((v) => v <= 999, 'Số ngày tối đa là 999')
  .refine((v) => Number.isInteger(Math.round(v * 10 * 1e6) / 1e6), 'Số ngày chỉ được có một chữ số thập phân (ví dụ 0.5)');

export const ProcedureDocumentInput = z.object({
  name: text(500),
  form: DocumentForm,
  count: z.number().int().min(1).max(100),
  note: z.string().trim().max(1000).optional(),
});
export type ProcedureDocumentInput = z.infer<typeof ProcedureDocumentInput>;

export const ProcedureFeeInput = z.object({
  name: text(300),
  /** Vietnamese đồng, whole: the đồng has no subunit in use. */
  amount: z.number().int('Lệ phí tính bằng đồng, là số nguyên').min(0).max(1_000_000_000_000),
  note: z.string().trim().max(1000).optional(),
});
export type ProcedureFeeInput = z.infer<typeof ProcedureFeeInput>;

const fields = {
  code: ProcedureCode,
  name: text(500),
  fieldCode: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .refine((v) => /^[A-Za-z0-9._-]+$/.test(v), 'Mã lĩnh vực chỉ gồm chữ không dấu, chữ số và . _ -'),
  fieldName: text(200),
  level: ProcedureLevel,
  implementingAgency: text(300),
  /** One agency that decides, when the catalog pins one. */
  agencyId: z.uuid().nullable(),
  /** The unit whose catalog this is (its administrators manage it); null = the national catalog. */
  unitId: z.uuid().nullable(),
  statutoryDays: Days,
  localDays: Days.nullable(),
  fees: z.array(ProcedureFeeInput).max(50),
  documents: z.array(ProcedureDocumentInput).min(1).max(100),
  result: text(1000),
  legalBasis: text(4000),
  fullyOnline: z.boolean(),
  workflowCode: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((v) => WORKFLOW_CODE_PATTERN.test(v), 'Mã quy trình gồm chữ thường không dấu, chữ số, nối bằng _ hoặc -'),
  active: z.boolean(),
};

const localDaysIssue = { message: 'Thời hạn giải quyết của địa phương không được dài hơn thời hạn theo quy định', path: ['localDays'] };
export const localWithinStatutory = (v: { statutoryDays?: number | undefined; localDays?: number | null | undefined }) =>
  v.localDays === null || v.localDays === undefined || v.statutoryDays === undefined || v.localDays <= v.statutoryDays;

export const ProcedureCreateBody = z
  .object({
    ...fields,
    agencyId: fields.agencyId.default(null),
    unitId: fields.unitId.default(null),
    localDays: fields.localDays.default(null),
    fees: fields.fees.default([]),
    fullyOnline: fields.fullyOnline.default(false),
    workflowCode: fields.workflowCode.default(DEFAULT_WORKFLOW),
    active: fields.active.default(true),
  })
  .strict()
  .refine(localWithinStatutory, localDaysIssue);
export type ProcedureCreateBody = z.infer<typeof ProcedureCreateBody>;

/** Every field may change; `active: false` withdraws the procedure from the public catalog without losing its history. */
export const ProcedurePatchBody = z.object(fields).partial().strict().refine(localWithinStatutory, localDaysIssue);
export type ProcedurePatchBody = z.infer<typeof ProcedurePatchBody>;

// ---------- views ----------

export const ProcedureDocumentView = z.object({ name: z.string(), form: DocumentForm, count: z.number().int(), note: z.string().optional() });
export const ProcedureFeeView = z.object({ name: z.string(), amount: z.number().int(), note: z.string().optional() });

/** A line of the public search results: enough to choose, not the whole file. */
export const ProcedureSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
  level: ProcedureLevel,
  implementingAgency: z.string(),
  statutoryDays: z.number(),
  localDays: z.number().nullable(),
  fullyOnline: z.boolean(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

/** The public page of one procedure. */
export const ProcedurePublicView = ProcedureSummary.extend({
  agencyId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  fees: z.array(ProcedureFeeView),
  documents: z.array(ProcedureDocumentView),
  result: z.string(),
  legalBasis: z.string(),
  workflowCode: z.string(),
  updatedAt: z.string(),
});
export type ProcedurePublicView = z.infer<typeof ProcedurePublicView>;

/** Where a citizen may file this procedure: `named` when its deciding agency receives it (no choice to make). */
export const ReceivingUnitList = z.object({
  named: z.boolean(),
  items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: UnitKind })),
});
export type ReceivingUnitList = z.infer<typeof ReceivingUnitList>;

/** What staff see: the public view, whether it is published, and the actions this user may take. */
export const ProcedureView = ProcedurePublicView.extend({
  active: z.boolean(),
  createdAt: z.string(),
  actions: z.array(z.string()),
});
export type ProcedureView = z.infer<typeof ProcedureView>;

export const ProcedurePublicPage = z.object({ items: z.array(ProcedureSummary), nextCursor: z.string().nullable() });
export type ProcedurePublicPage = z.infer<typeof ProcedurePublicPage>;
export const ProcedurePage = z.object({ items: z.array(ProcedureView), nextCursor: z.string().nullable() });
export type ProcedurePage = z.infer<typeof ProcedurePage>;

export const ProcedureFieldView = z.object({ code: z.string(), name: z.string(), count: z.number().int() });
export const ProcedureFieldList = z.object({ items: z.array(ProcedureFieldView) });
export type ProcedureFieldList = z.infer<typeof ProcedureFieldList>;

// ---------- queries ----------

const searchFilters = {
  /** Free text: diacritics, case and word order are ignored, extra words tolerated; a full code matches too. */
  q: z.string().trim().max(MAX_QUERY_LENGTH).optional(),
  field: z.string().trim().max(50).optional(),
  /** `commune` also lists procedures done at both levels; likewise `province`. */
  level: ProcedureLevel.optional(),
  agencyId: z.uuid().optional(),
  onlineOnly: QueryBool.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
};

export const PublicProcedureQuery = z.object(searchFilters);
export type PublicProcedureQuery = z.infer<typeof PublicProcedureQuery>;

export const StaffProcedureQuery = z.object({
  ...searchFilters,
  /** Absent: active and inactive alike. */
  active: QueryBool.optional(),
  /** Only the catalog of this unit. */
  unitId: z.uuid().optional(),
});
export type StaffProcedureQuery = z.infer<typeof StaffProcedureQuery>;

export const ProcedureCodeParams = z.object({ code: ProcedureCode });

/** The dossier workflows a procedure may follow (GET /api/procedures/workflows), labelled in the request's language. */
export const ProcedureWorkflowList = z.object({ items: z.array(z.object({ code: z.string(), label: z.string() })) });
export type ProcedureWorkflowList = z.infer<typeof ProcedureWorkflowList>;
