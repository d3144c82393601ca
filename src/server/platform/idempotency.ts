// Idempotency keys: a retried state-changing request with the same `Idempotency-Key` replays the first answer instead of acting twice.
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/client';
import { prepared } from '../db/prepared';
import { idempotencyKeys } from '../db/schema';
import { AppError, errors } from './errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,100}$/;
/** Keys are kept a day: long enough for any client retry, short enough to keep the table small. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/**
 * A claim older than this with no answer belongs to a request that died (process killed between
 * claim and commit): a retry may take it over. The taken-over request, if still alive, cannot
 * commit, because its final write checks that it still holds the claim.
 */
export const IN_FLIGHT_LEASE_MS = 60_000;

export const idempotencyErrors = {
  invalidKey: () =>
    errors.badRequest(
      'invalid_idempotency_key',
      'Khoá Idempotency-Key phải có 8–100 ký tự chữ, số, gạch ngang hoặc gạch dưới',
      'The Idempotency-Key must be 8–100 characters of letters, digits, "-" or "_"',
    ),
  noScope: () =>
    errors.badRequest('idempotency_scope_missing', 'Không xác định được người gửi khoá', 'An idempotency key needs a signed-in sender'),
  reused: () =>
    new AppError(
      'idempotency_key_reused',
      422,
      'Khoá Idempotency-Key đã được dùng cho một yêu cầu khác',
      'This Idempotency-Key was already used for a different request',
    ),
  inProgress: () =>
    errors.conflict('idempotency_in_progress', 'Yêu cầu với khoá này đang được xử lý', 'A request with this Idempotency-Key is still in progress'),
};

/** What a handler answers: stored as is and replayed for a retry. */
export interface HandlerResult<T> {
  status: number;
  body: T;
}

export interface IdempotencyOptions {
  /** Who the key belongs to; defaults to the signed-in staff member. Citizens' routes pass their own (e.g. `citizen:<id>`). */
  scope?: string;
  now?: () => Date;
}

/** JSON with sorted keys, so that `{a,b}` and `{b,a}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${url}\n${canonical(body)}`).digest('hex');
}

type KeyRow = typeof idempotencyKeys.$inferSelect;

const claimQuery = (db: Tx) =>
  db
    .insert(idempotencyKeys)
    .values({ scope: sql.placeholder('scope'), key: sql.placeholder('key'), requestHash: sql.placeholder('hash'), createdAt: sql.placeholder('now') })
    .onConflictDoNothing()
    .returning({ createdAt: idempotencyKeys.createdAt });

/** Claims the key (committed at once, so a concurrent retry sees it in flight), or answers from the stored row. */
async function claim(db: Db, scope: string, key: string, hash: string, now: Date): Promise<{ claimedAt: Date } | { row: KeyRow }> {
  // Every write of a signed-in user starts here: a prepared statement, built and planned once.
  const insert = prepared(db, 'idempotency_claim', (d) => claimQuery(d).prepare('idempotency_claim')) ?? claimQuery(db);
  const [inserted] = await insert.execute({ scope, key, hash, now });
  if (inserted) return { claimedAt: inserted.createdAt };
  const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  // Gone between the insert and the select (a failed first request released it): try once more.
  if (!row) return claim(db, scope, key, hash, now);
  if (row.requestHash !== hash) throw idempotencyErrors.reused();
  if (row.statusCode !== null) return { row };
  if (now.getTime() - row.createdAt.getTime() < IN_FLIGHT_LEASE_MS) throw idempotencyErrors.inProgress();
  const [taken] = await db
    .update(idempotencyKeys)
    .set({ createdAt: now })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.statusCode), eq(idempotencyKeys.createdAt, row.createdAt)))
    .returning({ createdAt: idempotencyKeys.createdAt });
  if (!taken) throw idempotencyErrors.inProgress();
  return { claimedAt: taken.createdAt };
}

function ownClaim(scope: string, key: string, claimedAt: Date) {
  return and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.statusCode), eq(idempotencyKeys.createdAt, claimedAt));
}

/**
 * Runs a state-changing handler at most once per key. The handler gets a transaction: do every
 * write in it. On a 2xx/3xx answer the key row is completed with the status and body in that same
 * transaction, so the action and the stored answer commit together or not at all. A thrown error
 * or a 4xx/5xx answer releases the key, so a retry acts again. Without the header the handler
 * simply runs in a transaction. Returns the status and body to send (also replayed ones).
 */
export async function runIdempotent<T>(
  db: Db,
  req: FastifyRequest,
  opts: IdempotencyOptions,
  handler: (tx: Tx) => Promise<HandlerResult<T>>,
): Promise<HandlerResult<T> & { replayed: boolean }> {
  const header = req.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return { ...(await db.transaction(handler)), replayed: false };
  if (typeof header !== 'string' || !KEY_FORMAT.test(header)) throw idempotencyErrors.invalidKey();
  const scope = opts.scope ?? (req.actor ? `staff:${req.actor.id}` : null);
  if (!scope) throw idempotencyErrors.noScope();
  const now = opts.now?.() ?? new Date();
  const hash = requestHash(req.method, req.url, req.body);
  const claimed = await claim(db, scope, header, hash, now);
  if ('row' in claimed) return { status: claimed.row.statusCode ?? 200, body: claimed.row.response as T, replayed: true };

  const release = () => db.delete(idempotencyKeys).where(ownClaim(scope, header, claimed.claimedAt));
  let result: HandlerResult<T>;
  try {
    result = await db.transaction(async (tx) => {
      const out = await handler(tx);
      if (out.status >= 400) return out;
      // Stored as the JSON the client receives (dates become strings), so a replay is byte-for-byte the same data.
      const stored: unknown = out.body === undefined ? null : JSON.parse(JSON.stringify(out.body));
      const done = await tx
        .update(idempotencyKeys)
        .set({ statusCode: out.status, response: stored })
        .where(ownClaim(scope, header, claimed.claimedAt))
        .returning({ key: idempotencyKeys.key });
      // The claim expired and a retry took it over: roll this action back rather than act twice.
      if (!done.length) throw idempotencyErrors.inProgress();
      return out;
    });
  } catch (err) {
    await release();
    throw err;
  }
  if (result.status >= 400) await release();
  return { ...result, replayed: false };
}

/** `runIdempotent` for a Fastify route: sends the answer (with `Idempotent-Replayed: true` for a replay). */
export async function idempotent<T>(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  handler: (tx: Tx) => Promise<HandlerResult<T>>,
  opts: IdempotencyOptions = {},
): Promise<FastifyReply> {
  const out = await runIdempotent(db, req, opts, handler);
  if (out.replayed) reply.header(REPLAYED_HEADER, 'true');
  return reply.status(out.status).send(out.body);
}

/** Deletes keys older than the TTL (a daily job); returns how many went. */
export async function purgeIdempotencyKeys(db: Tx, now: Date = new Date(), ttlMs: number = IDEMPOTENCY_TTL_MS): Promise<number> {
  const cutoff = new Date(now.getTime() - ttlMs);
  const gone = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ key: idempotencyKeys.key });
  return gone.length;
}

/** For tests and diagnostics: how many keys a scope holds. */
export async function countKeys(db: Tx, scope: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(idempotencyKeys).where(eq(idempotencyKeys.scope, scope));
  return row?.n ?? 0;
}
