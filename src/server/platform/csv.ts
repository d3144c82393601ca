// Generic CSV: reading imports (UTF-8, optional BOM, `,` or `;`) with header checks and line numbers, and writing exports for spreadsheets.
import { parse } from 'csv-parse/sync';
import type { FastifyReply } from 'fastify';
import type { RejectedRow } from '../../common/org.schema';

/** The delimiter is whichever of `;` and `,` occurs more often in the header line, outside quotes. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '\n' && !quoted) break;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}

/** Accepts YYYY-MM-DD, and DD/MM/YYYY as spreadsheets in Vietnam write it; answers YYYY-MM-DD or null if invalid. */
export function parseDate(value: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export interface CsvRecord<C extends string> {
  /** Line number in the file (the header is line 1; a quoted value over several lines counts its last line). */
  line: number;
  /** The trimmed value of a column; '' when the column is absent from the header. */
  get: (column: C) => string;
}

export interface CsvTable<C extends string> {
  /** Rows with as many values as the header has columns. */
  records: Array<CsvRecord<C>>;
  /** Problems with the file, the header, or a row's column count. */
  rejected: RejectedRow[];
  /** Data rows in the file, well-formed or not (0 when the file itself is unreadable). */
  total: number;
  /** The file or its header is unusable: no record was read. */
  fatal: boolean;
}

interface RawRecord {
  record: string[];
  info: { lines: number };
}

export interface CsvSpec<C extends string> {
  columns: readonly C[];
  required: readonly C[];
}

export function readCsv<C extends string>(content: Buffer, spec: CsvSpec<C>): CsvTable<C> {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD'))
    return fail(1, 'file', 'Tệp không được mã hoá UTF-8; hãy lưu lại tệp dạng "CSV UTF-8" rồi nhập lại');
  let raw: RawRecord[];
  try {
    // With `info: true` csv-parse answers { record, info } objects; its typings do not say so.
    raw = parse(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as RawRecord[];
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : 1;
    return fail(line, 'file', `Tệp CSV bị lỗi định dạng ở dòng ${line} (thiếu hoặc thừa dấu ngoặc kép?)`);
  }
  const [header, ...data] = raw;
  if (!header) return fail(1, 'file', 'Tệp trống: cần dòng tiêu đề và ít nhất một dòng dữ liệu');

  const names = header.record.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(spec.columns as readonly string[]).includes(n));
  const missing = spec.required.filter((c) => !names.includes(c));
  const headerIssues: RejectedRow[] = [];
  if (unknown.length > 0)
    headerIssues.push({ row: header.info.lines, field: 'header', message: `Cột không hợp lệ: ${unknown.join(', ')}. Các cột được dùng: ${spec.columns.join(', ')}` });
  if (missing.length > 0) headerIssues.push({ row: header.info.lines, field: 'header', message: `Thiếu cột bắt buộc: ${missing.join(', ')}` });
  if (headerIssues.length > 0) return { records: [], rejected: headerIssues, total: data.length, fatal: true };
  if (data.length === 0) return fail(header.info.lines, 'file', 'Tệp không có dòng dữ liệu nào');

  const index = new Map(names.map((n, i) => [n, i]));
  const records: Array<CsvRecord<C>> = [];
  const rejected: RejectedRow[] = [];
  for (const { record, info } of data) {
    if (record.length !== names.length) {
      rejected.push({ row: info.lines, field: 'file', message: `Dòng có ${record.length} cột, dòng tiêu đề có ${names.length} cột` });
      continue;
    }
    records.push({
      line: info.lines,
      get: (c) => {
        const i = index.get(c);
        return i === undefined ? '' : (record[i] ?? '').trim();
      },
    });
  }
  return { records, rejected, total: data.length, fatal: false };
}

function fail<C extends string>(row: number, field: string, message: string): CsvTable<C> {
  return { records: [], rejected: [{ row, field, message }], total: 0, fatal: true };
}

export type CsvValue = string | number | null;

/** RFC 4180 quoting; a text starting with = + - @ is prefixed with ' so that a spreadsheet never runs it as a formula. */
export function csvCell(v: CsvValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Starts every exported CSV file: with it Excel reads the Vietnamese letters as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** One comma-separated line with its CRLF end, for writers that stream a file row by row. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A CSV file for spreadsheets: UTF-8 with a BOM (so that Excel reads Vietnamese), comma-separated, CRLF line ends. */
export function writeCsv(lines: ReadonlyArray<readonly CsvValue[]>): string {
  return CSV_BOM + lines.map(csvLine).join('');
}

/** Answers a CSV download: `filename` must be ASCII (every browser keeps it); never cached, as exports hold current figures. */
export function sendCsv(reply: FastifyReply, filename: string, text: string): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(text);
}
