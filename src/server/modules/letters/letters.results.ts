// The result a case's handling ended with, by the action that ended it: one table for the case row (letters.actions.ts) and the statistics' SQL over the steps (stats/stats.asof.ts).

/** Where an action's result comes from: a field of its step (`field`, kept when it holds a string) or the fact itself (`value`). */
export type ResultRule = { readonly field: string } | { readonly value: string };

/** The actions that end a case with a result: the decision or conclusion (its `result` field), the answer, the withdrawal. */
export const RESULT_OF_ACTION: Readonly<Record<string, ResultRule>> = {
  resolve: { field: 'result' },
  conclude: { field: 'result' },
  answer: { value: 'answered' },
  withdraw: { value: 'withdrawn' },
};

/** The result a step of `action` with the fields `data` records, or null (no result, or the field is not a string). */
export function resultOf(action: string, data: Record<string, unknown>): string | null {
  if (!Object.hasOwn(RESULT_OF_ACTION, action)) return null;
  const rule = RESULT_OF_ACTION[action];
  if (!rule) return null;
  if ('value' in rule) return rule.value;
  const v = data[rule.field];
  return typeof v === 'string' ? v : null;
}
