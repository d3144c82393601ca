// Turns an action's declared fields into zod schemas, and the shape of a transition's input.
import { z } from 'zod';
import type { ActionDef, FieldSpec, WorkflowDefinition } from './definition';

/** A listed document: "all missing documents at once" and similar lists. */
export const DocumentItem = z
  .object({
    name: z.string().trim().min(1).max(500),
    form: z.enum(['original', 'copy', 'certified_copy', 'original_or_copy']).optional(),
    count: z.number().int().min(1).max(100).optional(),
    note: z.string().max(1000).optional(),
  })
  .strict();

export const StepAttachmentInput = z.object({ fileId: z.string().min(1).max(200), name: z.string().min(1).max(300) }).strict();

/** What a user sends with an action; routes can use it as (part of) their body schema. */
export const TransitionInput = z
  .object({
    note: z.string().trim().max(4000).nullish(),
    assigneeId: z.uuid().nullish(),
    toUnitId: z.uuid().nullish(),
    toAgencyId: z.uuid().nullish(),
    attachments: z.array(StepAttachmentInput).max(50).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    /** A new due date 'YYYY-MM-DD' (end of that day, Vietnam time), for actions that allow one. */
    dueOverride: z.iso.date().nullish(),
  })
  .strict();
export type TransitionInput = z.infer<typeof TransitionInput>;

function fieldSchema(spec: FieldSpec): z.ZodType {
  const { min, max } = spec;
  switch (spec.type) {
    case 'string': {
      if (spec.options) return z.enum(spec.options as [string, ...string[]]);
      let s = z.string().trim().min(min ?? 1);
      if (max !== undefined) s = s.max(max);
      return s;
    }
    case 'number':
    case 'integer': {
      let n = spec.type === 'integer' ? z.number().int() : z.number();
      if (min !== undefined) n = n.min(min);
      if (max !== undefined) n = n.max(max);
      return n;
    }
    case 'date':
      return z.iso.date();
    case 'datetime':
      return z.iso.datetime({ offset: true });
    case 'boolean':
      return z.boolean();
    case 'array':
    case 'documents': {
      const item = spec.type === 'documents' ? DocumentItem : spec.of === 'number' ? z.number() : z.string().trim().min(1);
      let a = z.array(item).min(min ?? 1);
      if (max !== undefined) a = a.max(max);
      return a;
    }
  }
}

function objectOf(def: WorkflowDefinition, required: readonly string[], optional: readonly string[]): z.ZodType<Record<string, unknown>> {
  const fields = def.fields ?? {};
  const shape: Record<string, z.ZodType> = {};
  for (const name of required) {
    const spec = fields[name];
    if (spec) shape[name] = fieldSchema(spec);
  }
  for (const name of optional) {
    const spec = fields[name];
    if (spec) shape[name] = fieldSchema(spec).optional();
  }
  return z.object(shape).strict();
}

// Definitions are loaded once and never change, so each schema is built once per definition (or
// action) object: building a zod object, and its first parse's compiled fast path, cost more than
// the parse itself.
const dataSchemas = new WeakMap<ActionDef, z.ZodType<Record<string, unknown>>>();
const startSchemas = new WeakMap<WorkflowDefinition, z.ZodType<Record<string, unknown>>>();

/** The schema of an action's `data`: required and optional fields, nothing else. */
export function dataSchema(def: WorkflowDefinition, action: ActionDef): z.ZodType<Record<string, unknown>> {
  let s = dataSchemas.get(action);
  if (!s) dataSchemas.set(action, (s = objectOf(def, action.requiredFields ?? [], action.optionalFields ?? [])));
  return s;
}

/** The schema of a case's start data: the definition's `startFields`, all required, nothing else. */
export function startDataSchema(def: WorkflowDefinition): z.ZodType<Record<string, unknown>> {
  let s = startSchemas.get(def);
  if (!s) startSchemas.set(def, (s = objectOf(def, def.startFields ?? [], [])));
  return s;
}
