// The cut of a province's dossiers for the statistics run in halves: about half of the rows on each side.
import { describe, expect, it } from 'vitest';
import { weightedMiddle } from './stats.split';

const id = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

describe('where the dossiers are cut in two', () => {
  it('cuts where the rows below reach half, whatever the number of units on each side', () => {
    // One busy ward (half the rows) and nine quiet communes: the cut falls right after the ward.
    const ids = Array.from({ length: 10 }, (_, i) => id(i));
    const freqs = [0.5, ...Array.from({ length: 9 }, () => 0.5 / 9)];
    expect(weightedMiddle(ids, freqs)).toBe(id(1));
  });

  it('takes the ids in order whatever order the statistics list them in', () => {
    expect(weightedMiddle([id(3), id(1), id(2), id(0)], [0.1, 0.4, 0.4, 0.1])).toBe(id(2));
  });

  it('never cuts before the first unit, and gives nothing without weights', () => {
    expect(weightedMiddle([id(0), id(1)], [0.9, 0.1])).toBe(id(1));
    expect(weightedMiddle([], [])).toBeNull();
    expect(weightedMiddle([id(0)], [0])).toBeNull();
  });
});
