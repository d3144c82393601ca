// Picks the response language: Vietnamese by default, English when the client asks for it.
import type { FastifyRequest } from 'fastify';

export type Lang = 'vi' | 'en';

export function langOf(req: FastifyRequest): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'vi') return q;
  const header = req.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'vi';
}
