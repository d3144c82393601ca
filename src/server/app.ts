// Builds the Fastify app: plugins, error handler, OpenAPI, the modules' routes and the built web app.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyMultipart from '@fastify/multipart';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import citizenAuthPlugin from './modules/citizens/citizens.plugin';
import authPlugin from './platform/auth/auth.plugin';
import { installErrorHandler } from './platform/error-handler';
import { installNotifications } from './platform/notify/notify';
import { installNulCheck } from './platform/nul-input';
import { installSecurityHeaders } from './platform/security-headers';
import { moduleRoutes } from './routes';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Pino logger options; tests pass false. */
  logger?: boolean | Record<string, unknown>;
}

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export async function buildApp({ config, database, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.DANVAN_LOG_LEVEL },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.NODE_ENV === 'production' ? 'loopback' : false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('database', database);
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  installSecurityHeaders(app);
  installNulCheck(app);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 5 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Dân Vận Số API',
        version: '0.1.0',
        description: 'API của nền tảng Dân Vận Số. Lỗi trả về dạng {"error":{"code","message","details"}}.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dv_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register(authPlugin);
  await app.register(citizenAuthPlugin);
  installNotifications(app, config, database.db);

  for (const routes of moduleRoutes) await app.register(routes);

  await serveWeb(app, config);
  return app;
}

/** Serves the built web app and answers unknown non-API paths with index.html for the client router. */
async function serveWeb(app: FastifyInstance, config: Config) {
  const root = path.resolve(config.DANVAN_WEB_DIR);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn(`web app not built at ${root}; run "npm run build:web"`);
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/open311/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
