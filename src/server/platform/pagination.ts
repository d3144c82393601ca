// Opaque keyset cursors: the sort key of the last row, base64url-encoded JSON; never OFFSET.
import { z } from 'zod';
import { errors } from './errors';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function encodeCursor(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor; a tampered cursor is a 400 on `querystring.cursor`. */
export function decodeCursor<T extends ReadonlyArray<z.ZodType>>(cursor: string, shape: T): { [K in keyof T]: z.infer<T[K]> } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return z.tuple(shape as unknown as [z.ZodType, ...z.ZodType[]]).parse(parsed) as { [K in keyof T]: z.infer<T[K]> };
  } catch {
    throw errors.validation([{ path: 'querystring.cursor', message: 'Con trỏ phân trang không hợp lệ / invalid cursor' }]);
  }
}

/** Fetch limit + 1 rows, then call this: it trims the extra row and builds the next cursor from the last kept row. */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => ReadonlyArray<string | number>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
