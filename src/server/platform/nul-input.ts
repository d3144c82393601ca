// PostgreSQL cannot hold a NUL character (U+0000) in text: a statement carrying one fails as a
// whole (and a batched read with it, the requests read beside it: db/batched.ts). Every request's
// parameters, query and JSON body are checked before validation, and one carrying a NUL is refused
// with 400 naming the field; a form read later (a multipart submission) is caught by the error
// handler (`isNulInText`), without the field.
import type { FastifyInstance } from 'fastify';
import { errors } from './errors';
import { langOf } from './locale';

const NUL = '\u0000';

/** The path of the first string (or key) holding a NUL in `value`, below `path`; null when there is none. */
export function nulAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (!value || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (key.includes(NUL)) return at;
    const inner = nulAt(v, at);
    if (inner) return inner;
  }
  return null;
}

export const nulMessage = { vi: 'Không được chứa ký tự NUL (mã 0)', en: 'Must not contain the NUL character (code 0)' };

export function installNulCheck(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const at = nulAt(req.params, 'params') ?? nulAt(req.query, 'query') ?? nulAt(req.body, 'body');
    done(at ? errors.validation([{ path: at, message: nulMessage[langOf(req)] }]) : undefined);
  });
}
