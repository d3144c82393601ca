// Vietnamese text folded for comparison, as the database's dv_fold does: no diacritics, đ → d, lower case, single spaces.
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();
}
