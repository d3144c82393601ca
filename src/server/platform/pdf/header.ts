// The head of a Vietnamese administrative document: issuing body top-left, national name and motto top-right, number, place and date, title.
import { BODY_SIZE, nfc, type PdfBuilder } from './document';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface HeaderSpec {
  /** The issuing body, superior first: ["XÃ AN BÌNH", "BỘ PHẬN MỘT CỬA"]; the last line is bold and underlined. */
  issuer: readonly string[];
  /** "Số: …/…" under the issuer, for letters that take a registry number. */
  number?: string;
  /** "An Bình, ngày 22 tháng 11 năm 2026". */
  placeDate: string;
}

/** The largest size up to `max` at which `text` fits in `width` with the current font style. */
function fitSize(b: PdfBuilder, text: string, width: number, max: number): number {
  let size = max;
  b.use('bold', size);
  while (size > 8 && b.doc.widthOfString(text) > width) b.use('bold', (size -= 0.5));
  return size;
}

export function nationalHeader(b: PdfBuilder, h: HeaderSpec): void {
  const leftW = b.width * 0.42;
  const rightW = b.width - leftW;
  const leftX = b.left;
  const rightX = b.left + leftW;
  const top = b.y;
  const issuer = h.issuer.map((l) => nfc(l).toLocaleUpperCase('vi'));
  const last = issuer.length - 1;
  let leftY = b.centeredLines(
    issuer.map((text, i) => ({ text, style: i === last ? ('bold' as const) : ('regular' as const) })),
    leftX,
    leftW,
    top,
  );
  b.rule(leftX + leftW / 2, leftY + 1, leftW * 0.36);

  const nameSize = fitSize(b, NATIONAL_NAME, rightW, BODY_SIZE);
  let rightY = b.centeredLines([{ text: NATIONAL_NAME, style: 'bold', size: nameSize }], rightX, rightW, top);
  const mottoSize = Math.min(nameSize + 0.5, BODY_SIZE + 0.5);
  rightY = b.centeredLines([{ text: MOTTO, style: 'bold', size: mottoSize }], rightX, rightW, rightY);
  b.use('bold', mottoSize);
  b.rule(rightX + rightW / 2, rightY + 1, b.doc.widthOfString(MOTTO));

  const below = Math.max(leftY, rightY) + 8;
  leftY = h.number ? b.centeredLines([{ text: h.number, style: 'regular' }], leftX, leftW, below) : below;
  rightY = b.centeredLines([{ text: h.placeDate, style: 'italic' }], rightX, rightW, below);
  b.y = Math.max(leftY, rightY) + 18;
}

/** A title too long for one line, cut at the space that makes two lines of the most even width (no lone word below). */
function balanced(b: PdfBuilder, title: string): string {
  if (b.doc.widthOfString(title) <= b.width) return title;
  const words = title.split(' ');
  let best = title;
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const w = Math.max(b.doc.widthOfString(words.slice(0, i).join(' ')), b.doc.widthOfString(words.slice(i).join(' ')));
    if (w < bestWidth) [best, bestWidth] = [`${words.slice(0, i).join(' ')}\n${words.slice(i).join(' ')}`, w];
  }
  return bestWidth <= b.width ? best : title;
}

/** The document's name in capitals, then lines under it ("Mã hồ sơ: …"). */
export function documentTitle(b: PdfBuilder, title: string, lines: readonly string[] = []): void {
  b.use('bold', BODY_SIZE + 1);
  b.text(balanced(b, nfc(title).toLocaleUpperCase('vi')), { style: 'bold', size: BODY_SIZE + 1, align: 'center' });
  for (const l of lines) b.text(l, { style: 'bold', align: 'center' });
  b.space(10);
}
