// Shapes every workflow-driven record shares in the API (dossiers, letters): the actions a user may take with their form fields, and the body of an action.
import { z } from 'zod';

/** A workflow field as a form renders it: the engine's field spec with its label in the user's language. */
export const ActionFieldView = z.object({
  name: z.string(),
  type: z.enum(['string', 'date', 'datetime', 'number', 'integer', 'boolean', 'array', 'documents']),
  label: z.string(),
  required: z.boolean(),
  /** string: length; number, integer: value; array, documents: items. */
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** string: the closed list of values (a select). */
  options: z.array(z.string()).nullable(),
  /** array: the item type. */
  of: z.enum(['string', 'number']).nullable(),
});
export type ActionFieldView = z.infer<typeof ActionFieldView>;

/** An action the user may take now, with what its form needs. */
export const WorkflowActionView = z.object({
  code: z.string(),
  label: z.string(),
  requiredFields: z.array(z.string()),
  optionalFields: z.array(z.string()),
  /** The specs of requiredFields then optionalFields, for a form generated from the action. */
  fields: z.array(ActionFieldView),
  note: z.enum(['required', 'optional']),
  assign: z.enum(['required', 'optional']).nullable(),
  transfer: z.enum(['unit', 'agency']).nullable(),
  dueOverride: z.enum(['required', 'optional']).nullable(),
  /** Whether the document sent must be attached. */
  attachments: z.enum(['required', 'optional']),
  /** An extension by a fixed period (the form shows the new due date it gives). */
  extendBy: z.object({ amount: z.number().int(), unit: z.enum(['working_days', 'calendar_days']) }).nullable(),
});
export type WorkflowActionView = z.infer<typeof WorkflowActionView>;

export const ActionParams = z.object({ id: z.uuid(), action: z.string().regex(/^[a-z][a-z0-9_]{0,60}$/) });

/** The workflow engine's TransitionInput plus the seq the user saw (optional optimistic concurrency). */
export const WorkflowActionBody = z
  .object({
    note: z.string().trim().max(4000).nullish(),
    assigneeId: z.uuid().nullish(),
    toUnitId: z.uuid().nullish(),
    toAgencyId: z.uuid().nullish(),
    attachments: z.array(z.object({ fileId: z.uuid(), name: z.string().trim().min(1).max(300) }).strict()).max(50).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    dueOverride: z.iso.date().nullish(),
    expectedSeq: z.number().int().min(1).optional(),
  })
  .strict();
export type WorkflowActionBody = z.infer<typeof WorkflowActionBody>;
