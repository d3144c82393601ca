// Removes personal data from a text meant for the public (a published answer) or for a reader who may not know the writer: the known people's details, then e-mails, tax codes, ID numbers, phone numbers, addresses and names after a form of address.

/** What replaces each kind of detail. */
export const PLACEHOLDERS = {
  name: '[họ tên]',
  address: '[địa chỉ]',
  phone: '[số điện thoại]',
  email: '[email]',
  idNumber: '[số giấy tờ]',
  taxCode: '[mã số thuế]',
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

/**
 * A tax code after its label ("mã số thuế", "MST", "mã số doanh nghiệp", "MSDN", in any case, "cá nhân của tôi là" and the like between):
 * ten digits, a branch's ten digits and three (with a dash or without), or a person's twelve (the citizen identity number). A person's own
 * tax code is personal data (Decree 13/2023/NĐ-CP), and a business's names its owner often enough: the label stays, the number goes.
 */
const TAX_CODE =
  /(?<![\p{L}])((?:mã số thuế|ma so thue|mst|mã số doanh nghiệp|msdn)(?:\s+(?:cá nhân|doanh nghiệp|của (?:tôi|ông|bà|công ty))){0,2}(?:\s+(?:là|số))?\s*:?\s*)\d{10}(?:\s*-\s*\d{3}|\d{2,3})?(?![\p{N}])/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Citizen identity card (12 digits) and the old identity card (9 digits), optionally grouped by spaces or dots; not after +84 (a phone), not an amount of đồng. */
const ID_NUMBER = /(?<![\p{N}])(?<!(?:\+84|84)[ .-])(?:\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{3}|\d{3}[ .]?\d{3}[ .]?\d{3})(?![\p{N}])(?!\s*(?:đồng|Đồng|đ|VNĐ|VND)(?![\p{L}]))/gu;
/**
 * Vietnamese phone numbers: 0 or +84 / 84, then 9 digits (mobile) or 9-10 digits (landline), spaces, dots, dashes or an area code's
 * bracket between groups; not ten digits after a tax code's label (TAX_CODE replaces them first, with the label kept).
 */
const PHONE = /(?<![\p{N}+])(?<!(?:[Mm]ã số thuế|MÃ SỐ THUẾ|[Mm]ã số doanh nghiệp|MÃ SỐ DOANH NGHIỆP|MST|MSDN)\s*:?\s*)(?:\+84|84|0)(?:[ .)-]{0,2}\d){8,10}(?![\p{N}])/gu;
/** "trú tại ...", "địa chỉ: ...": the label stays, the address up to the end of the sentence goes. */
const ADDRESS = /((?:địa chỉ|trú tại|thường trú(?: tại)?|tạm trú(?: tại)?|cư trú tại|ngụ tại|nơi ở)\s*:?\s*)([^.;\n()]{3,150})/giu;
/** An address without its label: a house number, then a lane, street, hamlet... ("số 7 ngõ Kín, thôn Tây", "Số nhà 15, ngõ 8, phố Huế"). */
const HOUSE = /(?<![\p{L}])(?:số nhà|số)\s+\d+[\p{L}\d/]*\s*,?\s*(?:ngõ|ngách|hẻm|kiệt|đường|phố|thôn|xóm|ấp|tổ|khu phố)(?![\p{L}])[^.;\n()]{0,150}/giu;
const cased = (words: readonly string[]) => words.flatMap((t) => [t, t[0]?.toUpperCase() + t.slice(1), t.toUpperCase()]).join('|');
/** The words after which a number is not a house: an article, a clause, a date, a count, an area's number ("Điều 25", "năm 2026 đường..."). */
const NOT_HOUSE_AFTER = cased(
  ['điều', 'khoản', 'điểm', 'chương', 'mục', 'phần', 'năm', 'tháng', 'ngày', 'quý', 'tuần', 'lần', 'khóa', 'khoá', 'kỳ', 'đợt', 'giờ', 'lúc', 'trang', 'tờ', 'thửa'].concat(
    ['số', 'tổ', 'khu', 'đội', 'phường', 'quận', 'xóm', 'ấp', 'thôn'],
  ),
);
const STREETS = cased(['ngõ', 'ngách', 'hẻm', 'kiệt', 'đường', 'phố', 'thôn', 'xóm', 'ấp', 'tổ', 'khu phố']);
/** A house number: 25, 25A, 12/3, 12B/4 (not a date such as 25/11/2026, not part of a longer number); `short`: three digits at most, not a year. */
const houseNo = (digitsMax: number) => `\\d{1,${digitsMax}}[A-Za-z]?(?:/\\d{1,4}[A-Za-z]?)?(?![\\d/.,]\\d)(?![\\d/])`;
/** A lane, street or hamlet word and its name or number ("ngõ 34", "phố Huế", "đường Lê Lợi"). */
const STREET = `(?:${STREETS})\\s+[\\p{Lu}\\d][\\p{L}\\d/]*(?:\\s+[\\p{Lu}\\d][\\p{L}\\d/]*){0,3}`;
/** The ward, district, town or province that may follow a street ("25 Nguyễn Trãi, phường Thượng Đình, Hà Nội"). */
const AREA = `(?:\\s*,\\s*(?:(?:${cased(['phường', 'xã', 'quận', 'huyện', 'thị xã', 'thị trấn', 'thành phố', 'tỉnh'])}|TP\\.?|Q\\.|P\\.)\\s*[\\p{Lu}\\d]|\\p{Lu})[\\p{L}\\d]*(?:\\s+[\\p{Lu}\\d][\\p{L}\\d]*){0,3})*`;
/** Capitalised words that start a document's or a body's name, not a street's ("Điều 25 Luật Khiếu nại", "12 Ủy ban"). */
const NOT_STREET =
  '(?:Luật|Bộ|Nghị|Thông|Quyết|Chỉ|Hiến|Công|Văn|Ủy|Uỷ|UBND|HĐND|Hội|Sở|Phòng|Điều|Khoản|Chương|Tờ|Giấy|Biên|Kế|Báo|Đơn|Quốc|Chính|Tòa|Toà|Viện|Ban|Đảng|Mặt|Trường|Bệnh|Hộ|Người|Cán|Học)(?![\\p{L}])';
/**
 * An address without "số": a house number, then a lane, street or hamlet with its name ("ở 12 ngõ 34 phố Huế", "15 đường
 * Lê Lợi") or two to four capitalised words of a street's name ("25 Nguyễn Trãi, Thanh Xuân"). Not a number after a word
 * that makes it an article, a date, a count or an area's number, not before a document's or a body's name, not a count of
 * hamlets ("12 thôn trên địa bàn": no name after the word).
 */
const BARE_HOUSE = new RegExp(
  `(?<![\\p{L}\\d/.,-])(?<!(?:${NOT_HOUSE_AFTER})\\s+)(?:${houseNo(4)}(?:\\s*,?\\s*${STREET})+|${houseNo(3)}\\s+(?!${NOT_STREET})\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){1,3}(?![\\p{L}\\d]))${AREA}`,
  'gu',
);
/** Phrases that introduce a person's own name: "Tôi là ...", "Họ và tên: ...". */
const INTRODUCERS = ['tôi là', 'tôi tên là', 'tên tôi là', 'họ tên', 'họ và tên'];
/** Labels of a form's line that a name follows after a colon: "Họ và tên người viết đơn: ...", "Người viết: ...". */
const ROLES = ['người viết', 'người viết đơn', 'người đứng đơn', 'người khiếu nại', 'người tố cáo', 'người kiến nghị', 'người phản ánh', 'người đại diện'];
const TITLES = ['ông', 'bà', 'anh', 'chị', 'em', 'cháu', 'cụ', 'công dân', 'người viết đơn', 'hộ gia đình'];
/** A name: up to five capitalised words, in title case or all capitals ("Nguyễn Văn A", "LÊ VĂN TÁM"). */
const NAME = '\\p{Lu}[\\p{L}\\p{M}]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*){0,4}';
/** Capitalised words that are the rest of a label, not a name: before a colon ("HỌ VÀ TÊN NGƯỜI VIẾT ĐƠN: ..."). */
const NOT_LABEL = '(?![\\p{L}\\p{M}])(?!(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*)*\\s*:)';
/** A name after a form of address: "ông Nguyễn Văn A", "Bà Lê Thị Thu" (case matters for the name). */
const NAMED = new RegExp(`(?<![\\p{L}])((?:${cased(TITLES)})\\s+)(${NAME})`, 'gu');
const INTRODUCED = new RegExp(`(?<![\\p{L}])((?:${cased(INTRODUCERS)})\\s*:?\\s*)(${NAME}${NOT_LABEL})`, 'gu');
/** A name after a label and a colon: "Họ và tên người viết đơn: Lê Văn A" (up to five words between), "Người viết: Lê Văn A". */
const LABELLED = new RegExp(`(?<![\\p{L}])((?:(?:${cased(['họ và tên', 'họ tên'])})(?:\\s+\\p{L}+){0,5}?|${cased(ROLES)})\\s*:\\s*)(${NAME})`, 'gu');

/** Digits only, for comparing numbers written with or without separators. */
const digits = (s: string) => s.replace(/\D/g, '');

/**
 * The text with personal data replaced by placeholders: first the known people's names, addresses,
 * e-mails, ID and phone numbers (however written: case, diacritics, spacing), then anything that
 * looks like an e-mail, a tax code after its label, an ID number, a phone number, an address after its label, or a name after
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
  // Tax codes first: a branch's code would otherwise lose its first ten digits as a phone number and keep the rest.
  text = text.replace(TAX_CODE, (_m, label: string) => `${label}${PLACEHOLDERS.taxCode}`);
  // ID numbers next: a grouped 12-digit card number would otherwise start like a phone number.
  text = text.replace(ID_NUMBER, PLACEHOLDERS.idNumber);
  text = text.replace(PHONE, PLACEHOLDERS.phone);
  for (const id of knownIds) text = text.split(id).join(PLACEHOLDERS.idNumber);
  text = text.replace(ADDRESS, (_m, label: string) => `${label}${PLACEHOLDERS.address}`);
  text = text.replace(HOUSE, PLACEHOLDERS.address);
  text = text.replace(BARE_HOUSE, PLACEHOLDERS.address);
  text = text.replace(LABELLED, (_m, label: string) => `${label}${PLACEHOLDERS.name}`);
  text = text.replace(INTRODUCED, (_m, intro: string) => `${intro}${PLACEHOLDERS.name}`);
  text = text.replace(NAMED, (_m, title: string) => `${title}${PLACEHOLDERS.name}`);
  return text;
}

/** Whether the text holds a tax code after its label: what redactPersonalData replaces by `[mã số thuế]`, whoever it belongs to. */
export function mentionsTaxCode(text: string): boolean {
  // search() starts at 0 whatever the global regex's lastIndex.
  return text.normalize('NFC').search(TAX_CODE) >= 0;
}

/** A number's digits as written in a text, the separators inside it dropped ("0987 111.222" → "0987111222"). */
const joinedNumbers = (text: string) => text.replace(/(?<=\d)[ .()-]+(?=\d)/g, '');

/**
 * Whether the text still holds a detail of a known person (name, address or e-mail however written;
 * ID or phone number with any separators, a phone also with +84). Not whether it looks personal:
 * the generic shapes are replaced the same with or without the known people, so comparing two
 * redactions cannot tell that the writer's own number is still in the text.
 */
export function mentionsKnown(text: string, known: readonly KnownPerson[]): boolean {
  const nfc = text.normalize('NFC');
  const numbers = joinedNumbers(nfc);
  return known.some((p) => {
    const phrases = [p.name, p.address, p.email].filter((x): x is string => !!x?.trim());
    if (phrases.some((x) => replacePhrase(nfc, x, '\u0000') !== nfc)) return true;
    const id = digits(p.idNumber ?? '');
    if (id.length >= 6 && numbers.includes(id)) return true;
    // The national number of a phone: without its 0 or 84.
    const phone = digits(p.phone ?? '').replace(/^(?:84|0)/, '');
    return phone.length >= 8 && numbers.includes(phone);
  });
}
