// English texts of the dossiers screens; the same keys as dossiers.vi.ts.
import type { Messages } from './vi';

export const dossiersEn: Messages['dossiers'] = {};
