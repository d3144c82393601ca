// The pure rules: role and subtree checks, limits, input checks and deadline flags, without a database.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { WorkingCalendar } from '../calendar/working-days';
import { availableActions, checkInput, dueSoonBefore, dueStatus, mayPerform, refusal, windowEnd } from './engine';
import { parseDefinition } from './definition';
import { readDefinitionFile } from './registry';
import { oneStop } from './workflow.test-helpers';

const vn = (local: string) => new Date(`${local}+07:00`);
const actor = (role: Actor['grants'][number]['role'], unitPath: string): Actor => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'u',
  fullName: 'U',
  unitId: 'x',
  grants: [{ role, unitId: 'x', unitName: 'X', unitPath, unitDepth: unitPath.split('/').length - 3 }],
});

describe('engine rules', () => {
  it('covers the grant unit and everything below it, nothing beside it', () => {
    const accept = oneStop.actions.find((a) => a.code === 'accept')!;
    expect(mayPerform(accept, actor('one_stop_officer', '/p/'), '/p/c1/')).toBe(true);
    expect(mayPerform(accept, actor('one_stop_officer', '/p/c1/'), '/p/c1/')).toBe(true);
    expect(mayPerform(accept, actor('one_stop_officer', '/p/c1/'), '/p/c2/')).toBe(false);
    expect(mayPerform(accept, actor('specialist', '/p/'), '/p/c1/')).toBe(false);
    expect(mayPerform(accept, 'citizen', '/p/c1/')).toBe(false);
    expect(mayPerform(oneStop.actions.find((a) => a.code === 'withdraw')!, 'citizen', '/p/c1/')).toBe(true);
  });

  it('offers stop and withdraw from every active state and nothing from terminal ones', () => {
    const leader = actor('leader', '/p/');
    for (const s of oneStop.states) {
      const codes = availableActions(oneStop, s.code, leader, '/p/c/', []).map((a) => a.code);
      if (s.terminal) expect(codes).toEqual([]);
      else expect(codes).toContain('stop');
    }
    const specialist = actor('specialist', '/p/');
    const assigned = [
      { action: 'assign', dueAt: null, assigneeId: specialist.id },
      { action: 'request_documents', dueAt: null },
    ];
    const offered = availableActions(oneStop, 'processing', specialist, '/p/c/', assigned);
    expect(offered.map((a) => a.code)).toEqual(['forward', 'submit_for_approval', 'extend']);
  });

  it('lets a specialist process only a case assigned to them, until a transfer clears the assignment', () => {
    const specialist = actor('specialist', '/p/');
    const submit = oneStop.actions.find((a) => a.code === 'submit_for_approval')!;
    const mine = [{ action: 'assign', dueAt: null, assigneeId: specialist.id }];
    const someoneElse = [{ action: 'assign', dueAt: null, assigneeId: '00000000-0000-4000-8000-000000000002' }];
    expect(availableActions(oneStop, 'processing', specialist, '/p/c/', mine).map((a) => a.code)).toContain('submit_for_approval');
    expect(availableActions(oneStop, 'processing', specialist, '/p/c/', someoneElse)).toEqual([]);
    expect(availableActions(oneStop, 'processing', specialist, '/p/c/', [...mine, { action: 'forward', dueAt: null }])).toEqual([]);
    // A leader's actions do not depend on the assignment.
    expect(availableActions(oneStop, 'processing', actor('leader', '/p/'), '/p/c/', someoneElse).map((a) => a.code)).toContain('reassign');
    expect(mayPerform(submit, specialist, '/p/c/', null)).toBe(false);
    expect(mayPerform(submit, specialist, '/p/c/', specialist.id)).toBe(true);
  });

  it('hides the extension once the deadline has passed', () => {
    const history = [{ action: 'accept', dueAt: vn('2026-03-20T23:59:59.999') }];
    const codes = (now: string) => availableActions(oneStop, 'processing', actor('leader', '/p/'), '/p/', history, vn(now)).map((a) => a.code);
    expect(codes('2026-03-20T16:00:00')).toContain('extend');
    expect(codes('2026-03-21T00:00:01')).not.toContain('extend');
  });

  it('reports input problems in the user language with their paths', () => {
    const refuse = oneStop.actions.find((a) => a.code === 'refuse')!;
    const out = checkInput(oneStop, refuse, { note: 5 }, 'vi', 'payload');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues.map((i) => i.path)).toEqual(['payload.note']);
    const ok = checkInput(oneStop, refuse, { data: { reason: ' Thiếu ', legalBasis: 'Điều 19 NĐ 118/2025' } }, 'vi');
    expect(ok.ok && ok.value.data).toEqual({ reason: 'Thiếu', legalBasis: 'Điều 19 NĐ 118/2025' });
  });

  it('flags deadlines: on track, due soon within the working-day window, overdue after the due instant', () => {
    const cal = new WorkingCalendar();
    const due = vn('2026-03-20T23:59:59.999'); // a Friday
    expect(dueStatus(due, vn('2026-03-13T09:00:00'), cal)).toBe('on_track');
    expect(dueStatus(due, vn('2026-03-18T09:00:00'), cal)).toBe('due_soon'); // Thu and Fri left
    expect(dueStatus(due, vn('2026-03-17T09:00:00'), cal)).toBe('on_track');
    expect(dueStatus(due, vn('2026-03-17T09:00:00'), cal, { dueSoonDays: 3 })).toBe('due_soon');
    expect(dueStatus(due, vn('2026-03-20T23:00:00'), cal)).toBe('due_soon');
    expect(dueStatus(due, vn('2026-03-21T00:00:00'), cal)).toBe('overdue');
    // The weekend does not count: on Friday before a Monday deadline one working day is left.
    expect(dueStatus(vn('2026-03-23T23:59:59.999'), vn('2026-03-20T10:00:00'), cal, { dueSoonDays: 0 })).toBe('on_track');
  });

  it('gives the due-soon threshold that SQL filters use, in agreement with dueStatus', () => {
    const cal = new WorkingCalendar();
    const now = vn('2026-03-18T09:00:00'); // a Wednesday
    const threshold = dueSoonBefore(cal, now);
    expect(threshold).toEqual(vn('2026-03-23T00:00:00'));
    for (const due of ['2026-03-18', '2026-03-20', '2026-03-22', '2026-03-23', '2026-03-24']) {
      const at = vn(`${due}T23:59:59.999`);
      expect(at < threshold, due).toBe(dueStatus(at, now, cal) === 'due_soon');
    }
  });

  it('agrees with dueStatus when now is on a weekend, a holiday or a swapped working Saturday', () => {
    // 2026-04-30 and 05-01 are holidays (Reunification Day, Labour Day); 2026-03-28 is made a working Saturday.
    const cal = new WorkingCalendar([{ date: '2026-03-28', kind: 'working_day', name: 'Làm bù', legalBasis: null }]);
    const cases: Array<[now: string, threshold: string]> = [
      ['2026-03-21T10:00:00', '2026-03-25'], // Saturday: Mon and Tue are the two working days left → due soon before Wed
      ['2026-03-22T23:30:00', '2026-03-25'], // Sunday night
      ['2026-03-27T16:00:00', '2026-03-31'], // Friday after the afternoon cutoff (which does not apply here): Sat (worked) and Mon → before Tue
      ['2026-03-28T09:00:00', '2026-04-01'], // on the worked Saturday itself: Mon and Tue → before Wed
      ['2026-04-30T09:00:00', '2026-05-06'], // a holiday: Mon 4 and Tue 5 May → before Wed
    ];
    for (const [now, threshold] of cases) {
      const at = vn(now);
      expect(dueSoonBefore(cal, at), now).toEqual(vn(`${threshold}T00:00:00`));
      for (let d = 0; d < 10; d++) {
        const due = new Date(at.getTime() + d * 86_400_000);
        const end = vn(`${due.toISOString().slice(0, 10)}T23:59:59.999`);
        if (end < at) continue;
        expect(end < dueSoonBefore(cal, at), `${now} → due ${end.toISOString()}`).toBe(dueStatus(end, at, cal) === 'due_soon');
      }
    }
  });

  it('refuses an extension by a fixed period when no deadline runs', () => {
    const def = parseDefinition(readDefinitionFile(path.resolve(import.meta.dirname, 'fixtures/test_deadlines.json')));
    const short = def.actions.find((a) => a.code === 'extend_short')!;
    expect(refusal(def, 'open', short, [{ action: 'start', dueAt: null }], vn('2026-03-18T09:00:00'))).toBe('no_deadline');
    expect(refusal(def, 'open', short, [{ action: 'start', dueAt: vn('2026-03-20T23:59:59.999') }], vn('2026-03-18T09:00:00'))).toBeNull();
  });
});

describe('actions after the end', () => {
  const def = parseDefinition({
    code: 'after_end',
    version: 1,
    entityType: 'thing',
    fields: { reason: { type: 'string', label: { vi: 'Lý do', en: 'Reason' } } },
    states: [
      { code: 'open', label: { vi: 'Mở', en: 'Open' } },
      { code: 'done', label: { vi: 'Xong', en: 'Done' }, terminal: true },
    ],
    initialState: 'open',
    actions: [
      { code: 'finish', label: { vi: 'Xong', en: 'Finish' }, from: ['open'], to: 'done', roles: ['leader'] },
      { code: 'note_after', label: { vi: 'Ghi', en: 'Note' }, from: ['done'], to: '$current', roles: ['leader'], afterEnd: true },
      { code: 'reopen', label: { vi: 'Mở lại', en: 'Reopen' }, from: ['done'], to: 'open', roles: ['citizen'], afterEnd: true, within: { amount: 30, unit: 'calendar_days' }, maxTimes: 1 },
    ],
  });
  const ended = [
    { action: 'start', dueAt: null, at: vn('2026-03-01T09:00:00'), fromState: null, toState: 'open' },
    { action: 'finish', dueAt: null, at: vn('2026-03-02T16:00:00'), fromState: 'open', toState: 'done' },
  ];
  const reopen = def.actions.find((a) => a.code === 'reopen')!;

  it('leaves a terminal state only by an afterEnd action, within its window counted from the step that entered the state', () => {
    expect(refusal(def, 'done', def.actions.find((a) => a.code === 'finish')!, ended, vn('2026-03-03T09:00:00'))).toBe('terminal_state');
    expect(availableActions(def, 'done', actor('leader', '/p/'), '/p/c/', ended, vn('2026-03-03T09:00:00')).map((a) => a.code)).toEqual(['note_after']);
    expect(windowEnd(reopen, ended)).toEqual(vn('2026-04-01T23:59:59.999'));
    // A step that keeps the state does not restart the window.
    const noted = [...ended, { action: 'note_after', dueAt: null, at: vn('2026-03-20T09:00:00'), fromState: 'done', toState: 'done' }];
    expect(windowEnd(reopen, noted)).toEqual(vn('2026-04-01T23:59:59.999'));
    expect(refusal(def, 'done', reopen, noted, vn('2026-04-01T23:59:00'))).toBeNull();
    expect(refusal(def, 'done', reopen, noted, vn('2026-04-02T00:00:00'))).toBe('window_closed');
    expect(refusal(def, 'open', reopen, [...ended, { action: 'reopen', dueAt: null, at: vn('2026-03-05T09:00:00'), fromState: 'done', toState: 'open' }], vn('2026-03-06T09:00:00'))).toBe('not_from_state');
  });

  it('refuses an afterEnd action without a terminal state to leave', () => {
    expect(() =>
      parseDefinition({
        ...def,
        actions: [...def.actions, { code: 'odd', label: { vi: 'X', en: 'X' }, from: ['open'], to: '$current', roles: ['leader'], afterEnd: true }],
      }),
    ).toThrow(/afterEnd needs at least one terminal state/);
  });
});
