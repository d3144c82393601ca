// Line breaking by measured width, for table cells that must be laid out (and split across pages) line by line.

/** Measures with the document's current font and size. */
export interface Measure {
  widthOfString: (text: string) => number;
}

function cutLongWord(m: Measure, word: string, width: number, out: string[]): string {
  let rest = word;
  while (rest.length > 1 && m.widthOfString(rest) > width) {
    let n = rest.length - 1;
    while (n > 1 && m.widthOfString(rest.slice(0, n)) > width) n--;
    out.push(rest.slice(0, n));
    rest = rest.slice(n);
  }
  return rest;
}

/** The lines of `text` within `width` points; explicit newlines are kept, a word wider than the column is cut. */
export function wrapLines(m: Measure, text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (m.widthOfString(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = cutLongWord(m, word, width, out);
    }
    out.push(line);
  }
  return out;
}
