// The CSV reader of the unit import: delimiter detection, dates, line numbers and a property of the import plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDate } from '../../platform/csv';
import { parseUnitsCsv } from './imports.csv';
import { planUnitImport } from './imports.plan';

describe('reading the CSV', () => {
  it('detects the delimiter from the header line only', () => {
    expect(detectDelimiter('code;name;kind\na,b,c,d,e')).toBe(';');
    expect(detectDelimiter('code,name,kind\na;b;c;d')).toBe(',');
    expect(detectDelimiter('"a;b;c",name,kind\n')).toBe(',');
  });

  it('accepts ISO and Vietnamese dates and refuses impossible ones', () => {
    expect(parseDate('2025-07-01')).toBe('2025-07-01');
    expect(parseDate('1/7/2025')).toBe('2025-07-01');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2025')).toBeNull();
    expect(parseDate('2025-7-1')).toBeNull();
  });

  it('numbers rows by their line in the file, skipping blank lines', () => {
    const parsed = parseUnitsCsv(Buffer.from('code,name,kind\n\nA,Xã A,commune\n\nB,,commune\n'));
    expect(parsed.total).toBe(2);
    expect(parsed.rows.map((r) => r.line)).toEqual([3]);
    expect(parsed.rejected).toEqual([{ row: 5, field: 'name', message: 'Tên đơn vị không được để trống' }]);
  });

  it('refuses a file that is not UTF-8', () => {
    const latin1 = Buffer.from('code,name,kind\nA,X\xe3 A,commune\n', 'latin1');
    expect(parseUnitsCsv(latin1).rejected[0]?.field).toBe('file');
  });
});

describe('planning an import', () => {
  it('places every new unit under its parent, parents first, for any forest in any row order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 60 }).chain((parents) =>
          fc.shuffledSubarray(parents.map((p, i) => ({ i, parent: i === 0 ? null : p % i })), { minLength: parents.length }),
        ),
        (nodes) => {
          const rows = nodes.map((n, line) => ({
            line: line + 2,
            code: `U${n.i}`,
            name: `Đơn vị ${n.i}`,
            kind: 'commune' as const,
            parentCode: n.parent === null ? null : `U${n.parent}`,
            validFrom: null,
            validTo: null,
            note: null,
          }));
          const result = planUnitImport(rows, new Set(rows.map((r) => r.code)), [], { paths: [], rootAdmin: true });
          if (!result.ok) throw new Error(JSON.stringify(result.rejected));
          const byCode = new Map(result.plan.inserts.map((u) => [u.code, u]));
          const position = new Map(result.plan.inserts.map((u, i) => [u.code, i]));
          for (const r of rows) {
            const u = byCode.get(r.code);
            const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
            expect(u?.path).toBe(`${parent?.path ?? '/'}${u?.id}/`);
            expect(u?.depth).toBe(parent ? parent.depth + 1 : 0);
            if (r.parentCode) expect(position.get(r.parentCode)).toBeLessThan(position.get(r.code) ?? -1);
          }
        },
      ),
    );
  });

  it('reports every row of a cycle', () => {
    const row = (line: number, code: string, parentCode: string) => ({ line, code, name: code, kind: 'commune' as const, parentCode, validFrom: null, validTo: null, note: null });
    const rows = [row(2, 'A', 'C'), row(3, 'B', 'A'), row(4, 'C', 'B')];
    const result = planUnitImport(rows, new Set(['A', 'B', 'C']), [], { paths: [], rootAdmin: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejected.map((r) => r.row)).toEqual([2, 3, 4]);
  });
});
