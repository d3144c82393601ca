// Test helper: workflow actions asked for the minimal answer (Prefer: return=minimal), with or without an idempotency key.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
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
