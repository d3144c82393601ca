// The fonts of printed documents: Noto Serif (SIL Open Font License), which covers Vietnamese, read once from its npm package.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/**
 * A serif face, as official documents are set in Times New Roman (Decree 30/2020/NĐ-CP); Noto Serif
 * has every precomposed Vietnamese letter, so NFC text needs no combining marks.
 */
const FILES: Record<FontStyle, string> = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
};

let cache: Record<FontStyle, Buffer> | undefined;

/** The TTF bytes of each style; a missing package fails at the first document with the file's name. */
export function fontData(): Record<FontStyle, Buffer> {
  if (!cache) {
    const require = createRequire(import.meta.url);
    const read = (style: FontStyle) => readFileSync(require.resolve(FILES[style]));
    cache = { regular: read('regular'), bold: read('bold'), italic: read('italic'), boldItalic: read('boldItalic') };
  }
  return cache;
}
