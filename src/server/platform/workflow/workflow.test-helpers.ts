// Test-only helpers of the workflow tests: demo actors as contexts, the shipped definitions, a case started in one call.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { staff, units } from '../../db/schema';
import type { TestApp } from '../../testing/harness';
import { loadActor, type Ctx } from '../auth/actor';
import { AppError } from '../errors';
import type { WorkflowDefinition } from './definition';
import { readDefinitionFile, registerDirectory, WorkflowRegistry } from './registry';
import { startCase, transition, type CitizenCtx, type TransitionArgs, type TransitionResult, type WorkflowCtx } from './workflow.service';

export const registry = new WorkflowRegistry();
registerDirectory(registry, path.resolve(import.meta.dirname, '../../modules/dossiers/workflows'));
registry.register(readDefinitionFile(path.resolve(import.meta.dirname, 'fixtures/test_review.json')));
export const oneStop = registry.get('one_stop_standard');
export const review = registry.get('test_review');

export async function staffCtx(t: TestApp, username: string): Promise<Ctx> {
  const [row] = await t.db.select({ id: staff.id }).from(staff).where(eq(staff.username, username));
  const actor = row ? await loadActor(t.db, row.id) : undefined;
  if (!actor) throw new Error(`no demo staff ${username}`);
  return { actor, requestId: `test-${username}`, ip: '127.0.0.1', lang: 'en' };
}

export const citizen: CitizenCtx = { actor: null, citizen: { label: 'Nguyễn Văn Dân' }, requestId: 'test-citizen', ip: '127.0.0.1', lang: 'en' };

export async function unitOf(t: TestApp, code: string): Promise<{ id: string; path: string }> {
  const [u] = await t.db.select({ id: units.id, path: units.path }).from(units).where(eq(units.code, code));
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}

export interface TestCase {
  id: string;
  def: WorkflowDefinition;
  unitPath: string;
}

export async function newCase(
  t: TestApp,
  ctx: WorkflowCtx,
  def: WorkflowDefinition,
  unitCode: string,
  opts: { agencyCode?: string; now?: Date; params?: Record<string, number> } = {},
): Promise<TestCase & { result: TransitionResult }> {
  const unit = await unitOf(t, unitCode);
  const id = randomUUID();
  const agencyId = opts.agencyCode ? await t.agencyId(opts.agencyCode) : null;
  const result = await t.db.transaction((tx) =>
    startCase(tx, ctx, { def, entityType: def.entityType, entityId: id, unitId: unit.id, agencyId, now: opts.now, params: opts.params }),
  );
  return { id, def, unitPath: unit.path, result };
}

export function act(
  t: TestApp,
  ctx: WorkflowCtx,
  c: TestCase,
  action: string,
  input: TransitionArgs['input'] = {},
  extra: Partial<TransitionArgs> = {},
): Promise<TransitionResult> {
  return t.db.transaction((tx) =>
    transition(tx, ctx, { def: c.def, entityType: c.def.entityType, entityId: c.id, caseUnitPath: c.unitPath, action, input, ...extra }),
  );
}

/** Awaits a rejection and returns the AppError, checking its status and code. */
export async function appError(p: Promise<unknown>, status: number, code: string): Promise<AppError> {
  const err: unknown = await p.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  expect({ status: e.status, code: e.code, details: e.details }).toMatchObject({ status, code });
  return e;
}

export function fieldPaths(err: AppError): string[] {
  const fields = (err.details as { fields?: Array<{ path: string }> } | undefined)?.fields ?? [];
  return [...new Set(fields.map((f) => f.path))].sort();
}
