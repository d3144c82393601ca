// HTTP route of the printable one-stop forms for staff: GET /api/dossiers/:id/forms/01.pdf … 06.pdf.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DossierFormParams } from '../../../../common/dossier-forms.schema';
import { ctxOf } from '../../../platform/auth/actor';
import { replyPdf } from '../../../platform/pdf/http';
import { renderStaffForm } from './forms.service';

/** The header of the tracking secret, as on the public routes. */
const SECRET_HEADER = 'x-tracking-secret';

export const dossierFormRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/api/dossiers/:id/forms/:form.pdf',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'In biểu mẫu một cửa (Thông tư 03/2025/TT-VPCP): 01 giấy tiếp nhận và hẹn trả, 02 yêu cầu bổ sung, 03 từ chối, 04 xin lỗi và gia hạn, 05 dừng giải quyết, 06 phiếu kiểm soát / printable form (PDF)',
        params: DossierFormParams,
      },
    },
    async (req, reply) => {
      const header = req.headers[SECRET_HEADER];
      const out = await renderStaffForm(db, ctxOf(req), req.params.id, req.params.form, {
        publicUrl: app.config.DANVAN_PUBLIC_URL,
        secret: typeof header === 'string' ? header : undefined,
      });
      return replyPdf(reply, out.pdf, out.filename);
    },
  );
};
