// Writes the register to a stream as it is read: an Excel workbook (exceljs streaming writer) or CSV with a UTF-8 BOM for Excel.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DAY_MS, parseDate } from '../../../platform/calendar/local-date';
import { CSV_BOM, csvLine, type CsvValue } from '../../../platform/csv';
import { vnShortDate } from '../../../platform/pdf/vn-format';
import { REGISTER_COLUMNS, type RegisterRow } from './register.rows';

export const REGISTER_TITLE = 'SỔ THEO DÕI HỒ SƠ';

/** Waits while the client is slower than the database, so that rows do not pile up in memory; false once the client has gone. */
async function drained(out: Writable): Promise<boolean> {
  if (out.destroyed) return false;
  if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  return !out.destroyed;
}

function periodLine(from: string, to: string): string {
  const f = parseDate(from);
  const t = parseDate(to);
  return `Từ ngày ${f === null ? from : vnShortDate(f)} đến ngày ${t === null ? to : vnShortDate(t)}`;
}

/** A local date as Excel's date: midnight UTC of that day, so that no time zone moves it. */
const excelDate = (day: number) => new Date(day * DAY_MS);

export async function writeRegisterXlsx(rows: AsyncIterable<RegisterRow>, out: Writable, period: { from: string; to: string }): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Dân Vận Số';
  const ws = wb.addWorksheet('Sổ theo dõi hồ sơ', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 4 }],
  });
  ws.columns = REGISTER_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = String.fromCharCode(64 + REGISTER_COLUMNS.length);
  const title = ws.addRow([REGISTER_TITLE]);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(`A1:${last}1`);
  const sub = ws.addRow([periodLine(period.from, period.to)]);
  sub.font = { italic: true };
  sub.alignment = { horizontal: 'center' };
  ws.mergeCells(`A2:${last}2`);
  ws.addRow([]);
  const header = ws.addRow(REGISTER_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => (cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }));
  for (const r of [title, sub, header]) r.commit();

  let n = 0;
  for await (const row of rows) {
    const values = REGISTER_COLUMNS.map((c) => {
      const v = row[c.key];
      return v !== null && typeof v === 'object' ? excelDate(v.day) : v;
    });
    const xr = ws.addRow(values);
    xr.alignment = { vertical: 'top', wrapText: true };
    REGISTER_COLUMNS.forEach((c, i) => {
      if ('date' in c) xr.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
    xr.commit();
    if (++n % 100 === 0 && !(await drained(out))) return;
  }
  ws.commit();
  await wb.commit();
}

/** Dates as the register prints them (dd/mm/yyyy); everything else as it is. */
const csvValue = (v: RegisterRow[keyof RegisterRow]): CsvValue => (v !== null && typeof v === 'object' ? vnShortDate(v.day) : v);

/** The platform's CSV (RFC 4180, CRLF, formula-safe), after a byte-order mark: Excel then reads the Vietnamese letters as UTF-8. */
export async function writeRegisterCsv(rows: AsyncIterable<RegisterRow>, out: Writable): Promise<void> {
  out.write(CSV_BOM + csvLine(REGISTER_COLUMNS.map((c) => c.header)));
  for await (const row of rows) {
    out.write(csvLine(REGISTER_COLUMNS.map((c) => csvValue(row[c.key]))));
    if (!(await drained(out))) return;
  }
  out.end();
}
