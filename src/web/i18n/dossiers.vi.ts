// Vietnamese texts of the dossiers screens (merged into vi.ts under the key `dossiers`).
export const dossiersVi = {} as const;
