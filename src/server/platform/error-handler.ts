// The one error handler: stable codes, field paths, Vietnamese or English messages, never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isNulInText } from '../db/errors';
import { AppError, errors, type FieldIssue } from './errors';
import { nulMessage } from './nul-input';
import { langOf, type Lang } from './locale';
import { friendlyMessage, unknownField, type IssueLike } from './validation-messages';

const localeVi = z.locales.vi();
const localeEn = z.locales.en();

type ZodIssueLike = Parameters<ReturnType<typeof z.locales.en>['localeError']>[0];

function zodMessage(lang: Lang, issue: ZodIssueLike, fallback: string): string {
  if (issue.code === 'custom') return fallback;
  const friendly = friendlyMessage(lang, { ...(issue as IssueLike), message: fallback });
  if (friendly) return friendly;
  const locale = lang === 'vi' ? localeVi : localeEn;
  const out = locale.localeError(issue);
  if (typeof out === 'string') return out;
  return out?.message ?? fallback;
}

/** The keys an `unrecognized_keys` issue names, each to be reported on its own path. */
function unknownKeys(code: string | undefined, params: unknown): string[] {
  const keys = code === 'unrecognized_keys' ? (params as { keys?: unknown }).keys : undefined;
  return Array.isArray(keys) ? keys.map(String) : [];
}

/** The field issues of one failed check at `path`: an unknown key on its own path (`body.foo`), anything else at the path. */
function issuesAt(lang: Lang, path: string[], issue: ZodIssueLike, fallback: string, unknown = unknownField): FieldIssue[] {
  const keys = unknownKeys(issue.code, issue);
  if (keys.length) return keys.map((k) => ({ path: [...path, k].join('.'), message: unknown(lang) }));
  return [{ path: path.join('.'), message: zodMessage(lang, issue, fallback) }];
}

/**
 * Turns a zod error raised inside a service into the same 400 answer as request validation;
 * `unknown`: what an unknown key is told (a workflow action says it does not declare it).
 */
export function zodToAppError(err: z.ZodError, lang: Lang, prefix = 'body', unknown = unknownField): AppError {
  return errors.validation(err.issues.flatMap((issue) => issuesAt(lang, [prefix, ...issue.path.map(String)], issue as unknown as ZodIssueLike, issue.message, unknown)));
}

function send(reply: FastifyReply, req: FastifyRequest, err: AppError) {
  const lang = langOf(req);
  return reply.status(err.status).send({
    error: {
      code: err.code,
      message: lang === 'vi' ? err.messageVi : err.messageEn,
      ...(err.details ? { details: err.details } : {}),
      requestId: req.id,
    },
  });
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError | Error, req, reply) => {
    const lang = langOf(req);
    if (error instanceof AppError) return send(reply, req, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext ?? 'body';
      const issues: FieldIssue[] = error.validation.flatMap((v) => {
        const issue = { ...v.params, code: v.keyword, path: [], message: v.message } as unknown as ZodIssueLike;
        return issuesAt(lang, [where, ...v.instancePath.split('/').filter(Boolean)], issue, v.message ?? 'invalid');
      });
      return send(reply, req, errors.validation(issues));
    }
    if (error instanceof z.ZodError) return send(reply, req, zodToAppError(error, lang));
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 429) return send(reply, req, errors.rateLimited());
    if (status === 413)
      return send(reply, req, errors.badRequest('payload_too_large', 'Tệp hoặc dữ liệu gửi lên quá lớn', 'Payload too large'));
    if (status >= 400 && status < 500) {
      const code = 'code' in error && typeof error.code === 'string' ? error.code.toLowerCase() : 'bad_request';
      return send(reply, req, new AppError(code, status, 'Yêu cầu không hợp lệ', error.message));
    }
    if (isNulInText(error)) return send(reply, req, errors.badRequest('invalid_text', nulMessage.vi, nulMessage.en));
    req.log.error({ err: error }, 'unhandled error');
    return send(reply, req, new AppError('internal_error', 500, 'Lỗi hệ thống, vui lòng thử lại sau', 'Internal server error'));
  });

  app.setNotFoundHandler((req, reply) =>
    send(reply, req, new AppError('route_not_found', 404, 'Không tìm thấy địa chỉ yêu cầu', `No route ${req.method} ${req.url.split('?')[0]}`)),
  );
}
