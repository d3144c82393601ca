// Signed-in sessions kept for a few seconds per server process: most requests of a session come in
// bursts (a page asks for its list, its counts and its record at once; an integration acts in a
// row), and reading the session with its roles was a round trip on every one of them. The cache is
// used only while the process listens to danvan_auth (migration 0021): a session that ends or a
// change to a staff member's account, roles or unit empties it in every process at once.
import type { Database, Tx } from '../../db/client';
import { databaseKey } from '../../db/prepared';

/** How long a session read stays in use without being read again, at most. */
export const SESSION_FRESH_MS = 5_000;
/** More sessions than this in a process: the cache starts over rather than grow. */
const MAX_SESSIONS = 20_000;

interface Entry<T> {
  value: T;
  readAt: number;
}

export class SessionCache<T extends { session: { expiresAt: Date } }> {
  private entries = new Map<string, Entry<T>>();
  private listening = false;
  /** Bumped by every change: a read that started before one is not kept. */
  private generation = 0;

  /** The session of `key` (its token's hash), from the cache while fresh, else through `load`. Unknown tokens are never kept. */
  async get(key: string, load: () => Promise<T | undefined>, now = Date.now()): Promise<T | undefined> {
    const hit = this.listening ? this.entries.get(key) : undefined;
    if (hit && now - hit.readAt < SESSION_FRESH_MS && hit.value.session.expiresAt.getTime() > now) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (!value) {
      this.entries.delete(key);
      return undefined;
    }
    if (this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_SESSIONS) this.entries.clear();
      this.entries.set(key, { value, readAt: now });
    }
    return value;
  }

  /** Something changed (a NOTIFY, or this process ended a session): every session is read again. */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Without a listening connection, changes made elsewhere would go unseen: no cache until it is back. */
  setListening(on: boolean): void {
    this.listening = on;
    this.forgetAll();
  }

  get size(): number {
    return this.entries.size;
  }
}

export const AUTH_CHANNEL = 'danvan_auth';

/** Starts listening for changes; returns the function that stops. */
export function listenForAuthChanges(database: Database, cache: SessionCache<{ session: { expiresAt: Date } }>): Promise<() => Promise<void>> {
  return database.listen(AUTH_CHANNEL, () => cache.forgetAll(), (on) => cache.setListening(on));
}

/** The cache of each database's app (tests run several apps in one process). */
const caches = new WeakMap<object, SessionCache<{ session: { expiresAt: Date } }>>();

export function registerSessionCache(db: Tx, cache: SessionCache<{ session: { expiresAt: Date } }>): void {
  caches.set(databaseKey(db), cache);
}

/**
 * Called by the writes that change who may do what (a session ended; an account, its roles or its
 * unit changed), inside their transaction: this process reads sessions again at once. Other
 * processes hear of it when the change commits (NOTIFY danvan_auth).
 */
export function authChanged(db: Tx): void {
  caches.get(databaseKey(db))?.forgetAll();
}
