// Types of letters-people.mjs for the TypeScript helpers of the benchmark.
export function benchWriter(i: number): { name: string; address: string; phone: string; idNumber: string };
