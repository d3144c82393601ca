// SQL pieces shared by every scoped query: LIKE-escaping and "in the subtree of one of these units".
import { or, sql, type SQL } from 'drizzle-orm';
import { units } from './schema';

/** Escapes LIKE wildcards in user text and in paths. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The ids of the units on a materialised path `/root/…/unit/`, the unit itself last. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** `units.path LIKE p || '%'` for any of the paths: the subtrees a scope covers (uses units_path_idx). */
export function underAnyPath(paths: readonly string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return or(...paths.map((p) => sql`${units.path} like ${`${escapeLike(p)}%`}`)) as SQL;
}
