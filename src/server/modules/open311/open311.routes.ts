// Open311 GeoReport v2 at /open311/v2 (JSON only, errors as the specification's array) and the administrators' routes for client API keys and categories.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClientBody, ClientCreated, ClientView } from '../../../common/open311-clients.schema';
import { ServiceAdminView, ServiceCreateBody, ServicePatchBody } from '../../../common/open311-services.schema';
import { ctxOf } from '../../platform/auth/actor';
import { idempotent } from '../../platform/idempotency';
import { langOf } from '../../platform/locale';
import { clock } from '../letters/letters.clock';
import { createService, listAllServices, updateService } from './open311.catalogue-admin';
import { installOpen311Errors, open311Errors } from './open311.errors';
import { installFormParser, normalizeBody } from './open311.form';
import { clientOfKey, createClient, listClients, revokeClient, rotateClient } from './open311.keys';
import { checkJurisdiction, parseRequestQuery, queryArgs } from './open311.query';
import { getRequest, listRequests } from './open311.requests';
import { discovery, ensureServices, findService, listServices, toDefinitionView, toServiceView } from './open311.services';
import { submitRequest } from './open311.submit';

const tags = ['open311'];
export const OPEN311_PREFIX = '/open311/v2';
/** Reads per address a minute: a map refreshing now and then, not a crawler. */
export const READS_PER_MIN = 300;
/** Posts per address a minute (before the key is known), and per client application. */
export const POSTS_PER_IP_PER_MIN = 120;
export const POSTS_PER_KEY_PER_MIN = 60;

/** `HTGT.json` → the id and the format; any format other than json is refused by name. */
function idOf(req: FastifyRequest, file: string): string {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m?.[1]) throw open311Errors.field(langOf(req), 'format', 'thêm đuôi .json vào địa chỉ', 'add .json to the path');
  if (m[2] !== 'json') throw open311Errors.xmlUnsupported(langOf(req));
  return decodeURIComponent(m[1]);
}

async function georeport(app: FastifyInstance) {
  const db = app.database.db;
  installOpen311Errors(app);
  installFormParser(app);
  app.addHook('onReady', () => ensureServices(db));
  // Maps and city apps read from the browser: the reads are public and carry no cookie, so any origin may.
  // Posts are not opened to browsers (a key in a web page is a key for everyone).
  app.addHook('onSend', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD') void reply.header('access-control-allow-origin', '*');
  });
  const clientOf = new WeakMap<FastifyRequest, string>();
  const perKey = app.createRateLimit({ max: POSTS_PER_KEY_PER_MIN, timeWindow: '1 minute', keyGenerator: (req) => `open311-key:${clientOf.get(req) ?? req.ip}` });
  const reads = { rateLimit: { max: READS_PER_MIN, timeWindow: '1 minute' } };

  for (const resource of ['discovery', 'services', 'requests'])
    app.get(`/${resource}.xml`, { schema: { hide: true } }, (req) => {
      throw open311Errors.xmlUnsupported(langOf(req));
    });

  app.get('/discovery.json', { schema: { tags, summary: 'Open311: khai báo dịch vụ / service discovery' }, config: reads }, () => discovery(db, app.config));

  app.get('/services.json', { schema: { tags, summary: 'Open311: các loại phản ánh / the feedback categories' }, config: reads }, async (req) => {
    await checkJurisdiction(db, queryArgs(req.query), langOf(req));
    return (await listServices(db)).map(toServiceView);
  });

  app.get<{ Params: { file: string } }>('/services/:file', { schema: { tags, summary: 'Open311: định nghĩa một loại phản ánh và các thuộc tính / a service definition' }, config: reads }, async (req) => {
    const code = idOf(req, req.params.file);
    await checkJurisdiction(db, queryArgs(req.query), langOf(req));
    const service = await findService(db, code);
    if (!service) throw open311Errors.serviceNotFound(langOf(req), code);
    return toDefinitionView(service);
  });

  app.post(
    '/requests.json',
    {
      schema: { tags, summary: 'Open311: gửi phản ánh (api_key; form hoặc JSON) → một đơn phản ánh / post a service request' },
      config: { rateLimit: { max: POSTS_PER_IP_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const body = normalizeBody(req.body);
      const key = body.args.api_key ?? queryArgs(req.query).api_key;
      const client = await clientOfKey(db, key);
      if (!client) throw open311Errors.apiKey(lang);
      clientOf.set(req, client.id);
      const limit = await perKey(req);
      if (!limit.isAllowed && limit.isExceeded) throw open311Errors.tooManyFromClient(lang);
      const meta = { requestId: req.id, ip: req.ip, lang };
      return idempotent(db, req, reply, async (tx) => ({ status: 201, body: [await submitRequest(tx, meta, client, body, clock.now())] }), { scope: `open311:${client.id}` });
    },
  );

  app.get('/requests.json', { schema: { tags, summary: 'Open311: danh sách phản ánh (lọc, phân trang page/page_size) / service requests' }, config: reads }, async (req) => {
    const lang = langOf(req);
    const filter = await parseRequestQuery(db, queryArgs(req.query), lang, clock.now());
    return listRequests(db, filter, lang);
  });

  app.get<{ Params: { file: string } }>('/requests/:file', { schema: { tags, summary: 'Open311: một phản ánh / one service request' }, config: reads }, async (req) =>
    getRequest(db, idOf(req, req.params.file), langOf(req)),
  );
}

const IdParams = z.object({ id: z.uuid() });

/** Administrators issue, rotate and revoke the keys of client applications (audited); a key is answered once. */
const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get('/api/open311/clients', { schema: { tags, summary: 'Ứng dụng Open311 và khoá API / client applications', response: { 200: z.array(ClientView) } } }, (req) => listClients(db, ctxOf(req)));
  app.post(
    '/api/open311/clients',
    { schema: { tags, summary: 'Cấp khoá API cho một ứng dụng (khoá chỉ hiện một lần) / issue an API key', body: ClientBody, response: { 201: ClientCreated } } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return idempotent(db, req, reply, async (tx) => ({ status: 201, body: await createClient(tx, ctx, req.body) }));
    },
  );
  app.post(
    '/api/open311/clients/:id/revoke',
    { schema: { tags, summary: 'Thu hồi khoá API / revoke an API key', params: IdParams, response: { 200: ClientView } } },
    async (req) => {
      const ctx = ctxOf(req);
      return db.transaction((tx) => revokeClient(tx, ctx, req.params.id));
    },
  );
  app.post(
    '/api/open311/clients/:id/rotate',
    { schema: { tags, summary: 'Cấp khoá API mới, khoá cũ hết hiệu lực ngay (khoá mới chỉ hiện một lần) / rotate an API key', params: IdParams, response: { 200: ClientCreated } } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return idempotent(db, req, reply, async (tx) => ({ status: 200, body: await rotateClient(tx, ctx, req.params.id) }));
    },
  );
};

const CodeParams = z.object({ code: z.string().max(40) });

/** Province administrators add, edit and retire (active: false) the feedback categories (audited); nothing is deleted. */
const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get('/api/open311/services', { schema: { tags, summary: 'Danh mục loại phản ánh, kể cả đã ngừng / all feedback categories', response: { 200: z.array(ServiceAdminView) } } }, (req) =>
    listAllServices(db, ctxOf(req)),
  );
  app.post(
    '/api/open311/services',
    { schema: { tags, summary: 'Thêm loại phản ánh / add a feedback category', body: ServiceCreateBody, response: { 201: ServiceAdminView } } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return idempotent(db, req, reply, async (tx) => ({ status: 201, body: await createService(tx, ctx, req.body) }));
    },
  );
  app.patch(
    '/api/open311/services/:code',
    { schema: { tags, summary: 'Sửa, ngừng hoặc dùng lại loại phản ánh / edit, retire or restore a category', params: CodeParams, body: ServicePatchBody, response: { 200: ServiceAdminView } } },
    async (req) => {
      const ctx = ctxOf(req);
      return db.transaction((tx) => updateService(tx, ctx, req.params.code, req.body));
    },
  );
};

export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(georeport, { prefix: OPEN311_PREFIX });
  await app.register(clientRoutes);
  await app.register(serviceRoutes);
};
