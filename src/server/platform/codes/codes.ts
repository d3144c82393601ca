// Readable codes: the next number of a daily sequence, allocated in the caller's transaction or by the statement that writes the record.
import { sql, type SQL } from 'drizzle-orm';
import type { CodeAround } from '../../../common/dossier-codes';
import type { Tx } from '../../db/client';
import type { Alongside } from '../workflow/workflow.record';
import { queryRows } from '../../db/rows';
import { dayOfInstant, formatDate } from '../calendar/local-date';

/**
 * The next number of the (series, local day) counter. The upsert takes the counter row's lock until
 * the surrounding transaction ends, so two officers receiving at the same moment wait for each
 * other and get consecutive numbers; a rolled-back intake gives its number back (no gaps).
 */
export async function nextSequence(tx: Tx, series: string, day: string): Promise<number> {
  const [row] = await queryRows<{ next: number }>(
    tx,
    sql`insert into code_counters as c (series, day, next) values (${series}, ${day}, 1)
        on conflict (series, day) do update set next = c.next + 1 returning c.next`,
  );
  if (!row) throw new Error('code counter returned no row');
  return Number(row.next);
}

/** The local date (Asia/Ho_Chi_Minh) of an instant as 'YYYY-MM-DD': the day a code's sequence runs on. */
export function codeDay(at: Date): string {
  return formatDate(dayOfInstant(at));
}

/**
 * The next number of a (series, local day) counter taken by the statement that writes the record it
 * numbers, as that statement's guard (workflow.record.ts), answering the record's code (`code`,
 * which its other writes read as `guarded('code')`): the text before the number, the number
 * zero-padded to its width (longer when it outgrows it), the text after. The counter's row stays
 * locked until that statement commits, so two records numbered at the same moment get consecutive
 * numbers, and a statement that fails gives its number back, as a rolled-back transaction does.
 */
export function sequencedCode(series: string, day: string, around: CodeAround): Alongside {
  return {
    key: 'sequenced_code',
    returns: 'code',
    locks: `code_counters:${series}:${day}`,
    build: () => [sequencedCodeSql()],
    values: { code_series: series, code_day: day, code_before: around.before, code_width: around.width, code_after: around.after },
  };
}

function sequencedCodeSql(): SQL {
  const p = (name: string) => sql.placeholder(name);
  return sql`insert into code_counters as c (series, day, next) values (${p('code_series')}::text, ${p('code_day')}::date, 1)
    on conflict (series, day) do update set next = c.next + 1
    returning ${p('code_before')}::text || lpad(c.next::text, greatest(${p('code_width')}::int, length(c.next::text)), '0') || ${p('code_after')}::text as code`;
}
