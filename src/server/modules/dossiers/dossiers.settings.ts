// The dossier code format an administrator sets for the installation: read with a preview, changed with a check and an audit entry.
import { asc, eq } from 'drizzle-orm';
import { DEFAULT_CODE_FORMAT, formatCode, formatProblem, type CodeFormatProblem } from '../../../common/dossier-codes';
import type { CodeSettings, CodeSettingsBody } from '../../../common/dossier-codes.schema';
import type { Tx } from '../../db/client';
import { forgetCached } from '../../db/notified-cache';
import { agencies, settings, units } from '../../db/schema';
import type { Ctx } from '../../platform/auth/actor';
import { recordAudit } from '../../platform/audit/audit';
import { dayOfInstant, formatDate } from '../../platform/calendar/local-date';
import { errors } from '../../platform/errors';
import { codeFormat, SETTINGS_KEY } from './dossiers.codes';

const PROBLEMS: Record<CodeFormatProblem, { vi: string; en: string }> = {
  too_long: { vi: 'Mẫu mã hồ sơ dài từ 1 đến 100 ký tự', en: 'The format is 1 to 100 characters long' },
  unknown_token: { vi: 'Có thành phần trong dấu {} không được hỗ trợ', en: 'A {} token is not supported' },
  bad_chars: { vi: 'Chỉ dùng chữ không dấu, số và các dấu . - _', en: 'Use only letters without accents, digits and . - _' },
  no_seq: { vi: 'Mẫu phải có số thứ tự trong ngày {seq:N}', en: 'The format needs the daily sequence {seq:N}' },
  many_seq: { vi: 'Mẫu chỉ có một số thứ tự trong ngày {seq:N}', en: 'The format has the daily sequence {seq:N} only once' },
  no_agency: { vi: 'Mẫu phải có mã cơ quan tiếp nhận {agency}, nếu không hai cơ quan có thể cấp trùng mã', en: 'The format needs {agency}, or two agencies could issue the same code' },
  no_day: { vi: 'Mẫu phải có đủ ngày, tháng, năm ({yymmdd} hoặc {dd} {mm} {yy})', en: 'The format needs the whole date ({yymmdd} or {dd} {mm} {yy})' },
};

async function sample(db: Tx): Promise<{ agency: string; unit: string }> {
  const [row] = await db
    .select({ agency: agencies.code, unit: units.code })
    .from(agencies)
    .innerJoin(units, eq(units.id, agencies.unitId))
    .orderBy(asc(agencies.code))
    .limit(1);
  return row ?? { agency: '000.00.12.H56', unit: '00001' };
}

export async function getCodeSettings(db: Tx): Promise<CodeSettings> {
  const format = await codeFormat(db);
  const s = await sample(db);
  const example = formatCode(format, { ...s, day: formatDate(dayOfInstant(new Date())), seq: 1 });
  return { codeFormat: format, defaultFormat: DEFAULT_CODE_FORMAT, example, sample: s };
}

/** Codes already given keep their form; the new format applies to the next dossier received. */
export async function updateCodeSettings(tx: Tx, ctx: Ctx, body: CodeSettingsBody): Promise<CodeSettings> {
  const problem = formatProblem(body.codeFormat);
  if (problem) throw errors.validation([{ path: 'body.codeFormat', message: PROBLEMS[problem][ctx.lang] }]);
  const before = { codeFormat: await codeFormat(tx) };
  const value = { codeFormat: body.codeFormat };
  await tx
    .insert(settings)
    .values({ key: SETTINGS_KEY, value, updatedBy: ctx.actor.id })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: ctx.actor.id, updatedAt: new Date() } });
  forgetCached(tx);
  await recordAudit(tx, ctx, { action: 'dossier.settings.update', entityType: 'settings', entityId: SETTINGS_KEY, before, after: value });
  return getCodeSettings(tx);
}
