// Signed-in sessions kept for a few seconds per server process: most requests of a session come in
// bursts (a page asks for its list, its counts and its record at once; an integration acts in a
// row), and reading the session with its roles was a round trip on every one of them. The cache is
// used only while the process listens for changes (db/notified-cache.ts): a session that ends or a
// change to a staff member's account, roles or unit empties it in every process at once.
import type { Tx } from '../../db/client';
import { cacheOf, forgetCached, type NotifiedCache } from '../../db/notified-cache';

/** How long a session read stays in use without being read again, at most. */
export const SESSION_FRESH_MS = 5_000;
/** More sessions than this in a process: the cache starts over rather than grow. */
const MAX_SESSIONS = 20_000;

type WithSession = { session: { expiresAt: Date } };

/** Sessions by their token's hash: an expired session is never served. */
export const SESSION_OPTIONS = {
  freshMs: SESSION_FRESH_MS,
  maxEntries: MAX_SESSIONS,
  usable: (v: WithSession, now: number) => v.session.expiresAt.getTime() > now,
};

/** The session cache of this database's app. */
export function sessionCacheOf<T extends WithSession>(db: Tx): NotifiedCache<T> {
  return cacheOf<T>(db, 'sessions', SESSION_OPTIONS);
}

/**
 * Called by the writes that change who may do what (a session ended; an account, its roles or its
 * unit changed), inside their transaction: this process reads sessions again at once. Other
 * processes hear of it when the change commits (NOTIFY danvan_auth).
 */
export function authChanged(db: Tx): void {
  forgetCached(db);
}
