// Idempotency keys through a test-only route on a separate app: replay, reuse, failures, concurrent retries, scopes and purge.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditLog, idempotencyKeys, staff } from '../db/schema';
import { startTestApp, type TestApp } from '../testing/harness';
import { loadActor, type Actor } from './auth/actor';
import { recordAudit } from './audit/audit';
import { installErrorHandler } from './error-handler';
import { errors } from './errors';
import { countKeys, idempotent, type HandlerResult, purgeIdempotencyKeys, requestHash } from './idempotency';

let t: TestApp;
let app: FastifyInstance;
const actors = new Map<string, Actor>();
let failNext: 'throw' | 'status' | null = null;
let gate: Promise<void> | null = null;
let entered: () => void = () => {};

beforeAll(async () => {
  t = await startTestApp();
  for (const username of ['motcua.anbinh', 'chuyenvien.anbinh']) {
    const [row] = await t.db.select({ id: staff.id }).from(staff).where(eq(staff.username, username));
    const actor = row && (await loadActor(t.db, row.id));
    if (actor) actors.set(username, actor);
  }
  const db = t.db;
  const a = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  installErrorHandler(a);
  a.decorateRequest('actor', null);
  a.addHook('onRequest', async (req) => {
    const who = req.headers['x-test-staff'];
    req.actor = (typeof who === 'string' && actors.get(who)) || null;
  });
  a.post(
    '/t/notes',
    { schema: { body: z.object({ text: z.string(), n: z.number().optional() }), headers: z.object({ 'x-scope': z.string().optional() }).loose() } },
    async (req, reply) =>
      idempotent(
        db,
        req,
        reply,
        async (tx): Promise<HandlerResult<unknown>> => {
          // The action: one audit entry, so the test can count how many times it ran.
          await recordAudit(tx, { actor: req.actor, requestId: req.id, ip: req.ip }, { action: 'test.note', entityType: 'test_note', after: { text: req.body.text } });
          if (gate) {
            entered();
            await gate;
          }
          const fail = failNext;
          failNext = null;
          if (fail === 'throw') throw errors.badRequest('broken', 'hỏng', 'broken');
          if (fail === 'status') return { status: 503, body: { error: 'try later' } };
          return { status: 201, body: { id: randomUUID(), text: req.body.text, at: new Date() } };
        },
        req.headers['x-scope'] ? { scope: String(req.headers['x-scope']) } : {},
      ),
  );
  await a.ready();
  app = a;
});
afterAll(async () => {
  await app.close();
  await t.close();
});
beforeEach(() => {
  failNext = null;
  gate = null;
});

function post(body: unknown, key: string | null, who: string | null = 'motcua.anbinh', scope?: string): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/t/notes',
    payload: body as Record<string, unknown>,
    headers: { ...(key ? { 'idempotency-key': key } : {}), ...(who ? { 'x-test-staff': who } : {}), ...(scope ? { 'x-scope': scope } : {}) },
  });
}

async function timesActed(text: string): Promise<number> {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'test.note'), sql`${auditLog.after}->>'text' = ${text}`));
  return row?.n ?? 0;
}

const key = () => `k-${randomUUID()}`;

describe('idempotency keys', () => {
  it('replays the stored answer for a retry and acts once', async () => {
    const k = key();
    const first = await post({ text: 'replay', n: 1 }, k);
    expect(first.statusCode).toBe(201);
    const again = await post({ n: 1, text: 'replay' }, k); // same request, keys in another order
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await timesActed('replay')).toBe(1);
    // The stored answer is sealed: its text is not in the table in clear.
    const [row] = await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, k));
    expect(row?.statusCode).toBe(201);
    expect(JSON.stringify(row?.response)).toMatch(/^\{"sealed":"v1\./);
    expect(JSON.stringify(row)).not.toContain('replay');
  });

  it('refuses the same key with a different request (422) and keeps keys apart per sender', async () => {
    const k = key();
    expect((await post({ text: 'reuse-a' }, k)).statusCode).toBe(201);
    const other = await post({ text: 'reuse-b' }, k);
    expect(other.statusCode).toBe(422);
    expect(other.json<{ error: { code: string } }>().error.code).toBe('idempotency_key_reused');
    expect((await post({ text: 'reuse-b' }, k, 'chuyenvien.anbinh')).statusCode).toBe(201);
    expect((await post({ text: 'reuse-b' }, k, null, 'citizen:abc')).statusCode).toBe(201);
    expect(await timesActed('reuse-b')).toBe(2);
  });

  it('stores no success for a failed request, so a retry acts', async () => {
    const k = key();
    failNext = 'throw';
    const failed = await post({ text: 'fail-throw' }, k);
    expect(failed.statusCode).toBe(400);
    expect(await timesActed('fail-throw')).toBe(0); // rolled back with the transaction
    expect((await post({ text: 'fail-throw' }, k)).statusCode).toBe(201);
    expect(await timesActed('fail-throw')).toBe(1);

    const k2 = key();
    failNext = 'status';
    expect((await post({ text: 'fail-status' }, k2)).statusCode).toBe(503);
    const retry = await post({ text: 'fail-status' }, k2);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('answers 409 for a claim left by the former two-step scheme, and stores nothing for a failed request', async () => {
    // Keys written before the upgrade may hold a claim without an answer: a retry neither acts nor replays.
    const scope = 'citizen:inflight';
    const k = key();
    const hash = requestHash('POST', '/t/notes', { text: 'inflight' });
    await t.db.insert(idempotencyKeys).values({ scope, key: k, requestHash: hash, createdAt: new Date() });
    const busy = await post({ text: 'inflight' }, k, null, scope);
    expect(busy.statusCode).toBe(409);
    expect(busy.json<{ error: { code: string } }>().error.code).toBe('idempotency_in_progress');
    expect(await timesActed('inflight')).toBe(0);
    expect(await countKeys(t.db, scope)).toBe(1);
  });

  it('makes two concurrent requests with one key on PostgreSQL act once: the later to store the key rolls its work back and replays', async () => {
    if (t.database.engine !== 'postgres') return; // PGlite runs one transaction at a time
    const k = key();
    let open: () => void = () => {};
    gate = new Promise((r) => (open = r));
    const inside = new Promise<void>((r) => (entered = r));
    const first = post({ text: 'concurrent' }, k);
    await inside;
    // The retry runs while the first waits at the gate, before its key is stored; then the first goes on.
    let secondInside: () => void = () => {};
    const reached = new Promise<void>((r) => (secondInside = r));
    entered = secondInside;
    gate = Promise.resolve();
    const second = post({ text: 'concurrent' }, k);
    await reached;
    open();
    const [a, b] = await Promise.all([first, second]);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    // Whichever stores the key first wins (the second passes the gate and may commit first): the other replays its answer.
    expect([a, b].map((r) => r.headers['idempotent-replayed'] ?? 'acted').sort()).toEqual(['acted', 'true']);
    expect(b.json()).toEqual(a.json());
    expect(await timesActed('concurrent')).toBe(1);
  });

  it('rejects malformed keys and keys without a sender, and acts every time without a key', async () => {
    for (const bad of ['short', 'has space here', 'x'.repeat(101), 'ünïcödé-key']) {
      const res = await post({ text: 'bad' }, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('invalid_idempotency_key');
    }
    expect((await post({ text: 'anon' }, key(), null)).json<{ error: { code: string } }>().error.code).toBe('idempotency_scope_missing');
    await post({ text: 'nokey' }, null);
    await post({ text: 'nokey' }, null);
    expect(await timesActed('nokey')).toBe(2);
  });

  it('purges keys older than 24 hours', async () => {
    const scope = `purge:${randomUUID()}`;
    const now = new Date();
    await t.db.insert(idempotencyKeys).values([
      { scope, key: 'old-key-1', requestHash: 'h', statusCode: 201, response: {}, createdAt: new Date(now.getTime() - 25 * 3_600_000) },
      { scope, key: 'new-key-1', requestHash: 'h', statusCode: 201, response: {}, createdAt: new Date(now.getTime() - 23 * 3_600_000) },
    ]);
    expect(await purgeIdempotencyKeys(t.db, now)).toBeGreaterThanOrEqual(1);
    expect(await countKeys(t.db, scope)).toBe(1);
  });
});
