// Reads a CSV file of units (UTF-8, optional BOM, `,` or `;`) into checked rows; each problem is reported with its line number.
import type { RejectedRow } from '../../../common/org.schema';
import { UNIT_KINDS, type UnitKind } from '../../../common/roles';
import { parseDate, readCsv } from '../../platform/csv';

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

export function parseUnitsCsv(content: Buffer): ParsedCsv {
  const table = readCsv(content, { columns: IMPORT_COLUMNS, required: REQUIRED });
  if (table.fatal) return { rows: [], rejected: table.rejected, total: table.total, codes: new Set() };

  const rows: CsvUnitRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, get } of table.records) {
    const issue = (field: string, message: string) => rejected.push({ row: line, field, message });
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
  // One report in file order: rows of the wrong width (from the reader) and rows that failed a check.
  const all = [...table.rejected, ...rejected].sort((a, b) => a.row - b.row);
  return { rows, rejected: all, total: table.total, codes: new Set(firstLineOf.keys()) };
}

