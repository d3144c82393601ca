// Named (prepared) statements for the writes and locking reads sent to PostgreSQL, so that each
// connection parses and plans each of them once instead of on every request.
//
// An action's transaction is made of key-addressed statements (lock the case by id, insert its step,
// update its row, store the idempotency key): their plans do not depend on the values, and planning
// them cost PostgreSQL as much as running them (the dossier's locked read with its history: 0.75 ms
// to plan, 0.3 ms to run). Reads are left as they are: a report's plan depends on its period and
// units, and a generic plan chosen for a short period would be slow for a year.
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';

/** At most this many named statements per connection (each holds a plan in its server process). */
export const MAX_NAMED_PER_CONNECTION = 300;
/** At most this many texts remembered with their names. */
const MAX_TEXTS = 2000;

const names = new Map<string, string | null>();

/** An INSERT, UPDATE or DELETE, a WITH that holds one, or a SELECT ... FOR UPDATE/SHARE. */
export function isWriteOrLock(text: string): boolean {
  const head = text.slice(0, 7).toLowerCase();
  if (head.startsWith('insert') || head.startsWith('update') || head.startsWith('delete')) return true;
  if (head.startsWith('with')) return /\b(insert into|delete from)\b|\bupdate "/i.test(text);
  if (head.startsWith('select')) return /\bfor (update|no key update|share|key share)( of [^()]+)?$/i.test(text.slice(-80));
  return false;
}

/** The statement's name: a hash of its text (one text, one name), or null when it stays unnamed. */
export function statementName(text: string): string | null {
  let name = names.get(text);
  if (name !== undefined) return name;
  name = isWriteOrLock(text) ? `dv_${createHash('sha1').update(text).digest('base64url')}` : null;
  if (names.size < MAX_TEXTS) names.set(text, name);
  return name;
}

interface QueryConfigLike {
  text?: unknown;
  name?: unknown;
  values?: unknown;
}

/**
 * Names the writes and locking reads this pool client sends with parameters (pg then sends the
 * text to the server once per connection, and PostgreSQL keeps its plan). Statements sent without
 * parameters (BEGIN, SET LOCAL, DDL) and those already named are left alone.
 */
export function autoPrepare(client: PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // The names this connection has used (pg parses each once on it).
  const seen = new Set<string>();
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (config && typeof config === 'object' && typeof (config as QueryConfigLike).text === 'string' && !(config as QueryConfigLike).name) {
      const c = config as QueryConfigLike & { text: string };
      const params = values ?? c.values;
      const name = Array.isArray(params) && params.length > 0 ? statementName(c.text) : null;
      if (name && (seen.has(name) || seen.size < MAX_NAMED_PER_CONNECTION)) {
        seen.add(name);
        return query({ ...c, name }, values, callback);
      }
    }
    return query(config, values, callback);
  };
}
