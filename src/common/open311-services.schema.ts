// The Open311 feedback categories as administrators edit them (POST/PATCH /api/open311/services): the shape; the server checks the attribute rules.
import { z } from 'zod';
import { ATTRIBUTE_CODE, ATTRIBUTE_DATATYPES, SERVICE_CODE } from './open311-services';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
const codeOf = (re: RegExp, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => re.test(v), {
      message: `Chỉ gồm chữ cái không dấu, chữ số, dấu _ và -, tối đa ${max} ký tự / letters without accents, digits, _ and -, at most ${max} characters`,
    });

export const AttributeValueInput = z.object({ key: codeOf(ATTRIBUTE_CODE, 60), name: text(200) }).strict();

/** One attribute of a definition as GeoReport v2 shows it in `services/{code}.json`. */
export const ServiceAttributeInput = z
  .object({
    /** false: a text shown to the citizen, not a question. */
    variable: z.boolean().default(true),
    code: codeOf(ATTRIBUTE_CODE, 60),
    datatype: z.enum(ATTRIBUTE_DATATYPES),
    required: z.boolean().default(false),
    datatype_description: optionalText(300),
    order: z.number().int().min(0).max(1000),
    description: text(500),
    values: z.array(AttributeValueInput).max(100).optional(),
  })
  .strict();
export type ServiceAttributeInput = z.infer<typeof ServiceAttributeInput>;

const editable = {
  name: text(200),
  description: text(1000),
  /** Comma-separated, as the specification shows them. */
  keywords: z.string().trim().max(500).default(''),
  groupName: text(100),
  /** Told to the client with each new request (service_notice). */
  notice: optionalText(500),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
  active: z.boolean().default(true),
  attributes: z.array(ServiceAttributeInput).max(50).default([]),
};

export const ServiceCreateBody = z.object({ code: codeOf(SERVICE_CODE, 40), ...editable }).strict();
export type ServiceCreateBody = z.infer<typeof ServiceCreateBody>;

export const ServicePatchBody = z
  .object({
    name: editable.name.optional(),
    description: editable.description.optional(),
    keywords: z.string().trim().max(500).optional(),
    groupName: editable.groupName.optional(),
    notice: z.string().trim().max(500).nullable().optional(),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
    active: z.boolean().optional(),
    attributes: z.array(ServiceAttributeInput).max(50).optional(),
  })
  .strict();
export type ServicePatchBody = z.infer<typeof ServicePatchBody>;

export const ServiceAdminView = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  keywords: z.string(),
  groupName: z.string(),
  type: z.string(),
  notice: z.string().nullable(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(ATTRIBUTE_DATATYPES),
      required: z.boolean(),
      datatype_description: z.string().nullable(),
      order: z.number(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
  active: z.boolean(),
  sortOrder: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceAdminView = z.infer<typeof ServiceAdminView>;
