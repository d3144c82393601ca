// Idempotency keys: a retried state-changing request with the same `Idempotency-Key` replays the first answer instead of acting twice.
import { createHash } from 'node:crypto';
import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/client';
import { compiled, runCompiled } from '../db/compiled';
import { idempotencyKeys } from '../db/schema';
import { identityKey } from './crypto/identity-key';
import { seal, unseal } from './crypto/sealed';
import { AppError, errors } from './errors';
import type { Alongside } from './workflow/workflow.record';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,100}$/;
/** Keys are kept a day: long enough for any client retry, short enough to keep the table small. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

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
  /** What a retry must repeat, when it is not the parsed body (a multipart form: its fields and the digests of its files). */
  request?: unknown;
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

const storeQuery = (db: Tx) =>
  db
    .insert(idempotencyKeys)
    .values({
      scope: sql.placeholder('scope'),
      key: sql.placeholder('key'),
      requestHash: sql.placeholder('hash'),
      statusCode: sql.placeholder('status'),
      response: sql.placeholder('response'),
      createdAt: sql.placeholder('now'),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });

/** The answer stored under the key, if any: a replay, a 422 for another request, a 409 for a claim of the former two-step scheme. */
async function stored(db: Db, scope: string, key: string, hash: string): Promise<KeyRow | undefined> {
  const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) return undefined;
  if (row.requestHash !== hash) throw idempotencyErrors.reused();
  if (row.statusCode === null) throw idempotencyErrors.inProgress();
  return row;
}

/**
 * An answer as stored: sealed with the identity key (AES-256-GCM), because answers carry personal
 * data (the applicant on a dossier page, a letter's writer) and the tracking secret of a guest's
 * submission, which must not lie in the table in clear for the day a key is kept.
 */
function sealAnswer(body: unknown): { sealed: string } {
  return { sealed: seal(identityKey(), JSON.stringify(body === undefined ? null : body)) };
}

/**
 * The stored answer back as the client first received it, with the fields the storing statement
 * filled in (`filled`: a code it numbered); rows stored before sealing are read as they are.
 */
function openAnswer(response: unknown): unknown {
  if (response && typeof response === 'object' && 'sealed' in response && typeof response.sealed === 'string') {
    const body = JSON.parse(unseal(identityKey(), response.sealed)) as unknown;
    const filled = 'filled' in response ? response.filled : undefined;
    return filled && typeof filled === 'object' ? { ...(body as object), ...filled } : body;
  }
  return response;
}

/** Thrown inside the transaction when the key was stored by another request meanwhile: roll back and replay. */
class KeyTaken extends Error {}

/**
 * Runs a state-changing handler at most once per key. The handler gets a transaction: do every
 * write in it. On a 2xx/3xx answer the key is stored with the status and body by one insert at the
 * end of that same transaction, so the action and the stored answer commit together or not at all.
 * A concurrent request with the same key blocks on that insert until the first commits, then finds
 * the key taken: its own work is rolled back and the first answer replayed. A retry after the first
 * committed acts again in a transaction that ends the same way, or fails (the case has moved on) and
 * finds the stored answer. A thrown error or a 4xx/5xx answer stores nothing, so a retry acts again.
 * Without the header the handler simply runs in a transaction. Returns the status and body to send
 * (also replayed ones). One statement per request for the key, no claim committed before the work.
 * The answer is stored sealed (see `sealAnswer`).
 */
export async function runIdempotent<T>(
  db: Db,
  req: FastifyRequest,
  opts: IdempotencyOptions,
  handler: (tx: Tx) => Promise<HandlerResult<T>>,
): Promise<HandlerResult<T> & { replayed: boolean }> {
  const claim = claimOf(req, opts);
  if (!claim) return { ...(await db.transaction(handler)), replayed: false };
  const { scope, key: header, hash, now } = claim;
  const replay = (row: KeyRow) => ({ status: row.statusCode ?? 200, body: openAnswer(row.response) as T, replayed: true });
  try {
    const result = await db.transaction(async (tx) => {
      const out = await handler(tx);
      if (out.status >= 400) return out;
      // Stored as the JSON the client receives (dates become strings), so a replay is byte-for-byte the same data.
      const response = sealAnswer(out.body);
      const insert = compiled(tx, 'idempotency_store', () => storeQuery(tx));
      const [done] = await runCompiled<{ key: string }>(tx, insert, { scope, key: header, hash, status: out.status, response, now });
      if (!done) throw new KeyTaken();
      return out;
    });
    return { ...result, replayed: false };
  } catch (err) {
    // A retry whose first request committed (or a concurrent one that just did): its answer, else the error.
    const row = await stored(db, scope, header, hash);
    if (row) return replay(row);
    if (err instanceof KeyTaken) throw idempotencyErrors.inProgress();
    throw err;
  }
}

/** A request's claim on its key, for a handler that stores its answer in its own single statement (`runIdempotentAtOnce`). */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  hash: string;
  now: Date;
}

/** The key of a request and what it is checked against; null without the header (400 for a bad key or no scope). */
function claimOf(req: FastifyRequest, opts: IdempotencyOptions): IdempotencyClaim | null {
  const header = req.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY_FORMAT.test(header)) throw idempotencyErrors.invalidKey();
  const scope = opts.scope ?? (req.actor ? `staff:${req.actor.id}` : null);
  if (!scope) throw idempotencyErrors.noScope();
  return { scope, key: header, hash: requestHash(req.method, req.url, opts.request ?? req.body), now: opts.now?.() ?? new Date() };
}

/**
 * The claim's answer stored in the handler's one statement (see `Alongside` in the workflow
 * service), without ON CONFLICT: a key stored meanwhile fails the whole statement (unique
 * violation), and `runIdempotentAtOnce` replays the stored answer. Nothing without a key.
 * `filled`: fields of the answer that only the statement knows (a JSON object in SQL, e.g. the
 * code it numbers), stored beside the sealed rest and laid over it when the answer is replayed;
 * give each such shape its own `key`.
 */
export function idempotencyAlongside(db: Tx, claim: IdempotencyClaim | null, status: number, body: unknown, filled?: { key: string; sql: SQL }): Alongside {
  if (!claim) return { key: '', build: () => [], values: {} };
  const sealed = sealAnswer(body);
  return {
    key: filled ? `idempotency+${filled.key}` : 'idempotency',
    build: () => [
      db.insert(idempotencyKeys).values({
        scope: sql.placeholder('idem_scope'),
        key: sql.placeholder('idem_key'),
        requestHash: sql.placeholder('idem_hash'),
        statusCode: sql.placeholder('idem_status'),
        response: filled ? sql`jsonb_build_object('sealed', ${sql.placeholder('idem_sealed')}::text, 'filled', ${filled.sql})` : sql.placeholder('idem_response'),
        createdAt: sql.placeholder('idem_now'),
      }),
    ],
    values: { idem_scope: claim.scope, idem_key: claim.key, idem_hash: claim.hash, idem_status: status, ...(filled ? { idem_sealed: sealed.sealed } : { idem_response: sealed }), idem_now: claim.now },
  };
}

/**
 * `runIdempotent` for a handler that writes everything, its answer under the key included
 * (`idempotencyAlongside`), in one statement outside a transaction: no BEGIN and COMMIT. A
 * retry whose first request committed fails on the key's unique index and gets the stored answer.
 */
export async function runIdempotentAtOnce<T>(
  db: Db,
  req: FastifyRequest,
  opts: IdempotencyOptions,
  handler: (claim: IdempotencyClaim | null) => Promise<HandlerResult<T>>,
): Promise<HandlerResult<T> & { replayed: boolean }> {
  const claim = claimOf(req, opts);
  try {
    return { ...(await handler(claim)), replayed: false };
  } catch (err) {
    if (!claim) throw err;
    const row = await stored(db, claim.scope, claim.key, claim.hash);
    if (row) return { status: row.statusCode ?? 200, body: openAnswer(row.response) as T, replayed: true };
    throw err;
  }
}

/** The client asked for a minimal answer (`Prefer: return=minimal`, RFC 7240) to a state-changing request. */
export function wantsMinimal(req: FastifyRequest): boolean {
  const prefer = req.headers.prefer;
  return typeof prefer === 'string' && /(^|[,;\s])return=minimal\b/i.test(prefer);
}

/** `runIdempotent` for a Fastify route: sends the answer (with `Idempotent-Replayed: true` for a replay). */
export async function idempotent<T>(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  handler: (tx: Tx) => Promise<HandlerResult<T>>,
  opts: IdempotencyOptions = {},
): Promise<FastifyReply> {
  return send(reply, await runIdempotent(db, req, opts, handler));
}

/** `runIdempotentAtOnce` for a Fastify route. */
export async function idempotentAtOnce<T>(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  handler: (claim: IdempotencyClaim | null) => Promise<HandlerResult<T>>,
  opts: IdempotencyOptions = {},
): Promise<FastifyReply> {
  return send(reply, await runIdempotentAtOnce(db, req, opts, handler));
}

/** Sends an answer, marked `Idempotent-Replayed: true` when it is a replay. */
function send<T>(reply: FastifyReply, out: HandlerResult<T> & { replayed: boolean }): FastifyReply {
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
