// Recognising database errors that the product answers in its own words, on PGlite and node-postgres alike.

/** True when a database error (possibly wrapped by Drizzle) is a unique violation, of the named index if one is given. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err, i = 0; e && typeof e === 'object' && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const { code, constraint: name, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code !== '23505') continue;
    if (!constraint || name === constraint || (typeof message === 'string' && message.includes(constraint))) return true;
  }
  return false;
}

/** True when the database refused a text value for a NUL character (PostgreSQL's 22021), possibly wrapped by Drizzle. */
export function isNulInText(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && typeof e === 'object' && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === '22021' && typeof message === 'string' && message.includes('0x00')) return true;
  }
  return false;
}

/** True when PostgreSQL answered the error (it carries a SQLSTATE): the statement ran and did not commit, unlike a lost connection. */
export function answeredByDatabase(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}
