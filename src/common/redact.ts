// Removes personal data from a text meant for the public (a published answer): the known people's details, then e-mails, ID numbers, phone numbers, addresses and names after a form of address.

/** What replaces each kind of detail. */
export const PLACEHOLDERS = {
  name: '[họ tên]',
  address: '[địa chỉ]',
  phone: '[số điện thoại]',
  email: '[email]',
  idNumber: '[số giấy tờ]',
} as const;

/** A person whose details are known (the writer, the representatives of a group). */
export interface KnownPerson {
  name?: string | null | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  idNumber?: string | null | undefined;
}

/** One character folded as dv_fold does (no marks, đ → d, lower case); every precomposed Vietnamese letter stays one character. */
function foldChar(c: string): string {
  const f = c.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  return f.length === 1 ? f : c.toLowerCase().slice(0, 1) || c;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Replaces every occurrence of `phrase` in `text`, ignoring case, diacritics and runs of spaces, as a
 * whole word ("Văn An" does not match inside "Văn Anh"). `text` is NFC.
 */
export function replacePhrase(text: string, phrase: string, placeholder: string): string {
  const words = phrase.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return text;
  const chars = [...text];
  const folded = chars.map(foldChar);
  const target = words.map((w) => [...w].map(foldChar));
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const end = matchAt(folded, i, target);
    if (end !== null && !isWordChar(chars[i - 1]) && !isWordChar(chars[end])) {
      out.push(placeholder);
      i = end;
    } else {
      out.push(chars[i] ?? '');
      i++;
    }
  }
  return out.join('');
}

/** Where the words match from `start` (words separated by at least one space), or null. */
function matchAt(folded: readonly string[], start: number, words: readonly string[][]): number | null {
  let i = start;
  for (const [n, word] of words.entries()) {
    if (n > 0) {
      if (folded[i] !== ' ' && folded[i] !== '\u00a0') return null;
      while (folded[i] === ' ' || folded[i] === '\u00a0') i++;
    }
    for (const c of word) {
      if (folded[i] !== c) return null;
      i++;
    }
  }
  return i;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Citizen identity card (12 digits) and the old identity card (9 digits), optionally grouped by spaces or dots. */
const ID_NUMBER = /(?<![\p{N}])(?:\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{3}|\d{9})(?![\p{N}])/gu;
/** Vietnamese phone numbers: 0 or +84 / 84, then 9 digits (mobile) or 9-10 digits (landline), spaces, dots or dashes between groups. */
const PHONE = /(?<![\p{N}+])(?:\+84|84|0)(?:[ .-]?\d){8,10}(?![\p{N}])/gu;
/** "trú tại ...", "địa chỉ: ...": the label stays, the address up to the end of the sentence goes. */
const ADDRESS = /((?:địa chỉ|trú tại|thường trú(?: tại)?|tạm trú(?: tại)?|cư trú tại|ngụ tại|nơi ở)\s*:?\s*)([^.;\n()]{3,150})/giu;
const TITLES = ['ông', 'bà', 'anh', 'chị', 'em', 'cháu', 'cụ', 'công dân', 'người viết đơn', 'hộ gia đình'];
/** A name after a form of address: "ông Nguyễn Văn A", "Bà Lê Thị Thu" (up to four capitalised words; case matters for the name). */
const NAMED = new RegExp(
  `(?<![\\p{L}])((?:${TITLES.flatMap((t) => [t, t[0]?.toUpperCase() + t.slice(1)]).join('|')})\\s+)(\\p{Lu}[\\p{Ll}\\p{M}]*(?:\\s+\\p{Lu}[\\p{Ll}\\p{M}]*){0,3})`,
  'gu',
);

/** Digits only, for comparing numbers written with or without separators. */
const digits = (s: string) => s.replace(/\D/g, '');

/**
 * The text with personal data replaced by placeholders: first the known people's names, addresses,
 * e-mails, ID and phone numbers (however written: case, diacritics, spacing), then anything that
 * looks like an e-mail, an ID number, a phone number, an address after its label, or a name after
 * "ông", "bà", "anh", "chị"... A draft for an officer to review, not a guarantee.
 */
export function redactPersonalData(input: string, known: readonly KnownPerson[] = []): string {
  let text = input.normalize('NFC');
  // Longest first, so that a full name goes before a part of it that is also known.
  const phrases: Array<[string, string]> = [];
  for (const p of known) {
    if (p.address?.trim()) phrases.push([p.address, PLACEHOLDERS.address]);
    if (p.name?.trim()) phrases.push([p.name, PLACEHOLDERS.name]);
    if (p.email?.trim()) phrases.push([p.email, PLACEHOLDERS.email]);
  }
  phrases.sort((a, b) => b[0].length - a[0].length);
  for (const [phrase, placeholder] of phrases) text = replacePhrase(text, phrase, placeholder);
  text = text.replace(EMAIL, PLACEHOLDERS.email);
  const knownIds = new Set(known.map((p) => digits(p.idNumber ?? '')).filter((d) => d.length >= 6));
  // ID numbers first: a grouped 12-digit card number would otherwise start like a phone number.
  text = text.replace(ID_NUMBER, PLACEHOLDERS.idNumber);
  text = text.replace(PHONE, PLACEHOLDERS.phone);
  for (const id of knownIds) text = text.split(id).join(PLACEHOLDERS.idNumber);
  text = text.replace(ADDRESS, (_m, label: string) => `${label}${PLACEHOLDERS.address}`);
  text = text.replace(NAMED, (_m, title: string) => `${title}${PLACEHOLDERS.name}`);
  return text;
}
