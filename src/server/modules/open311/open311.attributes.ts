// Checks `attribute[code]` values against a service definition (datatype, required, list keys) and writes them as lines an officer reads.
import type { Lang } from '../../platform/locale';
import { sayIn, type Issue } from './open311.errors';
import type { ServiceRow } from './open311.services';
import type { ServiceAttribute } from './open311.table';

/** The specification's w3 datetime: a date and time with a time zone (Z or ±hh:mm). */
const W3_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX = { string: 300, text: 1000 } as const;

export interface CheckedAttributes {
  values: Record<string, string | string[]>;
  /** "Loại sự cố: Ổ gà, mặt đường hư hỏng", in the definition's order. */
  lines: string[];
}

function checkOne(a: ServiceAttribute, given: string[], say: (vi: string, en: string) => string): string | null {
  const keys = new Set((a.values ?? []).map((v) => v.key));
  switch (a.datatype) {
    case 'string':
    case 'text':
      if (given.length > 1) return say('chỉ một giá trị', 'one value only');
      return (given[0] ?? '').length > MAX[a.datatype] ? say(`tối đa ${MAX[a.datatype]} ký tự`, `at most ${MAX[a.datatype]} characters`) : null;
    case 'number':
      if (given.length > 1) return say('chỉ một giá trị', 'one value only');
      return /^[+-]?\d+(\.\d+)?$/.test(given[0] ?? '') ? null : say('phải là một số', 'must be a number');
    case 'datetime':
      if (given.length > 1) return say('chỉ một giá trị', 'one value only');
      return W3_DATETIME.test(given[0] ?? '') && !Number.isNaN(Date.parse(given[0] ?? ''))
        ? null
        : say('phải là ngày giờ kèm múi giờ, ví dụ 2026-11-05T08:15:30+07:00', 'must be a date and time with a zone, e.g. 2026-11-05T08:15:30+07:00');
    case 'singlevaluelist':
      if (given.length > 1) return say('chỉ chọn một giá trị', 'choose one value only');
      return keys.has(given[0] ?? '') ? null : say(`giá trị "${given[0] ?? ''}" không có trong danh sách (${[...keys].join(', ')})`, `"${given[0] ?? ''}" is not one of ${[...keys].join(', ')}`);
    case 'multivaluelist': {
      const bad = given.filter((g) => !keys.has(g));
      return bad.length ? say(`giá trị "${bad.join('", "')}" không có trong danh sách (${[...keys].join(', ')})`, `"${bad.join('", "')}" not among ${[...keys].join(', ')}`) : null;
    }
  }
}

/** Adds an issue per wrong, unknown or missing attribute; the values kept are the given ones, trimmed. */
export function checkAttributes(service: ServiceRow, attrs: Record<string, string | string[]>, lang: Lang, issues: Issue[]): CheckedAttributes {
  const say = sayIn(lang);
  const byCode = new Map(service.attributes.filter((a) => a.variable).map((a) => [a.code, a]));
  const values: Record<string, string | string[]> = {};
  for (const [code, raw] of Object.entries(attrs)) {
    const field = `attribute[${code}]`;
    const a = byCode.get(code);
    if (!a) {
      issues.push({ field, message: say(`loại phản ánh ${service.code} không có thuộc tính này`, `service ${service.code} has no such attribute`) });
      continue;
    }
    const given = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter(Boolean);
    if (given.length === 0) continue;
    const problem = checkOne(a, given, say);
    if (problem) issues.push({ field, message: problem });
    else values[code] = a.datatype === 'multivaluelist' ? given : (given[0] ?? '');
  }
  for (const a of byCode.values())
    if (a.required && values[a.code] === undefined && !issues.some((i) => i.field === `attribute[${a.code}]`))
      issues.push({ field: `attribute[${a.code}]`, message: say(`bắt buộc (${a.description})`, `required (${a.description})`) });
  const lines = [...byCode.values()]
    .sort((x, y) => x.order - y.order)
    .filter((a) => values[a.code] !== undefined)
    .map((a) => {
      const v = values[a.code] ?? '';
      const shown = (Array.isArray(v) ? v : [v]).map((x) => a.values?.find((o) => o.key === x)?.name ?? x).join(', ');
      return `${a.description}: ${shown}`;
    });
  return { values, lines };
}
