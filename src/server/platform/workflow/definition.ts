// The workflow definition format (data, like DIGIT business-service files), its zod schema and the structural checks run on load.
import { z } from 'zod';
import { Role, ROLES } from '../../../common/roles';
import { DueUnit } from '../../../common/calendar.schema';

/** `from: "*"` means every non-terminal state; `to: "$current"` means the action leaves the state unchanged. */
export const ANY_ACTIVE_STATE = '*';
export const CURRENT_STATE = '$current';

/** Citizens act on their own cases (resubmit, withdraw): the caller proves ownership, the engine only checks the role. */
export const CITIZEN = 'citizen';
export const ActionRole = z.union([Role, z.literal(CITIZEN)]);
export type ActionRole = z.infer<typeof ActionRole>;

const Code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lowercase snake_case code');
const Label = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();

/** The kinds of action fields; fields.ts turns each into a zod schema for the step's `data`. */
export const FieldSpec = z
  .object({
    type: z.enum(['string', 'date', 'datetime', 'number', 'integer', 'boolean', 'array', 'documents']),
    label: Label,
    /** string: min/max length; number: min/max value; array/documents: min/max items. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** string values allowed (a select box). */
    options: z.array(z.string()).min(1).optional(),
    /** array: the item type. */
    of: z.enum(['string', 'number']).optional(),
  })
  .strict();
export type FieldSpec = z.infer<typeof FieldSpec>;

const SlaAmount = z.union([z.number().int().min(0), z.object({ param: z.string().min(1) }).strict()]);
const SlaFrom = z.enum(['entered', 'case_start']);

/**
 * One deadline among several, chosen by the fields of the step that enters the state (for the
 * initial state, the case's start data): the first variant whose `when` values all match wins
 * (complaints: first or second instance, complex or not, remote area or not).
 */
export const SlaVariant = z
  .object({
    when: z.record(z.string(), z.union([z.string(), z.boolean()])),
    amount: SlaAmount,
    unit: DueUnit,
  })
  .strict();
export type SlaVariant = z.infer<typeof SlaVariant>;

/** The deadline of a state: computed from the calendar, or `"inherit"` the running deadline (absent: no deadline, the clock is stopped). */
export const SlaSpec = z.union([
  z
    .object({
      /** A number of days, or the name of a parameter the caller passes (e.g. the procedure's processing time). */
      amount: SlaAmount,
      unit: DueUnit,
      /** Counted from the step that enters the state (default), or from the start of the case. */
      from: SlaFrom.optional(),
      /** false: the calendar's afternoon cutoff does not apply (a period "from the day received", as for letters). Default true. */
      afternoonCutoff: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      variants: z.array(SlaVariant).min(1),
      from: SlaFrom.optional(),
      afternoonCutoff: z.boolean().optional(),
    })
    .strict(),
  z.literal('inherit'),
]);
export type SlaSpec = z.infer<typeof SlaSpec>;

export const StateDef = z
  .object({
    code: Code,
    label: Label,
    terminal: z.boolean().optional(),
    sla: SlaSpec.optional(),
  })
  .strict();
export type StateDef = z.infer<typeof StateDef>;

const Need = z.enum(['required', 'optional']);

export const ActionDef = z
  .object({
    code: Code,
    label: Label,
    from: z.union([z.literal(ANY_ACTIVE_STATE), z.array(z.string()).min(1)]),
    to: z.string().min(1),
    roles: z.array(ActionRole).min(1),
    /** Roles (among `roles`) that may take the action only on a case assigned to them: "only the assignee processes". */
    assigneeOnly: z.array(Role).optional(),
    requiredFields: z.array(z.string()).optional(),
    optionalFields: z.array(z.string()).optional(),
    /** How many times the action may be taken over the whole case ("one further request for documents at most"). */
    maxTimes: z.number().int().min(1).optional(),
    assign: Need.optional(),
    /** Inter-agency transfer (liên thông): the step moves the case to another unit or agency. */
    transfer: z.enum(['unit', 'agency']).optional(),
    /** Absent means optional: a note never hurts. */
    note: Need.optional(),
    /** A new due date given by the user (apology and extension letter). */
    dueOverride: Need.optional(),
    /** Only while the running deadline has not passed (the apology must come before the deadline). */
    beforeDue: z.boolean().optional(),
    /** Leaving a stopped clock: the running deadline continues (whatever the entered state's rule), moved by the working days spent waiting. */
    resumeClock: z.boolean().optional(),
    /** At least one attachment (the document sent) is required; absent = optional. */
    attachments: Need.optional(),
    /** The entered state's deadline rule is not applied: the running deadline continues (a send-back for rework within the same period). */
    keepDue: z.boolean().optional(),
    /** Moves the running deadline by this period (an extension decided by a recorded decision); needs to "$current". */
    extendBy: z.object({ amount: z.number().int().min(1), unit: DueUnit }).strict().optional(),
    /**
     * May be taken from the terminal states listed in `from` (after the end: publishing an answer, the
     * writer's request to reopen). Other actions never leave a terminal state.
     */
    afterEnd: z.boolean().optional(),
    /** Only within this many calendar days after the case entered its current state (the writer's window to reopen). */
    within: z.object({ amount: z.number().int().min(1), unit: z.literal('calendar_days') }).strict().optional(),
  })
  .strict();
export type ActionDef = z.infer<typeof ActionDef>;

export const WorkflowDefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    code: Code,
    version: z.number().int().min(1),
    entityType: Code,
    label: Label.optional(),
    fields: z.record(z.string(), FieldSpec).optional(),
    /** Fields the caller passes when it opens a case (`startCase` data), e.g. those an initial SLA variant depends on. */
    startFields: z.array(z.string()).optional(),
    states: z.array(StateDef).min(1),
    initialState: z.string(),
    actions: z.array(ActionDef).min(1),
  })
  .strict();
export type WorkflowDefinition = z.infer<typeof WorkflowDefinitionSchema>;

/** A definition that failed to load: every problem at once, so an author fixes the file in one pass. */
export class WorkflowDefinitionError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid workflow definition ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'WorkflowDefinitionError';
  }
}

/** The states an action may start from, with `*` expanded. */
export function fromStates(def: WorkflowDefinition, action: ActionDef): string[] {
  return action.from === ANY_ACTIVE_STATE ? def.states.filter((s) => !s.terminal).map((s) => s.code) : action.from;
}

/**
 * Who an assignment hands the case to: the roles that work the state the action leads to. Those
 * are the roles the definition limits to the assignee there ("only the assignee processes"); a
 * definition without such limits falls back to every staff role acting from that state.
 */
export function assigneeRoles(def: WorkflowDefinition, action: ActionDef, state: string): Role[] {
  const target = action.to === CURRENT_STATE ? state : action.to;
  const next = def.actions.filter((a) => a.code !== action.code && fromStates(def, a).includes(target));
  const limited = new Set(next.flatMap((a) => a.assigneeOnly ?? []));
  const roles = limited.size ? limited : new Set(next.flatMap((a) => a.roles.filter((r): r is Role => r !== CITIZEN)));
  return ROLES.filter((r) => roles.has(r));
}

function duplicates(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
}

/** Structural problems the schema cannot see; empty when the definition is sound. */
export function definitionProblems(def: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const states = new Map(def.states.map((s) => [s.code, s]));
  const fields = def.fields ?? {};
  for (const d of duplicates(def.states.map((s) => s.code))) problems.push(`duplicate state code "${d}"`);
  for (const d of duplicates(def.actions.map((a) => a.code))) problems.push(`duplicate action code "${d}"`);
  if (!states.has(def.initialState)) problems.push(`initialState "${def.initialState}" is not a state`);
  else if (states.get(def.initialState)?.terminal) problems.push(`initialState "${def.initialState}" is terminal`);
  for (const a of def.actions) {
    const where = `action "${a.code}"`;
    if (a.from !== ANY_ACTIVE_STATE) {
      for (const f of a.from) {
        const s = states.get(f);
        if (!s) problems.push(`${where}: unknown from state "${f}"`);
        else if (s.terminal && !a.afterEnd) problems.push(`${where}: terminal state "${f}" has an outgoing action`);
      }
      for (const d of duplicates(a.from)) problems.push(`${where}: from state "${d}" listed twice`);
    }
    if (a.to !== CURRENT_STATE && !states.has(a.to)) problems.push(`${where}: unknown to state "${a.to}"`);
    const listed = [...(a.requiredFields ?? []), ...(a.optionalFields ?? [])];
    for (const f of listed) if (!(f in fields)) problems.push(`${where}: field "${f}" is not declared in "fields"`);
    for (const d of duplicates(listed)) problems.push(`${where}: field "${d}" listed twice`);
    for (const r of a.assigneeOnly ?? []) if (!a.roles.includes(r)) problems.push(`${where}: assigneeOnly role "${r}" is not among its roles`);
    for (const d of duplicates(a.roles)) problems.push(`${where}: role "${d}" listed twice`);
    // Whoever it names must be able to work the state it leads to (checkAssignee refuses anyone else).
    if (a.assign) for (const f of fromStates(def, a)) if (assigneeRoles(def, a, f).length === 0) problems.push(`${where}: assigns from "${f}", but no staff action leaves the state it leads to`);
    if (a.beforeDue && a.to !== CURRENT_STATE && !a.dueOverride) problems.push(`${where}: beforeDue needs to "$current" or a dueOverride`);
    if (a.extendBy && a.to !== CURRENT_STATE) problems.push(`${where}: extendBy needs to "$current"`);
    if (a.extendBy && a.dueOverride) problems.push(`${where}: extendBy and dueOverride exclude each other`);
    if (a.keepDue && (a.extendBy || a.dueOverride)) problems.push(`${where}: keepDue excludes extendBy and dueOverride`);
    if (a.afterEnd && (a.from === ANY_ACTIVE_STATE || !a.from.some((f) => states.get(f)?.terminal)))
      problems.push(`${where}: afterEnd needs at least one terminal state in "from"`);
  }
  for (const f of def.startFields ?? []) if (!(f in fields)) problems.push(`startFields: field "${f}" is not declared in "fields"`);
  for (const s of def.states) problems.push(...variantProblems(def, s, fields));
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) problems.push(`field "${name}": min is greater than max`);
    if (spec.options && spec.type !== 'string') problems.push(`field "${name}": options apply to string fields only`);
    if (spec.of && spec.type !== 'array') problems.push(`field "${name}": "of" applies to array fields only`);
  }
  problems.push(...unreachable(def, states).map((s) => `state "${s}" is unreachable from "${def.initialState}"`));
  return problems;
}

/** The values a field may take, when there are few enough to check every combination (boolean, or a string with options). */
function domainOf(spec: FieldSpec | undefined): ReadonlyArray<string | boolean> | null {
  if (spec?.type === 'boolean') return [true, false];
  if (spec?.type === 'string' && spec.options) return spec.options;
  return null;
}

/** Largest number of field combinations the loader enumerates to prove that every case gets a deadline. */
const MAX_COMBINATIONS = 1024;

/**
 * SLA variants choose by fields of the entering step: each must be a declared boolean or option
 * field that every action entering the state requires (or a start field, for the initial state),
 * with values it can take, and every combination of values must reach some variant.
 */
function variantProblems(def: WorkflowDefinition, state: StateDef, fields: Record<string, FieldSpec>): string[] {
  const sla = state.sla;
  if (!sla || sla === 'inherit' || !('variants' in sla)) return [];
  const where = `state "${state.code}" sla`;
  const problems: string[] = [];
  const keys = [...new Set(sla.variants.flatMap((v) => Object.keys(v.when)))];
  const domains = new Map<string, ReadonlyArray<string | boolean>>();
  for (const k of keys) {
    const domain = domainOf(fields[k]);
    if (!domain) problems.push(`${where}: variant field "${k}" must be a declared boolean field or string field with options`);
    else domains.set(k, domain);
  }
  sla.variants.forEach((v, i) => {
    for (const [k, value] of Object.entries(v.when))
      if (domains.get(k) && !domains.get(k)?.includes(value)) problems.push(`${where}: variant ${i} value ${JSON.stringify(value)} is not a value of "${k}"`);
  });
  const entering = def.actions.filter((a) => a.to === state.code && !a.keepDue && !a.resumeClock);
  for (const a of entering)
    for (const k of keys) if (!(a.requiredFields ?? []).includes(k)) problems.push(`${where}: action "${a.code}" enters it without requiring "${k}"`);
  if (def.initialState === state.code)
    for (const k of keys) if (!(def.startFields ?? []).includes(k)) problems.push(`${where}: "${k}" is not among startFields`);
  if (problems.length) return problems;
  let combos: Array<Record<string, string | boolean>> = [{}];
  for (const k of keys) {
    combos = combos.flatMap((c) => (domains.get(k) ?? []).map((value) => ({ ...c, [k]: value })));
    if (combos.length > MAX_COMBINATIONS) return [`${where}: more than ${MAX_COMBINATIONS} combinations of variant fields`];
  }
  for (const c of combos)
    if (!sla.variants.some((v) => matchesVariant(v, c))) problems.push(`${where}: no variant for ${JSON.stringify(c)}`);
  return problems;
}

/** Whether the step data meets every condition of the variant. */
export function matchesVariant(v: SlaVariant, data: Record<string, unknown>): boolean {
  return Object.entries(v.when).every(([k, value]) => data[k] === value);
}

/** States no path of actions reaches from the initial state (a typo in a `to`, or a forgotten action). */
function unreachable(def: WorkflowDefinition, states: Map<string, StateDef>): string[] {
  if (!states.has(def.initialState)) return [];
  const seen = new Set([def.initialState]);
  const queue = [def.initialState];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const a of def.actions) {
      if (a.to === CURRENT_STATE || seen.has(a.to) || !states.has(a.to)) continue;
      if (fromStates(def, a).includes(s)) {
        seen.add(a.to);
        queue.push(a.to);
      }
    }
  }
  return def.states.map((s) => s.code).filter((c) => !seen.has(c));
}

/** Parses and checks a definition; throws WorkflowDefinitionError listing every problem. */
export function parseDefinition(raw: unknown, source = 'definition'): WorkflowDefinition {
  const parsed = WorkflowDefinitionSchema.safeParse(raw);
  if (!parsed.success)
    throw new WorkflowDefinitionError(
      source,
      parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`),
    );
  const problems = definitionProblems(parsed.data);
  if (problems.length) throw new WorkflowDefinitionError(source, problems);
  return parsed.data;
}
