// Checks imported rows against the units already in the database and the admin's scope, and plans the writes.
import type { RejectedRow } from '../../../common/org.schema';
import type { CsvUnitRow } from './imports.csv';
import type { UnitIndexRow, UnitInsert } from './units.queries';

export interface ImportScope {
  /** Paths under which the admin may import (scopePaths of unit.import). */
  paths: readonly string[];
  /** An admin of a top-level unit may import top-level units (empty parent_code). */
  rootAdmin: boolean;
}

export interface ImportPlan {
  /** New units, parents before children. */
  inserts: UnitInsert[];
  /** Existing units named in the file whose fields or place change. */
  updates: Array<UnitInsert & { before: UnitIndexRow }>;
  /** Existing units outside the file whose path or depth change because an ancestor moved. */
  moves: UnitInsert[];
  unchanged: number;
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; rejected: RejectedRow[] };

const inScope = (scope: ImportScope, path: string) => scope.paths.some((p) => path.startsWith(p));

export function planUnitImport(
  rows: readonly CsvUnitRow[],
  fileCodes: ReadonlySet<string>,
  existing: readonly UnitIndexRow[],
  scope: ImportScope,
  newId: () => string = () => crypto.randomUUID(),
): PlanResult {
  const rejected: RejectedRow[] = [];
  const dbByCode = new Map(existing.map((u) => [u.code, u]));
  const dbById = new Map(existing.map((u) => [u.id, u]));
  const fileByCode = new Map(rows.map((r) => [r.code, r]));

  for (const r of rows) {
    const issue = (field: string, message: string) => rejected.push({ row: r.line, field, message });
    const current = dbByCode.get(r.code);
    if (current && !inScope(scope, current.path)) issue('code', `Bạn không có quyền cập nhật đơn vị "${r.code}" (ngoài phạm vi quản trị)`);
    if (r.parentCode === null) {
      if (!scope.rootAdmin)
        issue('parent_code', 'Thiếu mã đơn vị cấp trên; chỉ quản trị cấp tỉnh mới được tạo đơn vị cấp cao nhất');
    } else if (r.parentCode === r.code) {
      issue('parent_code', 'Đơn vị không thể là cấp trên của chính nó');
    } else {
      // A parent already in the database must be in scope even if the file also names it (its row is checked too).
      const parent = dbByCode.get(r.parentCode);
      if (parent && !inScope(scope, parent.path))
        issue('parent_code', `Bạn không có quyền thêm đơn vị vào "${r.parentCode}" (ngoài phạm vi quản trị)`);
      else if (!parent && !fileCodes.has(r.parentCode))
        issue('parent_code', `Không tìm thấy đơn vị cấp trên có mã "${r.parentCode}" trong tệp hoặc trong hệ thống`);
    }
  }

  // The parent code of every unit once the file is applied: the file wins over the database.
  const parentCodeOf = (code: string): string | null => {
    const f = fileByCode.get(code);
    if (f) return f.parentCode;
    const u = dbByCode.get(code);
    const p = u?.parentId ? dbById.get(u.parentId) : undefined;
    return p?.code ?? null;
  };
  // Cycle check: walk up from each file row; a walk that meets its own start is a loop.
  const settled = new Set<string>();
  const limit = existing.length + rows.length + 1;
  for (const r of rows) {
    const seen = new Set<string>();
    let c: string | null = r.code;
    while (c !== null && !settled.has(c) && !seen.has(c) && seen.size <= limit) {
      seen.add(c);
      c = parentCodeOf(c);
    }
    if (c === r.code && !settled.has(c) && r.parentCode !== r.code) {
      rejected.push({ row: r.line, field: 'parent_code', message: `Quan hệ cấp trên tạo thành vòng lặp: ${[...seen, c].join(' → ')}` });
    } else if (c === null || settled.has(c)) {
      for (const s of seen) settled.add(s);
    }
  }
  if (rejected.length > 0) return { ok: false, rejected: rejected.sort((a, b) => a.row - b.row) };

  // Final ids, parents, then paths and depths of every unit (top-down, without recursion).
  const idOf = new Map<string, string>(existing.map((u) => [u.code, u.id]));
  for (const r of rows) if (!idOf.has(r.code)) idOf.set(r.code, newId());
  const pathOf = new Map<string, { path: string; depth: number }>();
  const place = (code: string): { path: string; depth: number } => {
    const chain: string[] = [];
    let c: string | null = code;
    while (c !== null && !pathOf.has(c)) {
      chain.push(c);
      c = parentCodeOf(c);
    }
    let base = c === null ? { path: '/', depth: -1 } : (pathOf.get(c) as { path: string; depth: number });
    for (const link of chain.reverse()) {
      base = { path: `${base.path}${idOf.get(link)}/`, depth: base.depth + 1 };
      pathOf.set(link, base);
    }
    return pathOf.get(code) as { path: string; depth: number };
  };

  const plan: ImportPlan = { inserts: [], updates: [], moves: [], unchanged: 0 };
  for (const r of rows) {
    const { path, depth } = place(r.code);
    const id = idOf.get(r.code) as string;
    const parentId = r.parentCode === null ? null : (idOf.get(r.parentCode) as string);
    const current = dbByCode.get(r.code);
    // An empty note keeps the note already recorded; the other columns are always applied.
    const row: UnitInsert = { id, parentId, path, depth, code: r.code, name: r.name, kind: r.kind, validFrom: r.validFrom, validTo: r.validTo, note: r.note ?? current?.note ?? null };
    if (!current) plan.inserts.push(row);
    else if (differs(current, row)) plan.updates.push({ ...row, before: current });
    else plan.unchanged++;
  }
  plan.inserts.sort((a, b) => a.depth - b.depth);
  for (const u of existing) {
    if (fileByCode.has(u.code)) continue;
    const { path, depth } = place(u.code);
    if (path !== u.path || depth !== u.depth) plan.moves.push({ ...u, kind: u.kind as UnitInsert['kind'], path, depth });
  }
  return { ok: true, plan };
}

function differs(a: UnitIndexRow, b: UnitInsert): boolean {
  return (
    a.parentId !== b.parentId ||
    a.path !== b.path ||
    a.depth !== b.depth ||
    a.name !== b.name ||
    a.kind !== b.kind ||
    a.validFrom !== b.validFrom ||
    a.validTo !== b.validTo ||
    a.note !== b.note
  );
}
