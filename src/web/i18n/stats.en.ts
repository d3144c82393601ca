// English texts of the stats screens; the same keys as stats.vi.ts.
import type { Messages } from './vi';

export const statsEn: Messages['stats'] = {};
