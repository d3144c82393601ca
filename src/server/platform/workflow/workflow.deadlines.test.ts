// Deadlines chosen by data: SLA variants by the entering step's fields, start fields, clockFrom, extensions by a fixed period, required attachments.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness';
import type { Ctx } from '../auth/actor';
import { readDefinitionFile, WorkflowRegistry } from './registry';
import { act, appError, citizen, fieldPaths, staffCtx, unitOf, type TestCase } from './workflow.test-helpers';
import { startCase } from './workflow.service';

const registry = new WorkflowRegistry();
const def = registry.register(readDefinitionFile(path.resolve(import.meta.dirname, 'fixtures/test_deadlines.json')));

let t: TestApp;
let leader: Ctx;
let unit: { id: string; path: string };
const vn = (local: string) => new Date(`${local}+07:00`);
const endOf = (date: string) => vn(`${date}T23:59:59.999`);

beforeAll(async () => {
  t = await startTestApp();
  leader = await staffCtx(t, 'lanhdao.anbinh');
  unit = await unitOf(t, '99001');
});
afterAll(() => t.close());

async function open(data: Record<string, unknown>, now: Date, clockFrom?: Date): Promise<TestCase & { dueAt: Date | null }> {
  const id = randomUUID();
  const res = await t.db.transaction((tx) => startCase(tx, citizen, { def, entityType: def.entityType, entityId: id, unitId: unit.id, data, now, clockFrom }));
  return { id, def, unitPath: unit.path, dueAt: res.dueAt };
}

describe('SLA variants', () => {
  it('chooses the initial deadline by the start data, without the afternoon cutoff when the definition says so', async () => {
    // Friday 16:00: with the cutoff this would count from Monday (due the 23rd).
    expect((await open({ track: 'fast' }, vn('2026-03-13T16:00:00'))).dueAt).toEqual(endOf('2026-03-20'));
    // 10 calendar days from 6 February end on the eve of Tết (16th): the period ends on the first working day after Tết.
    expect((await open({ track: 'slow' }, vn('2026-02-06T10:00:00'))).dueAt).toEqual(endOf('2026-02-23'));
  });

  it('counts the initial deadline from clockFrom when the case opens after its event', async () => {
    const c = await open({ track: 'fast' }, vn('2026-03-19T09:00:00'), vn('2026-03-13T10:00:00'));
    expect(c.dueAt).toEqual(endOf('2026-03-20'));
  });

  it('refuses start data that is missing, unknown or out of the options, with paths', async () => {
    const id = randomUUID();
    const bad = (data: Record<string, unknown>) =>
      t.db.transaction((tx) => startCase(tx, citizen, { def, entityType: def.entityType, entityId: id, unitId: unit.id, data, dataPath: 'body.cases.0' }));
    expect(fieldPaths(await appError(bad({}), 400, 'invalid_input'))).toEqual(['body.cases.0.track']);
    expect(fieldPaths(await appError(bad({ track: 'medium', other: 1 }), 400, 'invalid_input'))).toEqual(['body.cases.0.other', 'body.cases.0.track']);
  });

  it('chooses the deadline of an entered state by the action fields: 30, 45 or 60 calendar days, moved past holidays', async () => {
    const at = { now: vn('2026-03-02T10:00:00') };
    const cases: Array<[Record<string, boolean>, string]> = [
      [{ complex: false, remote: false }, '2026-04-01'],
      [{ complex: true, remote: false }, '2026-04-16'],
      [{ complex: false, remote: true }, '2026-04-16'],
      // 1 May is a holiday, then a weekend.
      [{ complex: true, remote: true }, '2026-05-04'],
    ];
    for (const [data, due] of cases) {
      const c = await open({ track: 'fast' }, vn('2026-03-02T08:00:00'));
      expect((await act(t, leader, c, 'accept', { data }, at)).dueAt, JSON.stringify(data)).toEqual(endOf(due));
    }
    const c = await open({ track: 'fast' }, vn('2026-03-02T08:00:00'));
    expect(fieldPaths(await appError(act(t, leader, c, 'accept', { data: { complex: true } }, at), 400, 'invalid_input'))).toEqual(['body.data.remote']);
  });

  it('keeps the running deadline when an action re-enters a state with keepDue (a send-back), instead of counting again', async () => {
    const c = await open({ track: 'fast' }, vn('2026-03-02T08:00:00'));
    await act(t, leader, c, 'accept', { data: { complex: false, remote: false } }, { now: vn('2026-03-02T10:00:00') });
    expect((await act(t, leader, c, 'rework', {}, { now: vn('2026-03-20T10:00:00') })).dueAt).toEqual(endOf('2026-04-01'));
  });

  it('resumes the running deadline after a stopped clock, moved by the working days waited, even into a state with its own rule', async () => {
    const c = await open({ track: 'fast' }, vn('2026-03-02T08:00:00'));
    await act(t, leader, c, 'accept', { data: { complex: false, remote: false } }, { now: vn('2026-03-02T10:00:00') });
    expect((await act(t, leader, c, 'pause', {}, { now: vn('2026-03-10T10:00:00') })).dueAt).toBeNull();
    // Tuesday to Friday: 3 working days waited; the 1 April deadline moves to Monday 6 April (counting again would give 13 April).
    expect((await act(t, leader, c, 'resume', {}, { now: vn('2026-03-13T10:00:00') })).dueAt).toEqual(endOf('2026-04-06'));
  });
});

describe('extensions by a fixed period', () => {
  it('moves the running deadline by 30 calendar days at most twice, each with its decision and document, only before the deadline', async () => {
    const c = await open({ track: 'fast' }, vn('2026-03-02T08:00:00'));
    await act(t, leader, c, 'accept', { data: { complex: false, remote: false } }, { now: vn('2026-03-02T10:00:00') });
    const at = { now: vn('2026-03-25T10:00:00') };
    const missing = await appError(act(t, leader, c, 'extend', {}, at), 400, 'invalid_input');
    expect(fieldPaths(missing)).toEqual(['body.attachments', 'body.data.decisionNumber']);
    const doc = { attachments: [{ fileId: 'f1', name: 'qd-gia-han.pdf' }] };
    const first = await act(t, leader, c, 'extend', { ...doc, data: { decisionNumber: '01/QĐ-GH' } }, at);
    expect(first).toMatchObject({ state: 'working', dueAt: endOf('2026-05-04') });
    const second = await act(t, leader, c, 'extend', { ...doc, data: { decisionNumber: '02/QĐ-GH' } }, { now: vn('2026-05-04T16:00:00') });
    expect(second.dueAt).toEqual(endOf('2026-06-03'));
    const third = await appError(act(t, leader, c, 'extend', { ...doc, data: { decisionNumber: '03/QĐ-GH' } }, { now: vn('2026-05-20T10:00:00') }), 409, 'invalid_transition');
    expect(third.details).toMatchObject({ reason: 'max_times_reached' });
    expect(await act(t, leader, c, 'finish', {}, { now: vn('2026-05-21T10:00:00') })).toMatchObject({ state: 'done', terminal: true });

    const late = await open({ track: 'fast' }, vn('2026-03-02T08:00:00'));
    await act(t, leader, late, 'accept', { data: { complex: false, remote: false } }, { now: vn('2026-03-02T10:00:00') });
    const passed = await appError(act(t, leader, late, 'extend', { ...doc, data: { decisionNumber: '04/QĐ-GH' } }, { now: vn('2026-04-02T08:00:00') }), 409, 'invalid_transition');
    expect(passed.details).toMatchObject({ reason: 'deadline_passed' });
  });

  it('extends by working days across a weekend', async () => {
    const c = await open({ track: 'fast' }, vn('2026-03-13T10:00:00'));
    expect((await act(t, leader, c, 'extend_short', {}, { now: vn('2026-03-16T10:00:00') })).dueAt).toEqual(endOf('2026-03-25'));
  });
});
