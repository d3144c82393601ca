// Ruled tables that continue across pages: the header row is repeated on each page and a tall row is split between lines.
import type { FontStyle } from './fonts';
import { BODY_SIZE, nfc, type PdfBuilder } from './document';
import { wrapLines } from './wrap';

/** Rows up to this many lines are never split between pages. */
const SHORT_ROW = 8;

export interface TableColumn {
  header: string;
  /** Relative width: the columns share the text width in proportion. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  size?: number;
  padding?: number;
}

export function table(b: PdfBuilder, columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>, opts: TableOptions = {}): void {
  const size = opts.size ?? BODY_SIZE - 1;
  const pad = opts.padding ?? 4;
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * b.width);
  const xs = widths.map((_, i) => b.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  b.use('regular', size);
  const lh = b.doc.currentLineHeight();

  const wrap = (cells: readonly string[], style: FontStyle) => {
    b.use(style, size);
    return columns.map((_, i) => wrapLines(b.doc, nfc(cells[i] ?? ''), (widths[i] ?? 0) - 2 * pad));
  };

  /** Draws one band of the row (the lines given for each cell) with its borders; returns its height. */
  const band = (cells: string[][], style: FontStyle, y: number, align: (i: number) => 'left' | 'center' | 'right'): number => {
    const h = Math.max(1, ...cells.map((l) => l.length)) * lh + 2 * pad;
    b.use(style, size);
    cells.forEach((lines, i) => {
      const x = xs[i] ?? b.left;
      const w = widths[i] ?? 0;
      b.doc.save().lineWidth(0.5).rect(x, y, w, h).stroke().restore();
      lines.forEach((line, n) => {
        const tw = b.doc.widthOfString(line);
        const a = align(i);
        const tx = a === 'center' ? x + (w - tw) / 2 : a === 'right' ? x + w - pad - tw : x + pad;
        b.doc.text(line, tx, y + pad + n * lh, { lineBreak: false });
      });
    });
    return h;
  };

  const head = wrap(
    columns.map((c) => c.header),
    'bold',
  );
  const headHeight = Math.max(...head.map((l) => l.length)) * lh + 2 * pad;
  let y = b.y;
  const startPage = () => {
    y = b.y;
    y += band(head, 'bold', y, () => 'center');
  };
  if (y + headHeight + lh + 2 * pad > b.bottom) b.newPage();
  startPage();

  for (const row of rows) {
    let rest = wrap(row, 'regular');
    let fresh = false;
    while (rest.some((l) => l.length)) {
      const need = Math.max(...rest.map((l) => l.length));
      const room = Math.floor((b.bottom - y - 2 * pad) / lh);
      // A row of up to SHORT_ROW lines moves whole to the next page; a longer one is split, leaving at least two lines on each side.
      if (!fresh && room < need && (need <= SHORT_ROW || room < 2)) {
        b.newPage();
        startPage();
        fresh = true;
        continue;
      }
      const take = room >= need ? need : Math.max(1, Math.min(room, need - 2));
      y += band(
        rest.map((l) => l.slice(0, take)),
        'regular',
        y,
        (i) => columns[i]?.align ?? 'left',
      );
      rest = rest.map((l) => l.slice(take));
      fresh = false;
      if (rest.some((l) => l.length)) {
        b.newPage();
        startPage();
        fresh = true;
      }
    }
  }
  b.y = y + 8;
  b.doc.x = b.left;
}
