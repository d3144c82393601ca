// English texts of the citizen screens; the same keys as citizen.vi.ts.
import type { Messages } from './vi';

export const citizenEn: Messages['citizen'] = {};
