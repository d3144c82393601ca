// Letter codes: `DT-<unit code>-<yymmdd>-<daily sequence>`, the sequence per receiving unit and local day; a case adds its ordinal.
import { formatCode } from '../../../common/dossier-codes';
import type { Tx } from '../../db/client';
import { codeDay, nextSequence } from '../../platform/codes/codes';

/** "ĐT" for đơn thư; written without the diacritic so that codes can be typed anywhere. */
export const LETTER_CODE_FORMAT = 'DT-{unit}-{yymmdd}-{seq:4}';

/** Allocates the code of a letter received by `unitCode` and registered at `at`; call it inside the letter's transaction. */
export async function allocateLetterCode(tx: Tx, at: Date, unitCode: string): Promise<string> {
  const day = codeDay(at);
  const seq = await nextSequence(tx, `letter:${unitCode}`, day);
  return formatCode(LETTER_CODE_FORMAT, { agency: unitCode, unit: unitCode, day, seq });
}

/** The code of the n-th content of a letter: `DT-99001-260705-0001.2`. */
export function caseCode(letterCode: string, ordinal: number): string {
  return `${letterCode}.${ordinal}`;
}
