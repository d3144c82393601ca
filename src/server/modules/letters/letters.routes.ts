// HTTP routes of letters for staff: intake, the letters list and the case inbox, counts, a letter and its audited identity, classification, case actions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseActionAck, CaseActionBody, CaseView, ClassifyBody, LetterView, StaffLetterAck, StaffLetterBody, StaffLetterResult, WriterView } from '../../../common/letters.schema';
import { CaseListQuery, CasePage, LetterCounts, LetterListQuery, LetterPage } from '../../../common/letters-inbox.schema';
import { AssigneeList, AssigneeQuery } from '../../../common/dossier-pickers.schema';
import { ActionParams } from '../../../common/workflow.schema';
import { ctxOf } from '../../platform/auth/actor';
import { sendStoredFile } from '../../platform/files/files.http';
import { idempotent, idempotentAtOnce, wantsMinimal } from '../../platform/idempotency';
import { actOnCaseAtOnce, canActAtOnce } from './letters.act-once';
import { actOnCase, actOnCaseMinimal, caseViewOf } from './letters.actions';
import { classifyLetter } from './letters.classify';
import { letterDuplicateRoutes } from './letters.duplicates.routes';
import { clock } from './letters.clock';
import { recordLetter } from './letters.intake';
import { caseAssignees } from './letters.pickers';
import { publicLetterRoutes } from './letters.public.routes';
import { publishRoutes } from './letters.publish.routes';
import { countLetters, getLetter, getLetterFile, listCaseInbox, listLetterPage, revealIdentity } from './letters.read';
import { loadLetterWorkflows } from './letters.workflows';

const tags = ['letters'];
const IdParams = z.object({ id: z.uuid() });
const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const letterRoutes: FastifyPluginAsyncZod = async (app) => {
  // A broken workflow file stops the start-up with every problem listed, not the first request.
  loadLetterWorkflows();
  const db = app.database.db;
  await app.register(publicLetterRoutes);
  await app.register(letterDuplicateRoutes);
  await app.register(publishRoutes);

  app.post(
    '/api/letters',
    {
      schema: {
        tags,
        summary:
          'Tiếp nhận đơn tại nơi tiếp dân, qua bưu chính hoặc do cơ quan khác chuyển đến; gửi kèm classification để phân loại ngay / record a letter, with classification to classify it at once (send an Idempotency-Key to make retries safe)',
        body: StaffLetterBody,
        response: { 201: z.union([StaffLetterResult, StaffLetterAck]) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      // Prefer: return=minimal (an integration recording letters): the letter's and its cases' ids, codes and states, not the page.
      // The answer is stored under the idempotency key by the letter's last statement.
      if (wantsMinimal(req))
        return idempotentAtOnce(db, req, reply, (claim) => db.transaction(async (tx) => ({ status: 201, body: await recordLetter(tx, ctx, req.body, undefined, true, claim) })));
      return idempotent(db, req, reply, async (tx) => ({ status: 201, body: await recordLetter(tx, ctx, req.body) }));
    },
  );

  app.get(
    '/api/letters',
    { schema: { tags, summary: 'Danh sách đơn (chờ phân loại: cũ nhất trước) / letters, keyset pages', querystring: LetterListQuery, response: { 200: LetterPage } } },
    async (req) => listLetterPage(db, ctxOf(req), req.query),
  );

  app.get(
    '/api/letters/counts',
    { schema: { tags, summary: 'Số đơn chờ phân loại, vụ việc đang xử lý, sắp đến hạn, quá hạn / counts for this user', response: { 200: LetterCounts } } },
    async (req) => countLetters(db, ctxOf(req)),
  );

  app.get(
    '/api/letters/:id',
    { schema: { tags, summary: 'Một đơn: nội dung, tệp, vụ việc, quá trình (người viết đơn được che nếu được bảo vệ) / one letter', params: IdParams, response: { 200: LetterView } } },
    async (req) => getLetter(db, ctxOf(req), req.params.id),
  );

  app.get(
    '/api/letters/:id/identity',
    {
      schema: {
        tags,
        summary: 'Xem thông tin người viết đơn (chỉ người được giao xử lý và thủ trưởng đơn vị xử lý với đơn tố cáo; có ghi nhật ký) / reveal the writer, audited',
        params: IdParams,
        response: { 200: WriterView },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return db.transaction((tx) => revealIdentity(tx, ctx, req.params.id));
    },
  );

  app.get(
    '/api/letters/:id/files/:fileId',
    { schema: { tags, summary: 'Tải tệp của đơn (tệp người tố cáo gửi: chỉ người được xem danh tính, có ghi nhật ký) / download a file of the letter', params: FileParams } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const f = await db.transaction((tx) => getLetterFile(tx, ctx, req.params.id, req.params.fileId));
      return sendStoredFile(reply, app.config.DANVAN_DATA_DIR, f);
    },
  );

  app.post(
    '/api/letters/:id/classify',
    {
      schema: {
        tags,
        summary: 'Phân loại đơn theo nội dung, tách thành các vụ việc, kiểm tra điều kiện xử lý / classify and split into cases',
        params: IdParams,
        body: ClassifyBody,
        response: { 200: LetterView },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return idempotent(db, req, reply, async (tx) => ({ status: 200, body: await classifyLetter(tx, ctx, req.params.id, req.body) }));
    },
  );

  app.get(
    '/api/letter-cases',
    { schema: { tags, summary: 'Hộp vụ việc (gấp nhất trước) / the case inbox, keyset pages', querystring: CaseListQuery, response: { 200: CasePage } } },
    async (req) => listCaseInbox(db, ctxOf(req), req.query),
  );

  app.get(
    '/api/letter-cases/:id',
    { schema: { tags, summary: 'Một vụ việc: đơn, quá trình, thao tác được phép / one case', params: IdParams, response: { 200: CaseView } } },
    async (req) => caseViewOf(db, ctxOf(req), req.params.id, clock.now()),
  );

  app.get(
    '/api/letter-cases/:id/assignees',
    {
      schema: { tags, summary: 'Cán bộ có thể được giao xử lý vụ việc / staff a case may be assigned to', params: IdParams, querystring: AssigneeQuery, response: { 200: AssigneeList } },
    },
    async (req) => caseAssignees(db, ctxOf(req), req.params.id, req.query.action),
  );

  app.post(
    '/api/letter-cases/:id/actions/:action',
    {
      schema: {
        tags,
        summary:
          'Thực hiện thao tác trên vụ việc (thụ lý, chuyển, hướng dẫn, trả lại, lưu đơn, gia hạn, kết luận...) / take a workflow action (send an Idempotency-Key to make retries safe; Prefer: return=minimal answers where the case stands instead of the page)',
        params: ActionParams,
        body: CaseActionBody,
        // The minimal answer first, strict (a page is not taken for it): an integration's common case fails no branch.
        response: { 200: z.union([CaseActionAck.strict(), CaseView]) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { id, action } = req.params;
      if (!wantsMinimal(req)) return idempotent(db, req, reply, async (tx) => ({ status: 200, body: await actOnCase(tx, ctx, id, action, req.body) }));
      reply.header('preference-applied', 'return=minimal');
      // Without documents or a publication, in one statement and no transaction (letters.act-once.ts).
      if (canActAtOnce(action, req.body))
        return idempotentAtOnce(db, req, reply, async (claim) => ({ status: 200, body: await actOnCaseAtOnce(db, ctx, id, action, req.body, claim) }));
      return idempotent(db, req, reply, async (tx) => ({ status: 200, body: await actOnCaseMinimal(tx, ctx, id, action, req.body) }));
    },
  );
};
