// Loads the letter workflow definitions (JSON files beside this one) once, and names the workflow of each letter type.
import path from 'node:path';
import type { LetterType } from '../../../common/letters.schema';
import type { WorkflowDefinition } from '../../platform/workflow/definition';
import { registerDirectory, workflows } from '../../platform/workflow/registry';

const DIR = path.resolve(import.meta.dirname, 'workflows');
export const LETTER_ENTITY = 'letter';
export const CASE_ENTITY = 'letter_case';
export const INTAKE_WORKFLOW = 'letter_intake';
let loaded = false;

/** Called at start-up by the routes plugin: a broken definition stops the server with every problem listed. */
export function loadLetterWorkflows(): void {
  if (loaded) return;
  registerDirectory(workflows, DIR);
  loaded = true;
}

export function letterWorkflow(code: string): WorkflowDefinition {
  loadLetterWorkflows();
  return workflows.get(code);
}

/** Each type of content runs its own definition: `letter_complaint`, `letter_denunciation`, ... */
export function workflowOfType(type: LetterType): WorkflowDefinition {
  return letterWorkflow(`letter_${type}`);
}

/** Non-terminal states of the case workflows: the ones a deadline still runs in. */
export function activeCaseStates(): string[] {
  loadLetterWorkflows();
  const out = new Set<string>();
  for (const code of workflows.codes()) {
    const def = workflows.get(code);
    if (def.entityType === CASE_ENTITY) for (const s of def.states) if (!s.terminal) out.add(s.code);
  }
  return [...out];
}
