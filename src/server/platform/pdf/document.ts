// A small builder of printed documents on A4 (forms, letters, reports): fonts, NFC text, paragraphs, lists, the signature blocks; ends as a Buffer.
import PDFDocument from 'pdfkit';
import { fontData, type FontStyle } from './fonts';
import { drawQr } from './qr';
import { wrapLines } from './wrap';

/** Every text is drawn in NFC: decomposed input (e + U+0302 + U+0301) would stack its marks on the wrong glyphs. */
export const nfc = (text: string) => text.normalize('NFC');

const MM = 72 / 25.4;
/** Decree 30/2020/NĐ-CP: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
export const BODY_SIZE = 12;

export interface TextStyle {
  style?: FontStyle;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Indent of the first line (a paragraph's), in points. */
  indent?: number;
  /** Space after, in points. */
  after?: number;
}

export interface SignatureBlock {
  /** "NGƯỜI TIẾP NHẬN HỒ SƠ": set in capitals, bold. */
  title: string;
  /** "(Ký và ghi rõ họ tên)". */
  hint: string;
  /** Printed under the space left for the signature, when known. */
  name?: string | null;
}

export interface DocumentMeta {
  title: string;
  subject?: string;
  author?: string;
}

export class PdfBuilder {
  readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;

  constructor(meta: DocumentMeta) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      lang: 'vi-VN',
      displayTitle: true,
      bufferPages: true,
      info: { Title: nfc(meta.title), Subject: nfc(meta.subject ?? meta.title), Author: nfc(meta.author ?? ''), Creator: 'Dân Vận Số' },
    });
    const chunks: Buffer[] = [];
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    const fonts = fontData();
    for (const style of Object.keys(fonts) as FontStyle[]) this.doc.registerFont(style, fonts[style]);
    this.use('regular', BODY_SIZE);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** The lowest y that text may reach on this page. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get y(): number {
    return this.doc.y;
  }

  set y(v: number) {
    this.doc.y = v;
  }

  use(style: FontStyle, size: number = BODY_SIZE): this {
    this.doc.font(style).fontSize(size);
    return this;
  }

  lineHeight(): number {
    return this.doc.currentLineHeight(true);
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  space(points: number): this {
    this.doc.y += points;
    return this;
  }

  /** A block of text across the full width (or `width` from `x`), flowing onto new pages as needed. */
  text(text: string, s: TextStyle = {}, x = this.left, width = this.width): this {
    this.use(s.style ?? 'regular', s.size ?? BODY_SIZE);
    this.doc.text(nfc(text), x, this.doc.y, { width, align: s.align ?? 'left', indent: s.indent ?? 0, lineGap: 1 });
    if (s.after) this.doc.y += s.after;
    this.doc.x = this.left;
    return this;
  }

  /** A body paragraph: justified, first line indented, as official letters are set. */
  paragraph(text: string, s: TextStyle = {}): this {
    return this.text(text, { align: 'justify', indent: 20, after: 3, ...s });
  }

  /** "Label: value" with the value in bold, wrapping under the label. */
  field(label: string, value: string | null | undefined, s: TextStyle = {}): this {
    const size = s.size ?? BODY_SIZE;
    this.use('regular', size);
    this.doc.text(nfc(`${label}: `), this.left, this.doc.y, { width: this.width, continued: true, lineGap: 1, indent: s.indent ?? 0 });
    this.use(value ? 'bold' : 'regular', size);
    this.doc.text(nfc(value || '…………………………'), { lineGap: 1 });
    this.doc.y += s.after ?? 2;
    this.doc.x = this.left;
    return this;
  }

  /** A list item with a hanging marker ("1.", "-"): the text lines up after the marker. */
  item(marker: string, text: string, s: TextStyle = {}, level = 0): this {
    const size = s.size ?? BODY_SIZE;
    const indent = 20 + level * 18;
    const hang = 20;
    this.use(s.style ?? 'regular', size);
    this.ensureSpace(this.lineHeight());
    const y = this.doc.y;
    this.doc.text(nfc(marker), this.left + indent, y, { width: hang, lineBreak: false });
    this.doc.text(nfc(text), this.left + indent + hang, y, { width: this.width - indent - hang, align: s.align ?? 'justify', lineGap: 1 });
    this.doc.y += s.after ?? 2;
    this.doc.x = this.left;
    return this;
  }

  /** Centered lines in a column, each wrapped within it; returns the y below the last line. */
  centeredLines(lines: ReadonlyArray<{ text: string; style: FontStyle; size?: number }>, x: number, width: number, y: number): number {
    let cy = y;
    for (const l of lines) {
      this.use(l.style, l.size ?? BODY_SIZE);
      for (const line of wrapLines(this.doc, nfc(l.text), width)) {
        this.doc.text(line, x, cy, { width, align: 'center', lineBreak: false });
        cy += this.doc.currentLineHeight();
      }
    }
    return cy;
  }

  /** A thin horizontal rule centered in a column, as under the agency name and the national motto. */
  rule(centerX: number, y: number, length: number): void {
    this.doc
      .save()
      .lineWidth(0.6)
      .moveTo(centerX - length / 2, y)
      .lineTo(centerX + length / 2, y)
      .stroke()
      .restore();
  }

  /**
   * Signature blocks side by side (one on the right when alone), kept together on one page; a letter's
   * "Nơi nhận" (who receives copies) goes at the left of a lone block.
   */
  signatures(blocks: readonly SignatureBlock[], opts: { recipients?: readonly string[]; gap?: number } = {}): this {
    const gap = opts.gap ?? 60;
    this.use('bold', BODY_SIZE);
    const lh = this.lineHeight();
    // Title, hint, the space to sign and the name: the block is never split from its title.
    this.ensureSpace(lh * 3 + gap + 12);
    const colWidth = this.width / Math.max(2, blocks.length);
    const top = this.doc.y + 6;
    let lowest = top;
    if (opts.recipients && blocks.length === 1) {
      this.use('boldItalic', BODY_SIZE - 0.5);
      this.doc.text(nfc('Nơi nhận:'), this.left, top, { width: colWidth, lineBreak: false });
      this.use('regular', BODY_SIZE - 1);
      let y = top + this.lineHeight() + 1;
      for (const r of opts.recipients) {
        this.doc.text(nfc(`- ${r}`), this.left, y, { width: colWidth - 10 });
        y = this.doc.y;
      }
      lowest = y;
    }
    blocks.forEach((b, i) => {
      const x = blocks.length === 1 ? this.left + this.width - colWidth : this.left + i * colWidth;
      let y = this.centeredLines(
        [
          { text: b.title.toLocaleUpperCase('vi'), style: 'bold' },
          { text: b.hint, style: 'italic' },
        ],
        x,
        colWidth,
        top,
      );
      y += gap;
      if (b.name) y = this.centeredLines([{ text: b.name, style: 'bold' }], x, colWidth, y);
      lowest = Math.max(lowest, y);
    });
    this.doc.y = lowest + 6;
    this.doc.x = this.left;
    return this;
  }

  /** A QR code at the left with lines of text beside it; the whole block stays on one page. */
  qrBlock(payload: string, lines: ReadonlyArray<{ text: string; style?: FontStyle; size?: number }>, side = 78): this {
    this.ensureSpace(side + 4);
    const top = this.doc.y;
    drawQr(this.doc, payload, this.left, top, side);
    const x = this.left + side + 10;
    this.doc.y = top + 8;
    for (const l of lines) this.text(l.text, { style: l.style ?? 'regular', size: l.size ?? BODY_SIZE - 1 }, x, this.width - side - 10);
    this.doc.y = Math.max(this.doc.y, top + side) + 4;
    this.doc.x = this.left;
    return this;
  }

  /** Page numbers at the top center from the second page on (Decree 30/2020), then the bytes. */
  async end(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    if (range.count > 1) {
      for (let i = 1; i < range.count; i++) {
        this.doc.switchToPage(range.start + i);
        this.use('regular', BODY_SIZE - 1);
        const margin = this.doc.page.margins.top;
        this.doc.page.margins.top = 0;
        this.doc.text(String(i + 1), this.left, 10 * MM, { width: this.width, align: 'center', lineBreak: false });
        this.doc.page.margins.top = margin;
      }
    }
    this.doc.end();
    return this.done;
  }
}
