// Test-only readers of generated PDFs: the text as a reader's copy-paste would give it, and the QR code decoded from the drawn squares.
import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { extractText, getDocumentProxy } from 'unpdf';

/** The text of every page, whitespace folded to single spaces (line breaks fall wherever the layout put them). */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  return { text: text.replace(/\s+/g, ' ').trim(), pages: totalPages };
}

/** The content streams of the PDF, inflated. */
function contentStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /\bstream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream: not a page's content
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}

/**
 * Finds filled paths made of rectangles of one height (the QR symbol drawn by platform/pdf/qr.ts),
 * rebuilds the module grid from them and decodes it with jsQR, as a phone's camera would the print.
 */
export function decodeQrCodes(pdf: Buffer): string[] {
  const found: string[] = [];
  for (const content of contentStreams(pdf)) {
    const paths = content.split(/\n(?:f|S|B)\b/);
    for (const path of paths) {
      const rects = [...path.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((r) => r.slice(1, 5).map(Number) as [number, number, number, number]);
      if (rects.length < 50) continue;
      const unit = rects[0]?.[3] ?? 0;
      if (!rects.every((r) => Math.abs(r[3] - unit) < 0.01)) continue;
      const minX = Math.min(...rects.map((r) => r[0]));
      const minY = Math.min(...rects.map((r) => r[1]));
      const cells = rects.map(([x, y, w]) => [Math.round((y - minY) / unit), Math.round((x - minX) / unit), Math.round(w / unit)] as const);
      const size = Math.max(...cells.map(([row]) => row)) + 1;
      const scale = 4;
      const side = (size + 8) * scale;
      const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
      for (const [row, col, len] of cells)
        for (let c = col; c < col + len; c++)
          for (let dy = 0; dy < scale; dy++)
            for (let dx = 0; dx < scale; dx++) {
              const i = (((row + 4) * scale + dy) * side + (c + 4) * scale + dx) * 4;
              rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
            }
      const code = jsQR(rgba, side, side);
      if (code) found.push(code.data);
    }
  }
  return found;
}
