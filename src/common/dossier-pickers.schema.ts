// Choices offered by the forms of a dossier's actions: who may be assigned it, and which agencies it may be transferred to.
import { z } from 'zod';
import { AgencyKind } from './roles';

export const AssigneeQuery = z.object({
  /** The action the choice is for (it decides the roles that qualify); defaults to `assign`. */
  action: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,60}$/)
    .default('assign'),
});
export type AssigneeQuery = z.infer<typeof AssigneeQuery>;

export const AssigneeCandidate = z.object({
  id: z.uuid(),
  fullName: z.string(),
  title: z.string().nullable(),
  unitName: z.string(),
  agencyName: z.string().nullable(),
  /** Works in the agency that holds the dossier now: offered first. */
  sameAgency: z.boolean(),
  /** The dossier's current assignee (a reassignment picks someone else). */
  current: z.boolean(),
  /** Dossiers assigned to them and still open: the leader balances the load. */
  openCount: z.number().int(),
});
export type AssigneeCandidate = z.infer<typeof AssigneeCandidate>;
export const AssigneeList = z.object({ items: z.array(AssigneeCandidate) });
export type AssigneeList = z.infer<typeof AssigneeList>;

export const TransferAgency = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: AgencyKind,
  unitId: z.uuid(),
  unitName: z.string(),
});
export type TransferAgency = z.infer<typeof TransferAgency>;
export const TransferAgencyList = z.object({ items: z.array(TransferAgency) });
export type TransferAgencyList = z.infer<typeof TransferAgencyList>;

/** GET /api/dossiers/intake-hand-on: what a desk intake's acceptance asks for with this procedure at this unit. */
export const IntakeHandOnQuery = z.object({ unitId: z.uuid(), procedureCode: z.string().trim().min(1).max(50) }).strict();
export type IntakeHandOnQuery = z.infer<typeof IntakeHandOnQuery>;
export const IntakeHandOn = z.object({
  /** The workflow's `accept` names the civil servant in charge (the commune workflow): required, optional or not at all. */
  assign: z.enum(['required', 'optional']).nullable(),
  /** It moves the dossier to an agency (picked among the unit's agencies) or a unit. */
  transfer: z.enum(['unit', 'agency']).nullable(),
  /** Who may be named, when it names someone. */
  assignees: z.array(AssigneeCandidate),
});
export type IntakeHandOn = z.infer<typeof IntakeHandOn>;
