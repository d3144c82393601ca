// Rate limits and the secret header shared by every public route that looks a record up by code and secret (dossiers, letters).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../errors';

/** Look-ups per address and per code: plenty for a citizen refreshing a page, useless for guessing 100-bit secrets. */
export const TRACKING_PER_IP_PER_MIN = 30;
export const TRACKING_PER_CODE_PER_MIN = 20;
/** Where the secret travels; the query string (`?secret=`) is accepted only on reads, for links from a QR code. */
export const SECRET_HEADER = 'x-tracking-secret';

/** The secret sent in the header, else (reads only) in the query string. */
export function secretOf(req: FastifyRequest, fromQuery?: string): string | undefined {
  const header = req.headers[SECRET_HEADER];
  return typeof header === 'string' ? header : fromQuery;
}

/**
 * A second limiter keyed by the `:code` route parameter, for every route of a plugin that checks a
 * secret: guesses on one code add up across tracking and the writer's actions, whatever address
 * they come from. The route's own limit (per address) runs through the plugin's config as usual.
 */
export function perCodeLimit(app: FastifyInstance, namespace: string, max: number = TRACKING_PER_CODE_PER_MIN): (req: FastifyRequest) => Promise<void> {
  const limiter = app.createRateLimit({
    max,
    timeWindow: '1 minute',
    keyGenerator: (req) => {
      const code = (req.params as { code?: unknown }).code;
      return `${namespace}:${typeof code === 'string' ? code.trim() : ''}`;
    },
  });
  return async (req) => {
    const limit = await limiter(req);
    if (!limit.isAllowed && limit.isExceeded) throw errors.rateLimited();
  };
}
