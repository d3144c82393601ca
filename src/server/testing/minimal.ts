// Test helper: workflow actions asked for the minimal answer (Prefer: return=minimal), with or without an idempotency key,
// and which transaction wrote a step (actions joined into one statement share it).
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Tx } from '../db/client';
import { queryRows } from '../db/rows';
import type { TestClient } from './harness';

type Act = (client: TestClient, id: string, action: string, body: Record<string, unknown>, headers: Record<string, string>) => Promise<LightMyRequestResponse>;

const MIN = { prefer: 'return=minimal' };

/** `minimal` sends an action for the minimal answer; `okMinimal` expects 200 with `Preference-Applied` and returns the answer. */
export function minimalActions<Ack>(act: Act) {
  const minimal = (client: TestClient, id: string, action: string, body: Record<string, unknown> = {}, key?: string) =>
    act(client, id, action, body, key ? { ...MIN, 'idempotency-key': key } : MIN);
  const okMinimal = async (client: TestClient, id: string, action: string, body: Record<string, unknown> = {}, key?: string): Promise<Ack> => {
    const res = await minimal(client, id, action, body, key);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    expect(res.headers['preference-applied']).toBe('return=minimal');
    return res.json<Ack>();
  };
  return { minimal, okMinimal };
}

/** The transaction that wrote a case's step `seq` (its row's xmin): steps written by one statement share it. */
export async function stepWriter(db: Tx, entityType: string, entityId: string, seq: number): Promise<string | undefined> {
  const [row] = await queryRows<{ x: string }>(db, sql`select xmin::text as x from workflow_steps where entity_type = ${entityType} and entity_id = ${entityId} and seq = ${seq}`);
  return row?.x;
}
