// Reads kept for a few seconds per server process, forgotten in every process the moment the data
// behind them changes: statement triggers send NOTIFY danvan_auth (migrations 0021 and 0022) when a
// session ends, an account, its roles or its unit change, or a unit, an agency or a procedure is
// written, and every process listens. Nothing is kept while the process is not listening (a lost
// connection, or DANVAN_SESSION_CACHE=off behind a pooler in transaction mode).
import type { Database, Tx } from './client';
import { databaseKey } from './prepared';

export const CHANGES_CHANNEL = 'danvan_auth';

interface Entry<T> {
  value: T;
  readAt: number;
}

export interface CacheOptions<T> {
  /** How long a read stays in use without being read again, at most. */
  freshMs: number;
  /** More entries than this: the cache starts over rather than grow. */
  maxEntries: number;
  /** A kept value that can no longer be used (an expired session) is read again. */
  usable?: (value: T, now: number) => boolean;
}

export class NotifiedCache<T> {
  private entries = new Map<string, Entry<T>>();
  private listening = false;
  /** Bumped by every change: a read that started before one is not kept. */
  private generation = 0;

  constructor(private readonly opts: CacheOptions<T>) {}

  /** The value of `key`, from the cache while fresh, else through `load`. Nothing found is never kept. */
  async get(key: string, load: () => Promise<T | undefined>, now = Date.now()): Promise<T | undefined> {
    const hit = this.listening ? this.entries.get(key) : undefined;
    if (hit && now - hit.readAt < this.opts.freshMs && (this.opts.usable?.(hit.value, now) ?? true)) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (value === undefined) {
      this.entries.delete(key);
      return undefined;
    }
    if (this.listening && generation === this.generation) {
      if (this.entries.size >= this.opts.maxEntries) this.entries.clear();
      this.entries.set(key, { value, readAt: now });
    }
    return value;
  }

  /** Something changed (a NOTIFY, or this process wrote): everything is read again. */
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

/** Kept values are shared by every request of the process: frozen, so that none can change them for the others. */
export function frozen<T extends object>(value: T | undefined): T | undefined {
  return value && Object.freeze(value);
}

/** What a database's changes do to each of its caches. */
export interface Forgetting {
  forgetAll(): void;
  setListening(on: boolean): void;
  readonly size: number;
}

/** The caches of one database (tests run several apps, each on its own database, in one process). */
interface Hub {
  listening: boolean;
  caches: Map<string, Forgetting>;
}

const hubs = new WeakMap<object, Hub>();

function hubOf(db: Tx): Hub {
  const key = databaseKey(db);
  let hub = hubs.get(key);
  if (!hub) hubs.set(key, (hub = { listening: false, caches: new Map() }));
  return hub;
}

/** The cache called `name` of this database, made on first use. */
export function cacheOf<T>(db: Tx, name: string, opts: CacheOptions<T>): NotifiedCache<T> {
  const hub = hubOf(db);
  let cache = hub.caches.get(name) as NotifiedCache<T> | undefined;
  if (!cache) {
    cache = new NotifiedCache<T>(opts);
    cache.setListening(hub.listening);
    hub.caches.set(name, cache);
  }
  return cache;
}

/**
 * Called by the writes behind a cache, inside their transaction: this process reads again at once.
 * Other processes hear of it when the write commits (NOTIFY), and so does this one, again.
 */
export function forgetCached(db: Tx): void {
  for (const cache of hubOf(db).caches.values()) cache.forgetAll();
}

/** Starts listening for changes to this database; returns the function that stops. */
export function listenForChanges(database: Database): Promise<() => Promise<void>> {
  const hub = hubOf(database.db);
  return database.listen(
    CHANGES_CHANNEL,
    () => forgetCached(database.db),
    (on) => {
      hub.listening = on;
      for (const cache of hub.caches.values()) cache.setListening(on);
    },
  );
}
