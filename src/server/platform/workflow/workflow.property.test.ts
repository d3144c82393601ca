// Property: over random action sequences by random people, the engine keeps a known state, a gapless seq and dead terminal states.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness';
import { AppError } from '../errors';
import { availableActions, mayPerform, type Performer } from './engine';
import { act, citizen, newCase, review, staffCtx, unitOf } from './workflow.test-helpers';
import { history, type WorkflowCtx } from './workflow.service';

let t: TestApp;
let people: WorkflowCtx[];
let unitId: string;

beforeAll(async () => {
  t = await startTestApp();
  people = [citizen];
  for (const u of ['motcua.anbinh', 'chuyenvien.anbinh', 'lanhdao.anbinh', 'motcua.binhminh']) people.push(await staffCtx(t, u));
  unitId = (await unitOf(t, '99001')).id;
});
afterAll(() => t.close());

/** A valid input for each action of the test workflow, so that refusals can only come from grants, states and limits. */
function inputFor(action: string): Record<string, unknown> {
  switch (action) {
    case 'ask':
      return { data: { question: 'Bổ sung gì?' } };
    case 'move':
      return { toUnitId: unitId };
    case 'decide':
      return { note: 'ok', data: { decisionDate: '2026-03-02' } };
    case 'extend':
      return { dueOverride: '2199-12-31' };
    case 'cancel':
      return { note: 'huỷ' };
    default:
      return {};
  }
}

const performer = (ctx: WorkflowCtx): Performer => ctx.actor ?? 'citizen';

describe('workflow property', () => {
  it('keeps the state known, the seq gapless and terminal states closed', async () => {
    const codes = review.actions.map((a) => a.code);
    const states = review.states.map((s) => s.code);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ who: fc.nat({ max: 4 }), action: fc.constantFrom(...codes) }), { minLength: 1, maxLength: 10 }),
        async (moves) => {
          const c = await newCase(t, citizen, review, '99001');
          let state = review.initialState;
          for (const m of moves) {
            const ctx = people[m.who] ?? citizen;
            const steps = await history(t.db, review.entityType, c.id);
            const offered = availableActions(review, state, performer(ctx), c.unitPath, steps).map((a) => a.code);
            try {
              const res = await act(t, ctx, c, m.action, inputFor(m.action));
              expect(offered).toContain(m.action);
              expect(res.previousState).toBe(state);
              state = res.state;
            } catch (err) {
              if (!(err instanceof AppError)) throw err;
              expect([403, 409]).toContain(err.status);
              expect(offered).not.toContain(m.action);
            }
            expect(states).toContain(state);
          }
          const steps = await history(t.db, review.entityType, c.id);
          expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i + 1));
          expect(steps.at(-1)?.toState).toBe(state);
          if (review.states.find((s) => s.code === state)?.terminal) {
            for (const p of people) expect(availableActions(review, state, performer(p), c.unitPath, steps)).toEqual([]);
            // The leader holds most roles: refused for the state (409), or for the role before the state is even looked at (403).
            const leader = people[3] ?? citizen;
            for (const a of review.actions) {
              const status = mayPerform(a, performer(leader), c.unitPath) ? 409 : 403;
              await expect(act(t, leader, c, a.code, inputFor(a.code))).rejects.toMatchObject({ status });
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
