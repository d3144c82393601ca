// Reads a CSV file of units (UTF-8, optional BOM, `,` or `;`) into checked rows; each problem is reported with its line number.
import { parse } from 'csv-parse/sync';
import type { RejectedRow } from '../../../common/org.schema';
import { UNIT_KINDS, type UnitKind } from '../../../common/roles';

export const IMPORT_COLUMNS = ['code', 'name', 'kind', 'parent_code', 'valid_from', 'valid_to', 'note'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['code', 'name', 'kind'];

export interface CsvUnitRow {
  /** Line number in the file (the header is line 1; a quoted value over several lines counts its last line). */
  line: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}

export interface ParsedCsv {
  rows: CsvUnitRow[];
  rejected: RejectedRow[];
  /** Data rows in the file, valid or not. */
  total: number;
  /** Every well-formed code in the file, also of rejected rows (so that a child of a bad row is not reported twice). */
  codes: Set<string>;
}

const CODE = /^[A-Za-z0-9._-]{1,50}$/;

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

interface RawRecord {
  record: string[];
  info: { lines: number };
}

export function parseUnitsCsv(content: Buffer): ParsedCsv {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD'))
    return fail(1, 'file', 'Tệp không được mã hoá UTF-8; hãy lưu lại tệp dạng "CSV UTF-8" rồi nhập lại');
  let records: RawRecord[];
  try {
    // With `info: true` csv-parse answers { record, info } objects; its typings do not say so.
    records = parse(text, {
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
  const [header, ...data] = records;
  if (!header) return fail(1, 'file', 'Tệp trống: cần dòng tiêu đề và ít nhất một dòng dữ liệu');

  const names = header.record.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(IMPORT_COLUMNS as readonly string[]).includes(n));
  const missing = REQUIRED.filter((c) => !names.includes(c));
  const headerIssues: RejectedRow[] = [];
  if (unknown.length > 0)
    headerIssues.push({ row: header.info.lines, field: 'header', message: `Cột không hợp lệ: ${unknown.join(', ')}. Các cột được dùng: ${IMPORT_COLUMNS.join(', ')}` });
  if (missing.length > 0) headerIssues.push({ row: header.info.lines, field: 'header', message: `Thiếu cột bắt buộc: ${missing.join(', ')}` });
  if (headerIssues.length > 0) return { rows: [], rejected: headerIssues, total: data.length, codes: new Set() };
  if (data.length === 0) return fail(header.info.lines, 'file', 'Tệp không có dòng dữ liệu nào');

  const rows: CsvUnitRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of data) {
    const line = info.lines;
    const issue = (field: string, message: string) => rejected.push({ row: line, field, message });
    if (record.length !== names.length) {
      issue('file', `Dòng có ${record.length} cột, dòng tiêu đề có ${names.length} cột`);
      continue;
    }
    const get = (c: Column) => {
      const i = names.indexOf(c);
      return i < 0 ? '' : (record[i] ?? '').trim();
    };
    const before = rejected.length;
    const code = get('code');
    if (!code) issue('code', 'Mã đơn vị không được để trống');
    else if (!CODE.test(code)) issue('code', 'Mã đơn vị chỉ gồm chữ không dấu, chữ số và các ký tự . _ - (tối đa 50 ký tự)');
    else if (firstLineOf.has(code)) issue('code', `Mã đơn vị "${code}" trùng với dòng ${firstLineOf.get(code)}`);
    else firstLineOf.set(code, line);
    const name = get('name');
    if (!name) issue('name', 'Tên đơn vị không được để trống');
    else if (name.length > 200) issue('name', 'Tên đơn vị dài quá 200 ký tự');
    const kind = get('kind');
    if (!(UNIT_KINDS as readonly string[]).includes(kind))
      issue('kind', `Loại đơn vị "${kind}" không hợp lệ; dùng một trong: ${UNIT_KINDS.join(', ')}`);
    const parentCode = get('parent_code') || null;
    const dates: Record<'valid_from' | 'valid_to', string | null> = { valid_from: null, valid_to: null };
    for (const c of ['valid_from', 'valid_to'] as const) {
      const raw = get(c);
      if (!raw) continue;
      dates[c] = parseDate(raw);
      if (!dates[c]) issue(c, `Ngày "${raw}" không hợp lệ; ghi theo dạng YYYY-MM-DD hoặc DD/MM/YYYY`);
    }
    if (dates.valid_from && dates.valid_to && dates.valid_to < dates.valid_from)
      issue('valid_to', 'Ngày hết hiệu lực phải bằng hoặc sau ngày bắt đầu hiệu lực');
    const note = get('note') || null;
    if (note && note.length > 2000) issue('note', 'Ghi chú dài quá 2000 ký tự');
    if (rejected.length === before)
      rows.push({ line, code, name, kind: kind as UnitKind, parentCode, validFrom: dates.valid_from, validTo: dates.valid_to, note });
  }
  return { rows, rejected, total: data.length, codes: new Set(firstLineOf.keys()) };
}

function fail(row: number, field: string, message: string): ParsedCsv {
  return { rows: [], rejected: [{ row, field, message }], total: 0, codes: new Set() };
}
