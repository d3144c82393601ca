// How Vietnamese documents write dates and times (Decree 30/2020/NĐ-CP): "ngày 05 tháng 01 năm 2026", "09 giờ 30 phút".
import { dayOfInstant, localTimeOfDayMs, ymdOf, type DayNumber } from '../calendar/local-date';

const pad = (n: number) => String(n).padStart(2, '0');

/** Days below 10 and the months January and February take a leading zero, so that nothing can be written in front of them. */
export function vnDate(day: DayNumber): string {
  const { year, month, day: d } = ymdOf(day);
  return `ngày ${pad(d)} tháng ${month < 3 ? pad(month) : month} năm ${year}`;
}

/** "An Bình, ngày 22 tháng 11 năm 2026": the place line under the national motto. */
export function placeDateLine(place: string, day: DayNumber): string {
  return `${place}, ${vnDate(day)}`;
}

/** "09 giờ 30 phút, ngày 22 tháng 11 năm 2026", in Vietnamese local time. */
export function vnDateTime(at: Date): string {
  const minutes = Math.floor(localTimeOfDayMs(at) / 60_000);
  return `${pad(Math.floor(minutes / 60))} giờ ${pad(minutes % 60)} phút, ${vnDate(dayOfInstant(at))}`;
}

/** "22/11/2026": tables and registers. */
export function vnShortDate(at: Date | DayNumber): string {
  const { year, month, day } = ymdOf(typeof at === 'number' ? at : dayOfInstant(at));
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** "09:30 22/11/2026". */
export function vnShortDateTime(at: Date): string {
  const minutes = Math.floor(localTimeOfDayMs(at) / 60_000);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)} ${vnShortDate(at)}`;
}

/** The place name of a unit for the date line: "Xã An Bình" → "An Bình" (the kind word and any remark in brackets dropped). */
export function placeName(unitName: string): string {
  const bare = unitName.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const stripped = bare.normalize('NFC').replace(/^(xã|phường|thị trấn|đặc khu|thị xã|huyện|quận|tỉnh|thành phố)\s+/iu, '');
  return stripped || bare;
}
