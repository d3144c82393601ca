// The request body of POST requests.json: application/x-www-form-urlencoded (as the specification sends it) or JSON, made into one flat shape.
import type { FastifyInstance } from 'fastify';
import { Open311Error } from './open311.errors';

/** A decoded body: each argument a string, or a list when repeated (`attribute[code][]=a&attribute[code][]=b`). */
export type FlatBody = Record<string, string | string[]>;

/** Parses form bodies for the calling plugin only, without a dependency: URLSearchParams is the whole of the format. */
export function installFormParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const out: FlatBody = {};
    for (const [key, value] of new URLSearchParams(body as string)) {
      const seen = out[key];
      if (seen === undefined) out[key] = key.endsWith('[]') ? [value] : value;
      else out[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
    done(null, out);
  });
}

export interface Normalized {
  args: Record<string, string>;
  /** `attribute[code]` values by code. */
  attributes: Record<string, string | string[]>;
}

const ATTRIBUTE_KEY = /^attribute\[([^\][]+)\](\[\])?$/;

function scalar(key: string, v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Open311Error(400, [`${key}: giá trị phải là chuỗi hoặc số / must be a string or a number`]);
}

/**
 * One shape for both encodings: scalars as strings (a JSON `lat: 10.5` becomes "10.5", so that both
 * are checked by the same rules), attributes from `attribute[code]`, `attribute[code][]` or, in JSON,
 * an `attribute` object.
 */
export function normalizeBody(body: unknown): Normalized {
  if (body === undefined || body === null) return { args: {}, attributes: {} };
  if (typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(400, ['request: phải là một đối tượng / must be an object']);
  const args: Record<string, string> = {};
  const attributes: Record<string, string | string[]> = {};
  const putAttribute = (code: string, v: unknown, list: boolean) => {
    const key = `attribute[${code}]`;
    const values = Array.isArray(v) ? v.map((x) => scalar(key, x)) : [scalar(key, v)];
    const seen = attributes[code];
    const all = [...(seen === undefined ? [] : Array.isArray(seen) ? seen : [seen]), ...values];
    attributes[code] = list || all.length > 1 || Array.isArray(v) ? all : (all[0] ?? '');
  };
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    const m = ATTRIBUTE_KEY.exec(key);
    if (m?.[1]) putAttribute(m[1], value, m[2] === '[]');
    else if (key === 'attribute' && typeof value === 'object' && !Array.isArray(value)) {
      for (const [code, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined && v !== null) putAttribute(code, v, false);
    } else if (Array.isArray(value)) throw new Open311Error(400, [`${key}: chỉ được gửi một giá trị / give one value only`]);
    else args[key] = scalar(key, value);
  }
  return { args, attributes };
}
