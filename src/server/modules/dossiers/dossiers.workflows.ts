// Loads the dossier workflow definitions (JSON files beside this one) into the process-wide registry, once.
import path from 'node:path';
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { registerDirectory, workflows } from '../../platform/workflow/registry';

const DIR = path.resolve(import.meta.dirname, 'workflows');
let loaded = false;

/** Called at start-up by the routes plugin: a broken definition stops the server with every problem listed. */
export function loadDossierWorkflows(): void {
  if (loaded) return;
  registerDirectory(workflows, DIR);
  loaded = true;
}

export function dossierWorkflow(code: string): WorkflowDefinition {
  loadDossierWorkflows();
  return workflows.get(code);
}

/** Whether `code` names a dossier workflow (a procedure may follow only these). */
export function isDossierWorkflow(code: string): boolean {
  loadDossierWorkflows();
  return workflows.has(code) && workflows.get(code).entityType === 'dossier';
}

/** The dossier workflows a procedure may follow, for the catalog's form: code and label in `lang`. */
export function dossierWorkflowChoices(lang: 'vi' | 'en'): Array<{ code: string; label: string }> {
  loadDossierWorkflows();
  return workflows
    .codes()
    .filter(isDossierWorkflow)
    .map((code) => ({ code, label: workflows.get(code).label?.[lang] ?? code }));
}

/** Forwarding (liên thông) sends a dossier on to a coordinating agency; it does not make the agency the one processing it. */
const FORWARD = 'forward';

const handOn = new WeakMap<WorkflowDefinition, readonly string[]>();

/** The actions that hand a dossier to its processing agency: `transfer`, or the commune workflow's `accept` (worked out once a definition). */
export function handOnActions(def: WorkflowDefinition): readonly string[] {
  let codes = handOn.get(def);
  if (!codes) {
    codes = def.actions.filter((a) => a.transfer && a.code !== FORWARD).map((a) => a.code);
    handOn.set(def, codes);
  }
  return codes;
}
