// Vietnamese texts of the citizen screens (merged into vi.ts under the key `citizen`).
export const citizenVi = {} as const;
