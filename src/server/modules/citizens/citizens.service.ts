// Citizen accounts: ask for a one-time code (same answer whatever happens), sign in with it (the account is made on first success), sign out.
import { eq } from 'drizzle-orm';
import { parseContact, type ContactKind } from '../../../common/contacts';
import type { CitizenView, OtpRequestBody, OtpRequestResult, CitizenSessionBody } from '../../../common/citizens.schema';
import type { Db, Tx } from '../../db/client';
import { citizens } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit';
import { formatLocalIso } from '../../platform/calendar/local-date';
import { AppError, errors } from '../../platform/errors';
import type { Lang } from '../../platform/locale';
import { notifyContact, publicLink, type Notice } from '../../platform/notify/outbox';
import { redactEmail, redactPhone } from '../../platform/notify/senders';
import { consumeOtp, issueOtp, OTP_TTL_MINUTES, tryOtp } from './citizens.otp';
import { createCitizenSession, endCitizenSession, type CitizenRow, type NewCitizenSession } from './citizens.sessions';

export const CITIZEN_ENTITY = 'citizen';

export interface CitizenMeta {
  requestId: string;
  ip: string;
  lang: Lang;
  userAgent?: string | undefined;
}

export const citizenErrors = {
  badContact: (lang: Lang) =>
    errors.validation([
      {
        path: 'body.contact',
        message: lang === 'vi' ? 'Nhập địa chỉ thư điện tử hoặc số điện thoại di động Việt Nam' : 'Enter an email address or a Vietnamese mobile number',
      },
    ]),
  /** One answer for a wrong code, an expired one, one used up and no code at all. */
  otpInvalid: () => new AppError('otp_invalid', 401, 'Mã xác thực không đúng hoặc đã hết hạn', 'The code is wrong or has expired'),
};

/** Who a citizen is in the audit trail and the logs: the contact with most of it hidden. */
export function citizenLabel(kind: string, contact: string): string {
  return kind === 'email' ? redactEmail(contact) : redactPhone(contact);
}

export function toCitizenView(c: CitizenRow): CitizenView {
  return { id: c.id, kind: c.kind === 'phone' ? 'phone' : 'email', contact: c.contact, createdAt: formatLocalIso(c.createdAt) };
}

function contactOf(input: string, lang: Lang): { kind: ContactKind; value: string } {
  const c = parseContact(input);
  if (!c) throw citizenErrors.badContact(lang);
  return c;
}

/** The message that carries the code; blanked in the outbox once sent (sensitive). */
function otpNotice(code: string, lang: Lang): Notice {
  const link = publicLink('/');
  if (lang === 'en')
    return {
      template: 'citizen.otp',
      subject: 'Your sign-in code for Dân Vận Số',
      text: [
        `Your sign-in code is: ${code}`,
        `It is valid for ${OTP_TTL_MINUTES} minutes. Never give it to anyone, not even someone who says they are an official.`,
        'If you did not ask for a code, ignore this message.',
        '',
        link,
      ].join('\n'),
      sms: `Dan Van So sign-in code: ${code} (valid ${OTP_TTL_MINUTES} minutes). Never share it.`,
      sensitive: true,
    };
  return {
    template: 'citizen.otp',
    subject: 'Mã xác thực đăng nhập Dân Vận Số',
    text: [
      `Mã xác thực đăng nhập của Ông/Bà là: ${code}`,
      `Mã có hiệu lực trong ${OTP_TTL_MINUTES} phút. Không cung cấp mã này cho bất kỳ ai, kể cả người tự xưng là cán bộ.`,
      'Nếu Ông/Bà không yêu cầu mã, vui lòng bỏ qua thư này.',
      '',
      link,
    ].join('\n'),
    sms: `Ma xac thuc Dan Van So: ${code} (hieu luc ${OTP_TTL_MINUTES} phut). Khong cung cap ma cho bat ky ai.`,
    sensitive: true,
  };
}

/**
 * POST /api/citizen/otp. The answer is the same whether or not an account exists and whether or
 * not the contact's allowance of codes is used up: nothing can be learned about anyone from it.
 */
export async function requestOtp(db: Db, meta: CitizenMeta, body: OtpRequestBody, now: Date = new Date()): Promise<OtpRequestResult> {
  const c = contactOf(body.contact, meta.lang);
  await db.transaction(async (tx) => {
    const otp = await issueOtp(tx, c.value, meta.ip, now);
    if (!otp) return;
    await notifyContact(tx, c.kind === 'email' ? { email: c.value } : { phone: c.value }, { ...otpNotice(otp.code, meta.lang), entityType: 'citizen_otp', entityId: otp.id }, now);
    await recordAudit(
      tx,
      { actor: null, citizen: { label: citizenLabel(c.kind, c.value) }, requestId: meta.requestId, ip: meta.ip },
      { action: 'citizen.otp_request', entityType: 'citizen_otp', entityId: otp.id, after: { kind: c.kind } },
    );
  });
  return { ok: true, expiresInMinutes: OTP_TTL_MINUTES };
}

async function accountOf(tx: Tx, kind: ContactKind, contact: string, now: Date): Promise<{ citizen: CitizenRow; created: boolean }> {
  const [made] = await tx.insert(citizens).values({ kind, contact, createdAt: now, lastLoginAt: now }).onConflictDoNothing({ target: citizens.contact }).returning();
  if (made) return { citizen: made, created: true };
  const [found] = await tx.update(citizens).set({ lastLoginAt: now }).where(eq(citizens.contact, contact)).returning();
  if (!found) throw new Error('citizen vanished between insert and update');
  return { citizen: found, created: false };
}

/** POST /api/citizen/session: a right code signs in (making the account the first time); every try is counted and audited. */
export async function signIn(db: Db, meta: CitizenMeta, body: CitizenSessionBody, now: Date = new Date()): Promise<{ citizen: CitizenRow; session: NewCitizenSession }> {
  const c = contactOf(body.contact, meta.lang);
  const who = { actor: null, citizen: { label: citizenLabel(c.kind, c.value) }, requestId: meta.requestId, ip: meta.ip };
  // Committed on its own: a wrong guess counts even though the request fails.
  const matched = await db.transaction(async (tx) => {
    const id = await tryOtp(tx, c.value, body.code, now);
    if (!id) await recordAudit(tx, who, { action: 'citizen.otp_failed', entityType: 'citizen_otp', after: { kind: c.kind } });
    return id;
  });
  if (!matched) throw citizenErrors.otpInvalid();
  return db.transaction(async (tx) => {
    if (!(await consumeOtp(tx, matched, now))) throw citizenErrors.otpInvalid();
    const { citizen, created } = await accountOf(tx, c.kind, c.value, now);
    if (created) await recordAudit(tx, who, { action: 'citizen.create', entityType: CITIZEN_ENTITY, entityId: citizen.id, after: { kind: c.kind } });
    const session = await createCitizenSession(tx, citizen.id, meta, now);
    await recordAudit(tx, who, { action: 'citizen.login', entityType: CITIZEN_ENTITY, entityId: citizen.id });
    return { citizen, session };
  });
}

export async function signOut(db: Db, meta: CitizenMeta, citizen: CitizenRow, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await endCitizenSession(tx, token);
    await recordAudit(
      tx,
      { actor: null, citizen: { label: citizenLabel(citizen.kind, citizen.contact) }, requestId: meta.requestId, ip: meta.ip },
      { action: 'citizen.logout', entityType: CITIZEN_ENTITY, entityId: citizen.id },
    );
  });
}
