// The citizen's calls to the dossier API (submit, track, own actions, rating, receipt), with the tracking
// secret sent only in a header and kept in memory for the tab (sessionStorage at most, never the address or logs).
// A signed-in citizen proves their own dossiers by the session instead: `secret` is then null.
import i18n from 'i18next';
import { api, ApiError, toApiError } from '../../api/client';
import type { CitizenActionBody, PublicDossierView, PublicSubmitBody, PublicSubmitResult } from '../../../common/dossiers.schema';
import type { RatingBody, RatingCriterion, RatingView } from '../../../common/dossier-ratings.schema';
import type { ReceivingUnitList } from '../../../common/procedures.schema';
import { citizenHeaders } from '../account/citizenSession';

export type { PublicDossierView, PublicSubmitResult, RatingView, ReceivingUnitList };

export const SECRET_HEADER = 'X-Tracking-Secret';

/** The five SIPAS criteria in the order the form asks them: RATING_CRITERIA of the schema, which the portal cannot import without zod. */
export const RATING_FACTORS: readonly RatingCriterion[] = ['access', 'procedure', 'officials', 'result', 'feedback'];
export type RatingFactor = RatingCriterion;

export type TrackedDossier = PublicDossierView;

export type CitizenAction = 'resubmit' | 'supplement' | 'withdraw';

export { newIdempotencyKey } from '../../api/upload';

const path = (code: string) => `/api/public/dossiers/${encodeURIComponent(code)}`;

export function fetchReceivingUnits(procedureCode: string, signal?: AbortSignal) {
  return api<ReceivingUnitList>(`/api/public/procedures/${encodeURIComponent(procedureCode)}/units`, { signal });
}

const proof = (secret: string | null): Record<string, string> => (secret ? { [SECRET_HEADER]: secret } : {});

export async function submitDossier(body: PublicSubmitBody, idempotencyKey: string) {
  const headers = { 'Idempotency-Key': idempotencyKey, ...(await citizenHeaders()) };
  return api<PublicSubmitResult>('/api/public/dossiers', { method: 'POST', body, headers });
}

export function trackDossier(code: string, secret: string | null, signal?: AbortSignal) {
  return api<TrackedDossier>(path(code), { headers: proof(secret), signal });
}

export async function actOnDossier(code: string, secret: string | null, action: CitizenAction, body: CitizenActionBody, idempotencyKey: string) {
  const headers = { ...proof(secret), 'Idempotency-Key': idempotencyKey, ...(await citizenHeaders()) };
  return api<TrackedDossier>(`${path(code)}/actions/${action}`, { method: 'POST', body, headers });
}

export async function rateDossier(code: string, secret: string | null, body: RatingBody) {
  return api<unknown>(`${path(code)}/rating`, { method: 'POST', body, headers: { ...proof(secret), ...(await citizenHeaders()) } });
}

/** The applicant's receipt (form 01, PDF) as a file; 409 `form_not_applicable` until the dossier is accepted. */
export async function fetchReceipt(code: string, secret: string | null): Promise<{ blob: Blob; filename: string }> {
  let res: Response;
  try {
    res = await fetch(`${path(code)}/forms/01.pdf`, {
      headers: { ...proof(secret), accept: 'application/pdf', 'accept-language': i18n.language === 'en' ? 'en' : 'vi' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('common.error'));
  }
  if (!res.ok) {
    let data: unknown;
    try {
      data = await res.json();
    } catch {
      data = undefined;
    }
    throw toApiError(res.status, data);
  }
  const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `mau-01-${code}.pdf`;
  return { blob: await res.blob(), filename };
}

// ---------- the secret of each code, for this tab only ----------

const SECRET_PREFIX = 'dv.secret.';
const secrets = new Map<string, string>();

/**
 * Keeps the secret for this tab: in memory, and (`persist`, only while the tracking page shows it) in sessionStorage so
 * that a reload of that page keeps it. The tracking page forgets both when the citizen leaves it.
 */
export function rememberSecret(code: string, secret: string, persist = true): void {
  secrets.set(code, secret);
  if (!persist) return;
  try {
    sessionStorage.setItem(SECRET_PREFIX + code, secret);
  } catch {
    // storage unavailable: memory only
  }
}

export function recallSecret(code: string): string | null {
  const known = secrets.get(code);
  if (known) return known;
  try {
    return sessionStorage.getItem(SECRET_PREFIX + code);
  } catch {
    return null;
  }
}

/** Called when the citizen leaves the tracking page or the secret proves wrong. */
export function forgetSecret(code: string): void {
  secrets.delete(code);
  try {
    sessionStorage.removeItem(SECRET_PREFIX + code);
  } catch {
    // nothing stored
  }
}

/** Reads `#s=<secret>` (the link on the receipt and the QR code) and removes it from the address bar and history entry. */
export function takeSecretFromFragment(): string | null {
  const m = /(?:^#|&)s=([^&]+)/.exec(window.location.hash);
  if (!m?.[1]) return null;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/** The link to give someone (or to put in a QR code): the secret rides in the fragment, which browsers never send to the server. */
export function trackingLink(code: string, secret: string): string {
  return `${window.location.origin}/tra-cuu/${encodeURIComponent(code)}#s=${encodeURIComponent(secret)}`;
}
