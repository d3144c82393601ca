// The statistics as CSV for spreadsheets: UTF-8 with a BOM, a header row in the user's language, one row per group and the total.
import type { StatsCounters, StatsResult } from '../../../../common/dossier-stats.schema';
import { writeCsv } from '../../../platform/csv';
import type { Lang } from '../../../platform/locale';

type Column = { vi: string; en: string; value: (c: StatsCounters) => number | null; digits?: number };

const pct = (v: number | null) => (v === null ? null : v * 100);

const COLUMNS: Column[] = [
  { vi: 'Tiếp nhận', en: 'Received', value: (c) => c.received },
  { vi: 'Nộp trực tuyến', en: 'Submitted online', value: (c) => c.submittedOnline },
  { vi: 'Đang giải quyết', en: 'In progress', value: (c) => c.inProgress },
  { vi: 'Quá hạn hiện tại', en: 'Overdue now', value: (c) => c.overdue },
  { vi: 'Đã giải quyết', en: 'Resolved', value: (c) => c.resolved },
  { vi: 'Trước hạn', en: 'Early', value: (c) => c.early },
  { vi: 'Đúng hạn', en: 'On time', value: (c) => c.onTime },
  { vi: 'Trễ hạn', en: 'Late', value: (c) => c.late },
  { vi: 'Yêu cầu bổ sung', en: 'Returned for completion', value: (c) => c.returnedForCompletion },
  { vi: 'Từ chối', en: 'Refused', value: (c) => c.refused },
  { vi: 'Rút hồ sơ', en: 'Withdrawn', value: (c) => c.withdrawn },
  { vi: 'Dừng xử lý', en: 'Stopped', value: (c) => c.stopped },
  { vi: 'Tỷ lệ đúng hạn (%)', en: 'On-time rate (%)', value: (c) => pct(c.onTimeRate), digits: 1 },
  { vi: 'Tỷ lệ trễ hạn (%)', en: 'Late rate (%)', value: (c) => pct(c.lateRate), digits: 1 },
  { vi: 'Mức hài lòng bình quân', en: 'Average satisfaction', value: (c) => c.satisfaction, digits: 2 },
  { vi: 'Số lượt đánh giá', en: 'Ratings', value: (c) => c.ratings },
];

const GROUP_HEADER: Record<StatsResult['groupBy'], { vi: string; en: string }> = {
  unit: { vi: 'Đơn vị', en: 'Unit' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  month: { vi: 'Tháng', en: 'Month' },
};
const DETAIL_HEADER: Partial<Record<StatsResult['groupBy'], { vi: string; en: string }>> = {
  agency: { vi: 'Thuộc đơn vị', en: 'Of unit' },
  field: { vi: 'Mã lĩnh vực', en: 'Field code' },
};

const num = (col: Column, c: StatsCounters) => {
  const v = col.value(c);
  return v === null || col.digits === undefined ? v : Number(v.toFixed(col.digits));
};

export function statsCsv(r: StatsResult, lang: Lang): string {
  const detail = DETAIL_HEADER[r.groupBy];
  const header = [GROUP_HEADER[r.groupBy][lang], ...(detail ? [detail[lang]] : []), ...COLUMNS.map((c) => c[lang])];
  const line = (label: string, d: string | null, c: StatsCounters) => [label, ...(detail ? [d] : []), ...COLUMNS.map((col) => num(col, c))];
  return writeCsv([header, ...r.rows.map((row) => line(row.label, row.detail, row)), line(lang === 'vi' ? 'Tổng cộng' : 'Total', null, r.total)]);
}

/** `thong-ke-ho-so_2025-01-01_2025-12-31_don-vi.csv`: ASCII, so every browser keeps it. */
export function statsCsvName(r: StatsResult): string {
  const group = { unit: 'don-vi', agency: 'co-quan', field: 'linh-vuc', month: 'thang' }[r.groupBy];
  return `thong-ke-ho-so_${r.period.from}_${r.period.to}_${group}.csv`;
}
