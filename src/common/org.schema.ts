// Request and response shapes of units, agencies, staff and import jobs, shared by server and web.
import { z } from 'zod';
import { AgencyKind, Role, UnitKind } from './roles';

/** `YYYY-MM-DD`; a date without time, reckoned in Asia/Ho_Chi_Minh. */
const IsoDate = z.iso.date();
const Code = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9._-]+$/, 'Mã chỉ gồm chữ không dấu, chữ số và các ký tự . _ -');
/** Query-string booleans: "true"/"false" (z.coerce.boolean would read "false" as true). */
const QueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,50}$/;
export const MIN_PASSWORD_LENGTH = 10;

// ---------- units ----------

export const UnitView = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  kind: UnitKind,
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  depth: z.number().int(),
  childCount: z.number().int(),
  /** Today (Asia/Ho_Chi_Minh) lies within [validFrom, validTo]. */
  active: z.boolean(),
  actions: z.array(z.string()),
});
export type UnitView = z.infer<typeof UnitView>;

export const AgencyView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: AgencyKind,
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  actions: z.array(z.string()),
});
export type AgencyView = z.infer<typeof AgencyView>;

export const UnitDetailView = UnitView.extend({
  parent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  agencies: z.array(AgencyView),
});
export type UnitDetailView = z.infer<typeof UnitDetailView>;

export const UnitList = z.object({ items: z.array(UnitView) });
export type UnitList = z.infer<typeof UnitList>;

export const UnitTreeQuery = z.object({ includeInactive: QueryBool.default(false) });

export const UnitSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  parentId: z.uuid().optional(),
  kind: UnitKind.optional(),
  includeInactive: QueryBool.default(false),
});
export type UnitSearchQuery = z.infer<typeof UnitSearchQuery>;

export const IdParams = z.object({ id: z.uuid() });

const validityOrder = (v: { validFrom?: string | null | undefined; validTo?: string | null | undefined }) =>
  !v.validFrom || !v.validTo || v.validTo >= v.validFrom;
const validityIssue = { message: 'Ngày hết hiệu lực phải bằng hoặc sau ngày bắt đầu hiệu lực', path: ['validTo'] };

export const UnitCreateBody = z
  .object({
    /** null (or absent) creates a top-level unit, which needs an administrator of a top-level unit. */
    parentId: z.uuid().nullable().default(null),
    code: Code,
    name: z.string().trim().min(1).max(200),
    kind: UnitKind,
    validFrom: IsoDate.nullable().optional(),
    validTo: IsoDate.nullable().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .refine(validityOrder, validityIssue);
export type UnitCreateBody = z.infer<typeof UnitCreateBody>;

export const UnitPatchBody = z
  .object({
    parentId: z.uuid().nullable(),
    code: Code,
    name: z.string().trim().min(1).max(200),
    kind: UnitKind,
    validFrom: IsoDate.nullable(),
    validTo: IsoDate.nullable(),
    note: z.string().trim().max(2000).nullable(),
  })
  .partial()
  .refine(validityOrder, validityIssue);
export type UnitPatchBody = z.infer<typeof UnitPatchBody>;

// ---------- agencies ----------

export const AgencyList = z.object({ items: z.array(AgencyView) });

export const AgencyCreateBody = z
  .object({
    code: Code,
    name: z.string().trim().min(1).max(200),
    kind: AgencyKind,
    validFrom: IsoDate.nullable().optional(),
    validTo: IsoDate.nullable().optional(),
  })
  .refine(validityOrder, validityIssue);
export type AgencyCreateBody = z.infer<typeof AgencyCreateBody>;

export const AgencyPatchBody = z
  .object({
    code: Code,
    name: z.string().trim().min(1).max(200),
    kind: AgencyKind,
    validFrom: IsoDate.nullable(),
    validTo: IsoDate.nullable(),
  })
  .partial()
  .refine(validityOrder, validityIssue);
export type AgencyPatchBody = z.infer<typeof AgencyPatchBody>;

// ---------- staff ----------

export const StaffGrantView = z.object({ id: z.uuid(), role: Role, unitId: z.uuid(), unitName: z.string() });

export const StaffView = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  active: z.boolean(),
  /** The account is locked after repeated failed sign-ins (lockedUntil lies in the future). */
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(StaffGrantView),
  actions: z.array(z.string()),
});
export type StaffView = z.infer<typeof StaffView>;

export const StaffPage = z.object({ items: z.array(StaffView), nextCursor: z.string().nullable() });
export type StaffPage = z.infer<typeof StaffPage>;

export const StaffListQuery = z.object({
  unitId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  role: Role.optional(),
  active: QueryBool.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type StaffListQuery = z.infer<typeof StaffListQuery>;

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, 'Tên đăng nhập gồm 3–50 ký tự: chữ thường không dấu, chữ số và . _ -');
const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`)
  .max(200);
const Email = z.email('Địa chỉ thư điện tử không hợp lệ').max(200);
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+ .()-]{6,20}$/, 'Số điện thoại không hợp lệ');

export const GrantBody = z.object({ role: Role, unitId: z.uuid() });
export type GrantBody = z.infer<typeof GrantBody>;

export const StaffCreateBody = z.object({
  username: Username,
  fullName: z.string().trim().min(1).max(200),
  email: Email.nullable().optional(),
  phone: Phone.nullable().optional(),
  title: z.string().trim().max(200).nullable().optional(),
  unitId: z.uuid(),
  agencyId: z.uuid().nullable().optional(),
  password: Password,
  grants: z.array(GrantBody).max(50).optional(),
});
export type StaffCreateBody = z.infer<typeof StaffCreateBody>;

export const StaffPatchBody = z.object({
  fullName: z.string().trim().min(1).max(200).optional(),
  email: Email.nullable().optional(),
  phone: Phone.nullable().optional(),
  title: z.string().trim().max(200).nullable().optional(),
  unitId: z.uuid().optional(),
  agencyId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
  /** true clears a lockout after failed sign-ins. */
  unlock: z.literal(true).optional(),
});
export type StaffPatchBody = z.infer<typeof StaffPatchBody>;

export const PasswordBody = z.object({ password: Password });

export const GrantParams = z.object({ id: z.uuid(), grantId: z.uuid() });

export const OkView = z.object({ ok: z.literal(true) });

// ---------- jobs (imports) ----------

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'rejected', 'failed'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

/** One rejected input row: `row` is the line number in the file (the header is line 1). */
export const RejectedRow = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type RejectedRow = z.infer<typeof RejectedRow>;

export const JobView = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: JobStatus,
  /** Data rows in the file. */
  total: z.number().int(),
  /** Rows handled so far: the progress bar is processed / total. */
  processed: z.number().int(),
  /** Rows written (succeeded) or rows that passed every check (rejected: nothing was written). */
  accepted: z.number().int(),
  rejected: z.array(RejectedRow),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const JobEnvelope = z.object({ job: JobView });
