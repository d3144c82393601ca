// Recognises an upload's type from its bytes (magic numbers), so that a renamed executable is never stored as a PDF.
export interface FileType {
  ext: string;
  mime: string;
}

export const FILE_TYPES = {
  pdf: { ext: 'pdf', mime: 'application/pdf' },
  jpg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  odt: { ext: 'odt', mime: 'application/vnd.oasis.opendocument.text' },
  ods: { ext: 'ods', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
} as const satisfies Record<string, FileType>;

/** Bytes kept from the start of an upload: enough for every signature below. */
export const HEAD_BYTES = 64;

const startsWith = (buf: Buffer, sig: readonly number[], at = 0) => sig.every((b, i) => buf[at + i] === b);

/**
 * The type of the content, or null when it is not on the allow-list. A ZIP container (Office Open
 * XML, OpenDocument) is told apart by the names of its entries, read from `zipNames` (the central
 * directory at the end of the file, where every entry's name is listed).
 */
export function sniff(head: Buffer, zipNames: () => Buffer): FileType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return FILE_TYPES.pdf; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return FILE_TYPES.jpg;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_TYPES.png;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument stores its type uncompressed as the first entry, "mimetype", right at byte 30.
    const first = head.subarray(30, HEAD_BYTES).toString('latin1');
    if (first.startsWith('mimetypeapplication/vnd.oasis.opendocument.text')) return FILE_TYPES.odt;
    if (first.startsWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return FILE_TYPES.ods;
    const names = zipNames().toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return FILE_TYPES.docx;
    if (names.includes('xl/workbook.xml')) return FILE_TYPES.xlsx;
  }
  return null;
}

/** The uploader's name with the extension of the real type (a PNG sent as "scan.pdf" is kept as "scan.png"). */
export function nameFor(original: string, type: FileType): string {
  const base = [...original.replace(/[\\/]/g, '_')].filter((c) => c.charCodeAt(0) >= 0x20).join('').trim() || 'tep';
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'tep';
  const ext = type.ext === 'jpg' && /\.jpe?g$/i.test(base) ? base.slice(base.lastIndexOf('.') + 1) : type.ext;
  return `${stem.slice(0, 200)}.${ext}`;
}
