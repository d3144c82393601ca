// Routes of a signed-in citizen's dossiers: the list, one by code, and claiming one with the receipt's code and secret.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CitizenDossierPage, CitizenDossierQuery, ClaimBody, ClaimResult } from '../../../common/citizens.schema';
import { PublicDossierView, TrackingParams } from '../../../common/dossiers.schema';
import { errors } from '../../platform/errors';
import { langOf } from '../../platform/locale';
import { TRACKING_PER_CODE_PER_MIN, TRACKING_PER_IP_PER_MIN } from '../../platform/tracking/limits';
import { citizenOf } from '../citizens/citizens.plugin';
import { citizenLabel } from '../citizens/citizens.service';
import { citizenDossierView, claimDossier, listCitizenDossiers } from './dossiers.accounts';

const tags = ['citizens'];

export const citizenDossierRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // Claiming checks a secret like tracking: the same allowance per code (here the code is in the body).
  const perCode = app.createRateLimit({
    max: TRACKING_PER_CODE_PER_MIN,
    timeWindow: '1 minute',
    keyGenerator: (req) => {
      const code = (req.body as { code?: unknown } | undefined)?.code;
      return `claim-code:${typeof code === 'string' ? code.trim() : ''}`;
    },
  });

  app.get(
    '/api/citizen/dossiers',
    { schema: { tags, summary: 'Hồ sơ của tôi / my dossiers (keyset pages)', querystring: CitizenDossierQuery, response: { 200: CitizenDossierPage } } },
    async (req) => listCitizenDossiers(db, citizenOf(req).id, req.query, langOf(req)),
  );

  app.get(
    '/api/citizen/dossiers/:code',
    { schema: { tags, summary: 'Một hồ sơ của tôi / one of my dossiers', params: TrackingParams, response: { 200: PublicDossierView } } },
    async (req) => citizenDossierView(db, citizenOf(req).id, req.params.code, langOf(req)),
  );

  app.post(
    '/api/citizen/dossiers/claim',
    {
      schema: { tags, summary: 'Gắn hồ sơ vào tài khoản bằng mã hồ sơ và mã bí mật / add a dossier to my account', body: ClaimBody, response: { 200: ClaimResult } },
      config: { rateLimit: { max: TRACKING_PER_IP_PER_MIN, timeWindow: '1 minute' } },
    },
    async (req) => {
      const citizen = citizenOf(req);
      const limit = await perCode(req);
      if (!limit.isAllowed && limit.isExceeded) throw errors.rateLimited();
      const meta = { requestId: req.id, ip: req.ip, lang: langOf(req) };
      const holder = { id: citizen.id, label: citizenLabel(citizen.kind, citizen.contact) };
      return { dossier: await db.transaction((tx) => claimDossier(tx, meta, holder, req.body)) };
    },
  );
};
