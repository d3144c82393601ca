// The eligibility checks each type of letter content records (Law on Complaints, Law on Denunciations, Circular 05/2021/TT-TTCP),
// without zod so that the web's classification form reads the same list as the server.
import type { EligibilityCheck, LetterType } from './letters.schema';

/** Every letter: in Vietnamese (or translated), dated, the writer named with an address, signed. */
const COMMON: EligibilityCheck[] = ['inVietnamese', 'dated', 'writerIdentified', 'signed'];

/**
 * The checks each type records; all must hold for the content to be processable. A complaint names
 * its target, content, reasons and request; a denunciation the accused and the violation. Petitions
 * need a named writer but no signature (they often come through the portal); feedback needs only an
 * understandable content (scene reports, Open311 requests are often anonymous and answered through
 * tracking).
 */
export const CHECKS_OF_TYPE: Record<LetterType, readonly EligibilityCheck[]> = {
  complaint: [...COMMON, 'namesTarget', 'statesContent', 'statesReasons', 'statesRequest'],
  denunciation: [...COMMON, 'namesAccused', 'statesViolation'],
  petition: ['inVietnamese', 'dated', 'writerIdentified', 'statesContent'],
  feedback: ['inVietnamese', 'statesContent'],
};
