// The letter statistics as CSV for spreadsheets: a header row in the user's language, one row per group and the total.
import type { LetterStatsCounters, LetterStatsResult } from '../../../../common/letter-stats.schema';
import { writeCsv, type CsvValue } from '../../../platform/csv';
import type { Lang } from '../../../platform/locale';

type Column = { vi: string; en: string; value: (c: LetterStatsCounters) => CsvValue };

/** In the order of the provinces' reports: letters, cases, eligibility and jurisdiction, outcomes, deadlines. */
const COLUMNS: Column[] = [
  { vi: 'Đơn tiếp nhận', en: 'Letters received', value: (c) => c.letters },
  { vi: 'Đơn chưa phân loại', en: 'Not classified yet', value: (c) => c.toClassify },
  { vi: 'Đơn trùng', en: 'Duplicates', value: (c) => c.duplicates },
  { vi: 'Đơn nặc danh, mạo danh', en: 'Anonymous', value: (c) => c.anonymous },
  { vi: 'Số vụ việc', en: 'Cases', value: (c) => c.cases },
  { vi: 'Đủ điều kiện xử lý', en: 'Processable', value: (c) => c.processable },
  { vi: 'Không đủ điều kiện xử lý', en: 'Not processable', value: (c) => c.notProcessable },
  { vi: 'Thuộc thẩm quyền', en: 'Within jurisdiction', value: (c) => c.withinJurisdiction },
  { vi: 'Đã thụ lý', en: 'Accepted', value: (c) => c.accepted },
  { vi: 'Đã giải quyết', en: 'Resolved', value: (c) => c.resolved },
  { vi: 'Tỷ lệ giải quyết (%)', en: 'Resolved rate (%)', value: (c) => (c.resolvedRate === null ? null : Number((c.resolvedRate * 100).toFixed(1))) },
  { vi: 'Chuyển đơn', en: 'Forwarded', value: (c) => c.forwarded },
  { vi: 'Hướng dẫn', en: 'Guided', value: (c) => c.guided },
  { vi: 'Trả lại đơn', en: 'Returned', value: (c) => c.returned },
  { vi: 'Lưu đơn', en: 'Filed away', value: (c) => c.filed },
  { vi: 'Chuyển thanh tra (tố cáo nặc danh)', en: 'Referred for inspection', value: (c) => c.referred },
  { vi: 'Rút đơn', en: 'Withdrawn', value: (c) => c.withdrawn },
  { vi: 'Đang xử lý, giải quyết', en: 'In progress', value: (c) => c.inProgress },
  { vi: 'Đang quá hạn', en: 'Overdue', value: (c) => c.overdue },
  { vi: 'Kết thúc trễ hạn', en: 'Finished late', value: (c) => c.finishedLate },
];

const GROUP_HEADER: Record<LetterStatsResult['groupBy'], { vi: string; en: string }> = {
  unit: { vi: 'Đơn vị', en: 'Unit' },
  type: { vi: 'Loại đơn', en: 'Type' },
  month: { vi: 'Tháng', en: 'Month' },
};

export function letterStatsCsv(r: LetterStatsResult, lang: Lang): string {
  const line = (label: string, c: LetterStatsCounters) => [label, ...COLUMNS.map((col) => col.value(c))];
  return writeCsv([
    [GROUP_HEADER[r.groupBy][lang], ...COLUMNS.map((c) => c[lang])],
    ...r.rows.map((row) => line(row.label, row)),
    line(lang === 'vi' ? 'Tổng cộng' : 'Total', r.total),
  ]);
}

/** `thong-ke-don-thu_2026-01-01_2026-03-31_don-vi.csv`: ASCII, so every browser keeps it. */
export function letterStatsCsvName(r: LetterStatsResult): string {
  const group = { unit: 'don-vi', type: 'loai-don', month: 'thang' }[r.groupBy];
  return `thong-ke-don-thu_${r.period.from}_${r.period.to}_${group}.csv`;
}
