// The citizen's calls to the letters API (send, track, published answers). The tracking secret goes only in a header and is
// kept per code for this tab by the same store as dossiers (publicDossiers.ts); the link carries it in the fragment.
import { api } from '../../api/client';
import type { PublicLetterBody, PublicLetterResult } from '../../../common/letters.schema';
import type { LetterUnitList, PublicLetterView } from '../../../common/letters-tracking.schema';
import type { LetterRatingBody, LetterRatingView, PublishedAnswer, PublishedAnswerPage, ReopenBody } from '../../../common/letter-resolution.schema';
import { SECRET_HEADER } from '../dossiers/publicDossiers';

export type { LetterUnitList, PublicLetterResult, PublicLetterView, PublishedAnswer, PublishedAnswerPage };
export type LetterKind = PublicLetterBody['kind'] & string;
/** The kinds in the order the chooser offers them: the most frequent and least formal first. */
export const LETTER_KINDS = ['feedback', 'petition', 'complaint', 'denunciation'] as const satisfies readonly LetterKind[];

/** What the writer may do after the end (rating, reopening, the published answer), when the server gives it. */
export type TrackedCase = PublicLetterView['cases'][number] & { afterEnd?: { publishedAnswerCode: string | null } | null };

export function sendLetter(body: Omit<PublicLetterBody, 'peopleCount' | 'representatives' | 'language' | 'attachments'> & Partial<PublicLetterBody>, idempotencyKey: string) {
  return api<PublicLetterResult>('/api/public/letters', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function trackLetter(code: string, secret: string, signal?: AbortSignal) {
  return api<PublicLetterView>(`/api/public/letters/${encodeURIComponent(code)}`, { headers: { [SECRET_HEADER]: secret }, signal });
}

/** The page to give someone or print: the secret rides in the fragment, which browsers never send to the server. */
export function letterTrackingLink(code: string, secret: string): string {
  return `${window.location.origin}/tra-cuu-don/${encodeURIComponent(code)}#s=${encodeURIComponent(secret)}`;
}

export const answersPath = '/api/public/letter-answers';

/** POST /api/public/letters/:code/rating: the writer rates the handling of an ended case, once. */
export function rateLetterCase(code: string, secret: string, body: LetterRatingBody) {
  return api<{ rating: LetterRatingView }>(`/api/public/letters/${encodeURIComponent(code)}/rating`, { method: 'POST', body, headers: { [SECRET_HEADER]: secret } });
}

/** POST /api/public/letters/:code/reopen: the writer asks, within the window, for an ended case to be handled again. */
export function reopenLetterCase(code: string, secret: string, body: ReopenBody) {
  return api<PublicLetterView>(`/api/public/letters/${encodeURIComponent(code)}/reopen`, { method: 'POST', body, headers: { [SECRET_HEADER]: secret } });
}
