// QR codes drawn as vector squares (sharp at any printer resolution), from the `qrcode` package's module matrix.
import { create } from 'qrcode';

/** The dark modules of a QR symbol, row by row; `size` modules a side, without the quiet zone. */
export interface QrMatrix {
  size: number;
  dark: (row: number, col: number) => boolean;
}

/** Level M recovers a smudged or folded receipt (15% of the symbol) and keeps a URL's symbol small. */
export function qrMatrix(payload: string): QrMatrix {
  const { modules } = create(payload, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.data[row * modules.size + col] === 1 };
}

/** Horizontal runs of dark modules, [row, firstCol, length]: one rectangle each instead of one per module. */
export function qrRuns(m: QrMatrix): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  for (let r = 0; r < m.size; r++) {
    let start = -1;
    for (let c = 0; c <= m.size; c++) {
      const on = c < m.size && m.dark(r, c);
      if (on && start < 0) start = c;
      if (!on && start >= 0) {
        runs.push([r, start, c - start]);
        start = -1;
      }
    }
  }
  return runs;
}

/** Draws the symbol with its top-left corner at (x, y), `side` points wide including a quiet zone of 4 modules. */
export function drawQr(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, side: number): void {
  const m = qrMatrix(payload);
  const quiet = 4;
  const unit = side / (m.size + 2 * quiet);
  doc.save();
  for (const [row, col, len] of qrRuns(m)) doc.rect(x + (quiet + col) * unit, y + (quiet + row) * unit, len * unit, unit);
  doc.fillColor('black').fill();
  doc.restore();
}
