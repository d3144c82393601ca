// Reads a procedure catalog CSV into checked rows, with the same rules as the API; every problem carries its line number.
//
// Columns (header names, any order; * = required; docs/api-procedures.md has examples):
//   code*                 national catalog code, digits and dots: 1.001193
//   name*                 procedure name
//   field_code*, field_name*   the field (lĩnh vực): HT, "Hộ tịch"
//   level*                province | commune | province_commune
//   implementing_agency*  who decides, as the catalog writes it: "UBND cấp xã"
//   unit_code             the unit whose catalog it is (empty: the national catalog, province admins only)
//   agency_code           one agency of that unit that decides (needs unit_code)
//   statutory_days*       working days by law; "0.5" or "0,5" for half a day
//   local_days            the locally reduced time, ≤ statutory_days
//   fees                  "name|amount[|note]; ...", amount in whole đồng: "Lệ phí|8000; Phí sao lục|3000"
//   documents*            "name|form|count[|note]; ...", form = original | copy | certified_copy | original_or_copy
//                         (or "bản chính", "bản sao", "bản sao chứng thực", "bản chính hoặc bản sao"); count defaults to 1
//   result*, legal_basis* text
//   fully_online          true/false (also 1/0, có/không); default false
//   workflow_code         default one_stop_standard
//   active                true/false; default true
// A cell holding ';' must be quoted when the file itself is separated by ';'.
import type { RejectedRow } from '../../../common/org.schema';
import { DOCUMENT_FORMS, ProcedureCreateBody, type DocumentForm } from '../../../common/procedures.schema';
import { readCsv } from '../../platform/csv';
import { zodToAppError } from '../../platform/error-handler';
import type { FieldIssue } from '../../platform/errors';

export const PROCEDURE_COLUMNS_CSV = [
  'code', 'name', 'field_code', 'field_name', 'level', 'implementing_agency', 'unit_code', 'agency_code', 'statutory_days',
  'local_days', 'fees', 'documents', 'result', 'legal_basis', 'fully_online', 'workflow_code', 'active',
] as const;
type Column = (typeof PROCEDURE_COLUMNS_CSV)[number];
const REQUIRED: readonly Column[] = [
  'code', 'name', 'field_code', 'field_name', 'level', 'implementing_agency', 'statutory_days', 'documents', 'result', 'legal_basis',
];

export interface CsvProcedureRow {
  line: number;
  /** Checked by ProcedureCreateBody; unitId and agencyId are resolved from the codes afterwards. */
  body: ProcedureCreateBody;
  unitCode: string | null;
  agencyCode: string | null;
}

export interface ParsedProcedureCsv {
  rows: CsvProcedureRow[];
  rejected: RejectedRow[];
  total: number;
}

/** Camel-case API names back to the CSV's column names, for the report. */
const COLUMN_OF: Record<string, string> = {
  fieldCode: 'field_code', fieldName: 'field_name', implementingAgency: 'implementing_agency', statutoryDays: 'statutory_days',
  localDays: 'local_days', legalBasis: 'legal_basis', fullyOnline: 'fully_online', workflowCode: 'workflow_code',
};

const FORM_WORDS: Record<string, DocumentForm> = {
  'ban chinh': 'original',
  'ban sao': 'copy',
  'ban sao chung thuc': 'certified_copy',
  'ban sao co chung thuc': 'certified_copy',
  'ban chinh hoac ban sao': 'original_or_copy',
};

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A number as spreadsheets write it; anything else is passed on as text so that validation reports it. */
function num(raw: string): number | string {
  const v = raw.replace(',', '.');
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : raw;
}

/** Whole đồng, also written with thousands separators ("8.000", "1 200 000"). */
function money(raw: string): number | string {
  const v = /^\d{1,3}([.,\s]\d{3})+$/.test(raw) ? raw.replace(/[.,\s]/g, '') : raw;
  return /^\d+$/.test(v) ? Number(v) : raw;
}

function bool(raw: string): boolean | string | undefined {
  if (raw === '') return undefined;
  const v = fold(raw);
  if (['true', '1', 'co', 'x', 'yes'].includes(v)) return true;
  if (['false', '0', 'khong', 'no'].includes(v)) return false;
  return raw;
}

const items = (cell: string) =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split('|').map((p) => p.trim()));

function documents(cell: string) {
  return items(cell).map(([name = '', form = '', count = '', note = '']) => ({
    name,
    form: (DOCUMENT_FORMS as readonly string[]).includes(form) ? form : (FORM_WORDS[fold(form)] ?? form),
    count: count === '' ? 1 : num(count),
    ...(note ? { note } : {}),
  }));
}

function fees(cell: string) {
  return items(cell).map(([name = '', amount = '', note = '']) => ({ name, amount: money(amount), ...(note ? { note } : {}) }));
}

function columnPath(issue: FieldIssue): string {
  const [head = '', ...rest] = issue.path.split('.').slice(1);
  return [COLUMN_OF[head] ?? head, ...rest].join('.');
}

export function parseProceduresCsv(content: Buffer): ParsedProcedureCsv {
  const table = readCsv(content, { columns: PROCEDURE_COLUMNS_CSV, required: REQUIRED });
  if (table.fatal) return { rows: [], rejected: table.rejected, total: table.total };
  const rows: CsvProcedureRow[] = [];
  const rejected: RejectedRow[] = [...table.rejected];
  const firstLineOf = new Map<string, number>();
  for (const { line, get } of table.records) {
    const opt = (c: Column) => get(c) || undefined;
    const candidate = {
      code: get('code'),
      name: get('name'),
      fieldCode: get('field_code'),
      fieldName: get('field_name'),
      level: get('level'),
      implementingAgency: get('implementing_agency'),
      statutoryDays: num(get('statutory_days')),
      localDays: get('local_days') === '' ? null : num(get('local_days')),
      fees: fees(get('fees')),
      documents: documents(get('documents')),
      result: get('result'),
      legalBasis: get('legal_basis'),
      fullyOnline: bool(get('fully_online')),
      workflowCode: opt('workflow_code'),
      active: bool(get('active')),
    };
    const checked = ProcedureCreateBody.safeParse(candidate);
    const before = rejected.length;
    if (!checked.success) {
      const fields = zodToAppError(checked.error, 'vi', 'row').details as { fields: FieldIssue[] };
      for (const f of fields.fields) rejected.push({ row: line, field: columnPath(f), message: f.message });
    }
    const code = candidate.code;
    const seen = firstLineOf.get(code);
    if (code && seen !== undefined) rejected.push({ row: line, field: 'code', message: `Mã thủ tục "${code}" trùng với dòng ${seen}` });
    else if (code) firstLineOf.set(code, line);
    const agencyCode = get('agency_code') || null;
    const unitCode = get('unit_code') || null;
    if (agencyCode && !unitCode) rejected.push({ row: line, field: 'agency_code', message: 'Cần ghi mã đơn vị (unit_code) của cơ quan thực hiện' });
    if (checked.success && rejected.length === before) rows.push({ line, body: checked.data, unitCode, agencyCode });
  }
  return { rows, rejected: rejected.sort((a, b) => a.row - b.row), total: table.total };
}
