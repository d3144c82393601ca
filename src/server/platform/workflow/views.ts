// Turns a workflow definition's states, actions and fields into what the API shows: labels, the actions a user may take and the fields of a step.
import type { ActionFieldView, WorkflowActionView } from '../../../common/workflow.schema';
import type { Lang } from '../locale';
import type { ActionDef, WorkflowDefinition } from './definition';
import { actionOf, stateOf } from './engine';

type Label = { vi: string; en: string };

export function stateLabel(def: WorkflowDefinition, state: string, lang: Lang): string {
  return stateOf(def, state)?.label[lang] ?? state;
}

/** The label of a recorded action; `start` (the first step) is named by the caller (submitted, received...). */
export function actionLabel(def: WorkflowDefinition, action: string, lang: Lang, startLabel: Label): string {
  if (action === 'start') return startLabel[lang];
  return actionOf(def, action)?.label[lang] ?? action;
}

export function isTerminal(def: WorkflowDefinition, state: string): boolean {
  return stateOf(def, state)?.terminal === true;
}

/** The engine's spec of a declared field as a form renders it (undefined for a name the definition does not declare). */
export function fieldView(def: WorkflowDefinition, name: string, required: boolean, lang: Lang): ActionFieldView | undefined {
  const spec = def.fields?.[name];
  if (!spec) return undefined;
  return {
    name,
    type: spec.type,
    label: spec.label[lang],
    required,
    min: spec.min ?? null,
    max: spec.max ?? null,
    options: spec.options ?? null,
    of: spec.of ?? null,
  };
}

/** The specs of an action's fields, required ones first, as the definition lists them. */
export function actionFields(def: WorkflowDefinition, a: ActionDef, lang: Lang): ActionFieldView[] {
  return [
    ...(a.requiredFields ?? []).map((n) => fieldView(def, n, true, lang)),
    ...(a.optionalFields ?? []).map((n) => fieldView(def, n, false, lang)),
  ].filter((f): f is ActionFieldView => f !== undefined);
}

/** The fields present in a step's data, with their specs (the action's order first, then any other declared field). */
export function stepFields(def: WorkflowDefinition, action: string, data: Record<string, unknown>, lang: Lang): ActionFieldView[] {
  const a = actionOf(def, action);
  const declared = a ? actionFields(def, a, lang) : (def.startFields ?? []).map((n) => fieldView(def, n, true, lang)).filter((f): f is ActionFieldView => !!f);
  const known = new Set(declared.map((f) => f.name));
  const extra = Object.keys(data)
    .filter((k) => !known.has(k))
    .map((k) => fieldView(def, k, false, lang))
    .filter((f): f is ActionFieldView => f !== undefined);
  return [...declared, ...extra].filter((f) => data[f.name] !== undefined);
}

export function toActionView(def: WorkflowDefinition, a: ActionDef, lang: Lang): WorkflowActionView {
  return {
    code: a.code,
    label: a.label[lang],
    requiredFields: a.requiredFields ?? [],
    optionalFields: a.optionalFields ?? [],
    fields: actionFields(def, a, lang),
    note: a.note ?? 'optional',
    assign: a.assign ?? null,
    transfer: a.transfer ?? null,
    dueOverride: a.dueOverride ?? null,
    attachments: a.attachments ?? 'optional',
    extendBy: a.extendBy ?? null,
  };
}
