// Dossier code formats: pure functions shared by the server (allocation) and the web (live preview); no zod here, so the web bundle stays small.
/**
 * Tokens: {agency} (the receiving agency's code, or the unit's when it has none), {unit},
 * {yyyy} {yy} {mm} {dd} {yymmdd} (the local date of submission, Asia/Ho_Chi_Minh) and {seq:N}
 * (the daily sequence of the agency, zero-padded to N digits; it grows past N digits rather than wrap).
 */
export const DEFAULT_CODE_FORMAT = '{agency}-{yymmdd}-{seq:4}';
export const CODE_TOKENS = ['agency', 'unit', 'yyyy', 'yy', 'mm', 'dd', 'yymmdd', 'seq:4'] as const;

const TOKEN = /\{(agency|unit|yyyy|yy|mm|dd|yymmdd|seq(?::(\d))?)\}/g;

export type CodeFormatProblem = 'no_seq' | 'many_seq' | 'no_agency' | 'no_day' | 'unknown_token' | 'bad_chars' | 'too_long';

/**
 * Why a format could give two dossiers the same code, or an unreadable one; null when it is sound.
 * The sequence runs per agency and per day, so the code must carry the agency, the whole date and the sequence.
 */
export function formatProblem(format: string): CodeFormatProblem | null {
  if (format.length === 0 || format.length > 100) return 'too_long';
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1] ?? '');
  const literal = format.replace(TOKEN, '');
  if (literal.includes('{') || literal.includes('}')) return 'unknown_token';
  // Letters, digits and . _ - only, as in agency and unit codes: a code is then its own URL path segment.
  if (!/^[A-Za-z0-9._-]*$/.test(literal)) return 'bad_chars';
  const seqs = tokens.filter((t) => t.startsWith('seq')).length;
  if (seqs === 0) return 'no_seq';
  if (seqs > 1) return 'many_seq';
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
  return render(format, p, (width) => String(p.seq).padStart(width, '0'));
}

/** A code as the text before its sequence number, the number's width (zero-padded; it grows past it) and the text after. */
export interface CodeAround {
  before: string;
  width: number;
  after: string;
}

/**
 * The code of a day and agency around its sequence number, for a statement that numbers it as it
 * writes the record (the number is known only there). Null for a format that is not sound.
 */
export function codeAround(format: string, p: Omit<CodeParts, 'seq'>): CodeAround | null {
  if (!isValidFormat(format)) return null;
  let width = 0;
  const [before = '', after = ''] = render(format, p, (w) => {
    width = w;
    return '\u0000';
  }).split('\u0000');
  return { before, width, after };
}

function render(format: string, p: Omit<CodeParts, 'seq'>, seq: (width: number) => string): string {
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
  return format.replace(TOKEN, (_m, token: string, width: string | undefined) => (token.startsWith('seq') ? seq(Number(width ?? 4)) : (values[token] ?? token)));
}
