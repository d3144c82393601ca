// Errors as GeoReport v2 defines them: an array of `{ code, description }` with the HTTP status as code; never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors';
import { langOf, type Lang } from '../../platform/locale';

/** One error of an Open311 answer; `field` names the argument at fault (written first in the description). */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500,
    readonly descriptions: string[],
  ) {
    super(descriptions.join('; '));
    this.name = 'Open311Error';
  }
}

const say = (lang: Lang, vi: string, en: string) => (lang === 'vi' ? vi : en);

/** A bad argument and why, gathered so that one answer names every problem. */
export interface Issue {
  field: string;
  message: string;
}

/** The message in the request's language: `const say = sayIn(lang); say('vi', 'en')`. */
export const sayIn =
  (lang: Lang) =>
  (vi: string, en: string): string =>
    say(lang, vi, en);

export const open311Errors = {
  /** 400 naming the argument: `lat: ...`. */
  field: (lang: Lang, field: string, vi: string, en: string) => new Open311Error(400, [`${field}: ${say(lang, vi, en)}`]),
  fields: (issues: Issue[]) => new Open311Error(400, issues.map((i) => `${i.field}: ${i.message}`)),
  apiKey: (lang: Lang) =>
    new Open311Error(403, [say(lang, 'api_key: thiếu khoá API hoặc khoá không hợp lệ, đã bị thu hồi', 'api_key: missing, invalid or revoked API key')]),
  /** An unknown or retired category: 404, as GeoReport v2 lists for GET service definition and POST service request ("service_code ... was not found"). */
  serviceNotFound: (lang: Lang, code: string) =>
    new Open311Error(404, [say(lang, `service_code: không có loại phản ánh "${code}"`, `service_code: no service "${code}"`)]),
  /** An unknown jurisdiction (for a key, one outside its unit): 404, as GeoReport v2 lists for every method ("jurisdiction_id ... not found"). */
  jurisdictionNotFound: (lang: Lang, code: string, scoped = false) =>
    new Open311Error(404, [
      scoped
        ? say(lang, `jurisdiction_id: không có đơn vị mã "${code}" thuộc phạm vi của ứng dụng`, `jurisdiction_id: no unit "${code}" within this application's scope`)
        : say(lang, `jurisdiction_id: không có đơn vị mã "${code}"`, `jurisdiction_id: no unit "${code}"`),
    ]),
  requestNotFound: (lang: Lang, id: string) =>
    new Open311Error(404, [say(lang, `service_request_id: không tìm thấy phản ánh "${id}"`, `service_request_id: no request "${id}"`)]),
  tooManyFromClient: (lang: Lang) =>
    new Open311Error(429, [say(lang, 'Ứng dụng gửi quá nhiều phản ánh, vui lòng thử lại sau', 'Too many requests from this application, try again later')]),
  xmlUnsupported: (lang: Lang) =>
    new Open311Error(400, [say(lang, 'format: chỉ hỗ trợ định dạng JSON (.json)', 'format: only JSON (.json) is supported')]),
};

function send(reply: FastifyReply, status: number, descriptions: string[]) {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send(descriptions.map((description) => ({ code: status, description })));
}

/** The zod path of a query or body issue is the Open311 argument's name. */
function fieldOf(instancePath: string): string {
  return instancePath.split('/').filter(Boolean).join('.') || 'request';
}

/** Installs the Open311 error and not-found answers for the routes of the calling plugin only. */
export function installOpen311Errors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Open311Error | Error, req: FastifyRequest, reply) => {
    const lang = langOf(req);
    if (error instanceof Open311Error) return send(reply, error.status, error.descriptions);
    if (hasZodFastifySchemaValidationErrors(error))
      return send(
        reply,
        400,
        error.validation.map((v) => `${fieldOf(v.instancePath)}: ${v.message ?? say(lang, 'không hợp lệ', 'invalid')}`),
      );
    if (error instanceof AppError) {
      const fields = (error.details as { fields?: Array<{ path: string; message: string }> } | undefined)?.fields;
      if (error.status === 400 && fields?.length) return send(reply, 400, fields.map((f) => `${f.path.replace(/^(body|querystring)\./, '')}: ${f.message}`));
      return send(reply, error.status, [say(lang, error.messageVi, error.messageEn)]);
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 429) return send(reply, 429, [say(lang, 'Quá nhiều yêu cầu, vui lòng thử lại sau', 'Too many requests, try again later')]);
    if (status === 413) return send(reply, 413, [say(lang, 'Dữ liệu gửi lên quá lớn', 'Payload too large')]);
    if (status === 415) return send(reply, 415, [say(lang, 'Chỉ nhận application/x-www-form-urlencoded hoặc application/json', 'Send application/x-www-form-urlencoded or application/json')]);
    if (status >= 400 && status < 500) return send(reply, status, [say(lang, 'Yêu cầu không hợp lệ', 'Bad request')]);
    req.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, [say(lang, 'Lỗi hệ thống, vui lòng thử lại sau', 'Internal server error')]);
  });
  app.setNotFoundHandler((req, reply) => {
    const lang = langOf(req);
    return send(reply, 404, [say(lang, `Không có tài nguyên ${req.url.split('?')[0]}`, `No resource ${req.method} ${req.url.split('?')[0]}`)]);
  });
}
