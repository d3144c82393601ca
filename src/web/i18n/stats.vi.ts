// Vietnamese texts of the stats screens (merged into vi.ts under the key `stats`).
export const statsVi = {} as const;
