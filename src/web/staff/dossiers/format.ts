// Small formatting helpers of the dossier screens.
import { currentLang } from '../../i18n';

/** "1,5 MB", "320 KB" in the page's language. */
export function formatSize(bytes: number): string {
  const locale = currentLang() === 'en' ? 'en-GB' : 'vi-VN';
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

/** Đồng, whole, with the locale's grouping: "15.000 đ". */
export function formatVnd(amount: number): string {
  return `${new Intl.NumberFormat(currentLang() === 'en' ? 'en-GB' : 'vi-VN').format(amount)} đ`;
}
