// Keeps loaded workflow definitions by code; modules register their JSON files at start-up.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { parseDefinition, WorkflowDefinitionError, type WorkflowDefinition } from './definition';

export class WorkflowRegistry {
  private readonly defs = new Map<string, WorkflowDefinition>();

  /** Validates and stores a definition; a second definition with the same code is a mistake, not an update. */
  register(raw: unknown, source?: string): WorkflowDefinition {
    const def = parseDefinition(raw, source);
    if (this.defs.has(def.code)) throw new WorkflowDefinitionError(source ?? def.code, [`code "${def.code}" is already registered`]);
    this.defs.set(def.code, def);
    return def;
  }

  has(code: string): boolean {
    return this.defs.has(code);
  }

  /** The definition, or a 404 when a record names a workflow nobody registered. */
  get(code: string): WorkflowDefinition {
    const def = this.defs.get(code);
    if (!def) throw new AppError('workflow_not_found', 404, `Không tìm thấy quy trình ${code}`, `No workflow ${code}`);
    return def;
  }

  codes(): string[] {
    return [...this.defs.keys()].sort();
  }
}

/** Reads and validates one JSON definition file. */
export function readDefinitionFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new WorkflowDefinitionError(file, [`cannot read JSON: ${err instanceof Error ? err.message : String(err)}`]);
  }
}

/** Registers every `*.json` file of a folder (sorted, so errors come in a stable order); all problems of all files in one error. */
export function registerDirectory(registry: WorkflowRegistry, dir: string): WorkflowDefinition[] {
  const problems: string[] = [];
  const loaded: WorkflowDefinition[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    try {
      loaded.push(registry.register(readDefinitionFile(file), file));
    } catch (err) {
      if (!(err instanceof WorkflowDefinitionError)) throw err;
      problems.push(...err.problems.map((p) => `${name}: ${p}`));
    }
  }
  if (problems.length) throw new WorkflowDefinitionError(dir, problems);
  return loaded;
}

/** The process-wide registry the modules fill at start-up. */
export const workflows = new WorkflowRegistry();
