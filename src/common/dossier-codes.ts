// Dossier code formats: pure functions shared by the server (allocation) and the web (live preview); no zod here, so the web bundle stays small.
/**
 * Tokens: {agency} (the receiving agency's code, or the unit's when it has none), {unit},
 * {yyyy} {yy} {mm} {dd} {yymmdd} (the local date of submission, Asia/Ho_Chi_Minh) and {seq:N}
 * (the daily sequence of the agency, zero-padded to N digits; it grows past N digits rather than wrap).
 */
export const DEFAULT_CODE_FORMAT = '{agency}-{yymmdd}-{seq:4}';
export const CODE_TOKENS = ['agency', 'unit', 'yyyy', 'yy', 'mm', 'dd', 'yymmdd', 'seq:4'] as const;

const TOKEN = /\{(agency|unit|yyyy|yy|mm|dd|yymmdd|seq(?::(\d))?)\}/g;

export type CodeFormatProblem = 'no_seq' | 'no_agency' | 'no_day' | 'unknown_token' | 'bad_chars' | 'too_long';

/**
 * Why a format could give two dossiers the same code, or an unreadable one; null when it is sound.
 * The sequence runs per agency and per day, so the code must carry the agency, the whole date and the sequence.
 */
export function formatProblem(format: string): CodeFormatProblem | null {
  if (format.length === 0 || format.length > 100) return 'too_long';
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1] ?? '');
  if (format.replace(TOKEN, '').includes('{') || format.replace(TOKEN, '').includes('}')) return 'unknown_token';
  if (!/^[A-Za-z0-9._{}:-]*$/.test(format)) return 'bad_chars';
  if (!tokens.some((t) => t.startsWith('seq'))) return 'no_seq';
  if (!tokens.includes('agency')) return 'no_agency';
  const day = tokens.includes('yymmdd') || (tokens.includes('dd') && tokens.includes('mm') && (tokens.includes('yy') || tokens.includes('yyyy')));
  if (!day) return 'no_day';
  return null;
}

export function isValidFormat(format: string): boolean {
  return formatProblem(format) === null;
}

export interface CodeParts {
  agency: string;
  unit: string;
  /** 'YYYY-MM-DD' local date. */
  day: string;
  seq: number;
}

export function formatCode(format: string, p: CodeParts): string {
  const [yyyy = '', mm = '', dd = ''] = p.day.split('-');
  const values: Record<string, string> = {
    agency: p.agency,
    unit: p.unit,
    yyyy,
    yy: yyyy.slice(2),
    mm,
    dd,
    yymmdd: `${yyyy.slice(2)}${mm}${dd}`,
  };
  return format.replace(TOKEN, (_m, token: string, width: string | undefined) =>
    token.startsWith('seq') ? String(p.seq).padStart(Number(width ?? 4), '0') : (values[token] ?? token),
  );
}
