// Email addresses and Vietnamese mobile numbers as the product stores them: one normal form, so that one person is one account.
import { z } from 'zod';

/** Mobile numbers: 0 or +84 or 84, then 3, 5, 7, 8 or 9 and eight digits; spaces, dots and dashes are ignored. */
const MOBILE = /^(?:\+?84|0)([35789]\d{8})$/;

/** "0912 345 678", "+84 912.345.678", "84912345678" → "+84912345678"; null when not a Vietnamese mobile number. */
export function normalizePhone(input: string): string | null {
  const m = MOBILE.exec(input.replace(/[\s.\-()]/g, ''));
  return m ? `+84${m[1]}` : null;
}

/** Trimmed, NFC, lower case (mail providers treat the local part without case in practice). */
export function normalizeEmail(input: string): string | null {
  const value = input.trim().normalize('NFC').toLowerCase();
  return z.email().max(200).safeParse(value).success ? value : null;
}

export type ContactKind = 'email' | 'phone';

/** An email address or a mobile number, told apart by the "@". */
export function parseContact(input: string): { kind: ContactKind; value: string } | null {
  if (input.includes('@')) {
    const value = normalizeEmail(input);
    return value ? { kind: 'email', value } : null;
  }
  const value = normalizePhone(input);
  return value ? { kind: 'phone', value } : null;
}

/** "+84912345678" → "0912 345 678", as people write it. */
export function displayPhone(phone: string): string {
  const local = phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
  return local.length === 10 ? `${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}` : local;
}
