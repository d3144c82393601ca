// Security headers on every answer; a strict Content-Security-Policy on the web app's pages.
import type { FastifyInstance } from 'fastify';

/** Mantine sets inline styles, so style-src needs 'unsafe-inline'; scripts come only from our own origin. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function installSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'DENY');
    // Swagger UI ships its own inline bootstrap script: it keeps its defaults.
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html') && !req.url.startsWith('/api/docs')) {
      void reply.header('content-security-policy', CSP);
    }
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });
}
