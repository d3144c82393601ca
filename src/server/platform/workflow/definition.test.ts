// The definition loader: the shipped definitions load, and every kind of mistake is reported, all at once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDefinition, WorkflowDefinitionError, type WorkflowDefinition } from './definition';
import { readDefinitionFile, registerDirectory, WorkflowRegistry } from './registry';

const DOSSIER_WORKFLOWS = path.resolve(import.meta.dirname, '../../modules/dossiers/workflows');
const TEST_REVIEW = path.resolve(import.meta.dirname, 'fixtures/test_review.json');
const TEST_DEADLINES = path.resolve(import.meta.dirname, 'fixtures/test_deadlines.json');

function base(): WorkflowDefinition {
  return structuredClone(parseDefinition(readDefinitionFile(TEST_REVIEW)));
}

function problemsOf(raw: unknown): string[] {
  try {
    parseDefinition(raw, 'test');
  } catch (err) {
    if (err instanceof WorkflowDefinitionError) return err.problems;
    throw err;
  }
  return [];
}

describe('workflow definitions', () => {
  it('loads the one-stop workflows and the test workflow into a registry', () => {
    const reg = new WorkflowRegistry();
    const loaded = registerDirectory(reg, DOSSIER_WORKFLOWS);
    expect(loaded.map((d) => d.code).sort()).toEqual(['one_stop_commune', 'one_stop_standard']);
    reg.register(readDefinitionFile(TEST_REVIEW));
    expect(reg.codes()).toEqual(['one_stop_commune', 'one_stop_standard', 'test_review']);
    const def = reg.get('one_stop_standard');
    expect(def.actions.find((a) => a.code === 'request_documents')?.maxTimes).toBe(1);
    expect(() => reg.register(readDefinitionFile(TEST_REVIEW))).toThrow(/already registered/);
    expect(() => reg.get('nope')).toThrow(/No workflow nope/);
  });

  it('reports schema errors with their paths', () => {
    const def = base() as unknown as Record<string, unknown>;
    const problems = problemsOf({ ...def, version: 0, states: [{ code: 'Bad Code', label: { vi: 'x' } }], extra: true });
    expect(problems.some((p) => p.startsWith('version:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('states.0.code:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('states.0.label.en:'))).toBe(true);
    expect(problems.some((p) => p.includes('extra'))).toBe(true);
  });

  it('refuses an unknown role', () => {
    const def = base();
    (def.actions[0] as { roles: string[] }).roles = ['janitor'];
    expect(problemsOf(def).some((p) => p.startsWith('actions.0.roles.0'))).toBe(true);
  });

  it('lists unknown states, duplicates, terminal exits, unreachable states and undeclared fields together', () => {
    const def = base();
    def.states.push({ code: 'open', label: { vi: 'a', en: 'a' } });
    def.states.push({ code: 'orphan', label: { vi: 'b', en: 'b' } });
    def.actions.push({ ...def.actions[0]!, code: 'take' });
    def.actions.push({ code: 'ghost', label: { vi: 'c', en: 'c' }, from: ['nowhere', 'done'], to: 'limbo', roles: ['leader'], requiredFields: ['missing'] });
    const problems = problemsOf(def);
    expect(problems).toEqual(
      expect.arrayContaining([
        'duplicate state code "open"',
        'duplicate action code "take"',
        'action "ghost": unknown from state "nowhere"',
        'action "ghost": terminal state "done" has an outgoing action',
        'action "ghost": unknown to state "limbo"',
        'action "ghost": field "missing" is not declared in "fields"',
        'state "orphan" is unreachable from "open"',
      ]),
    );
    expect(problems.length).toBe(7);
  });

  it('checks the initial state and field specs', () => {
    const def = base();
    def.initialState = 'done';
    def.fields = { ...def.fields, bad: { type: 'number', label: { vi: 'x', en: 'x' }, min: 5, max: 1, options: ['a'] } };
    const problems = problemsOf(def);
    expect(problems).toContain('initialState "done" is terminal');
    expect(problems).toContain('field "bad": min is greater than max');
    expect(problems).toContain('field "bad": options apply to string fields only');
    expect(problemsOf({ ...base(), initialState: 'nope' })).toContain('initialState "nope" is not a state');
  });

  it('refuses an action that assigns a case to a state no staff action leaves (whoever it names could not act)', () => {
    const def = base();
    const take = def.actions.find((a) => a.code === 'take');
    if (take) take.to = 'done';
    expect(problemsOf(def)).toContain('action "take": assigns from "open", but no staff action leaves the state it leads to');
    expect(problemsOf(base())).toEqual([]);
  });

  it('names the file and every problem of a folder in one error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wf-'));
    writeFileSync(path.join(dir, 'a.json'), '{ not json');
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ ...base(), initialState: 'nope' }));
    let error: unknown;
    try {
      registerDirectory(new WorkflowRegistry(), dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(WorkflowDefinitionError);
    const problems = (error as WorkflowDefinitionError).problems;
    expect(problems.some((p) => p.startsWith('a.json: cannot read JSON'))).toBe(true);
    expect(problems).toContain('b.json: initialState "nope" is not a state');
  });

  it('checks SLA variants: known finite fields, valid values, required by every entering action, every combination covered', () => {
    const def = structuredClone(parseDefinition(readDefinitionFile(TEST_DEADLINES)));
    expect(problemsOf(def)).toEqual([]);
    const working = def.states.find((s) => s.code === 'working')!;
    working.sla = {
      variants: [
        { when: { complex: false, remote: false }, amount: 30, unit: 'calendar_days' },
        { when: { complex: 'yes', decisionNumber: 'x' }, amount: 45, unit: 'calendar_days' },
        { when: { ghost: true }, amount: 45, unit: 'calendar_days' },
      ],
    };
    def.actions.find((a) => a.code === 'accept')!.requiredFields = ['complex'];
    def.startFields = ['track', 'nope'];
    def.actions.find((a) => a.code === 'extend_short')!.to = 'working';
    expect(problemsOf(def)).toEqual(
      expect.arrayContaining([
        'startFields: field "nope" is not declared in "fields"',
        'state "working" sla: variant field "decisionNumber" must be a declared boolean field or string field with options',
        'state "working" sla: variant field "ghost" must be a declared boolean field or string field with options',
        'state "working" sla: variant 1 value "yes" is not a value of "complex"',
        'state "working" sla: action "accept" enters it without requiring "remote"',
        'action "extend_short": extendBy needs to "$current"',
      ]),
    );

    const uncovered = structuredClone(parseDefinition(readDefinitionFile(TEST_DEADLINES)));
    const sla = uncovered.states.find((s) => s.code === 'working')!.sla as { variants: unknown[] };
    sla.variants.pop();
    expect(problemsOf(uncovered)).toEqual([
      'state "working" sla: no variant for {"complex":true,"remote":false}',
      'state "working" sla: no variant for {"complex":false,"remote":true}',
    ]);
    const noStart = structuredClone(parseDefinition(readDefinitionFile(TEST_DEADLINES)));
    delete noStart.startFields;
    expect(problemsOf(noStart)).toEqual(['state "open" sla: "track" is not among startFields']);
    const both = structuredClone(parseDefinition(readDefinitionFile(TEST_DEADLINES)));
    both.actions.find((a) => a.code === 'extend')!.dueOverride = 'required';
    expect(problemsOf(both)).toEqual(['action "extend": extendBy and dueOverride exclude each other']);
  });
});
