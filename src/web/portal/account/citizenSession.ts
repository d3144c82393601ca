// The signed-in citizen (cookie dv_citizen, httpOnly): asked of the server once per page load, with the CSRF token that every
// unsafe call on /api/public and /api/citizen must carry while signed in. Pages that never need it never ask.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type {
  CitizenDossierItem,
  CitizenDossierPage,
  CitizenMeView,
  CitizenSessionView,
  CitizenView,
  ClaimResult,
  OtpRequestResult,
} from '../../../common/citizens.schema';

export type { CitizenDossierItem, CitizenView };

let current: CitizenMeView | null = null;
let pending: Promise<CitizenMeView> | null = null;
const listeners = new Set<(me: CitizenMeView) => void>();

function publish(me: CitizenMeView) {
  current = me;
  listeners.forEach((l) => l(me));
}

/** Who is signed in (null when nobody); one request per page load, shared by every caller. */
export function loadCitizen(): Promise<CitizenMeView> {
  if (current) return Promise.resolve(current);
  pending ??= api<CitizenMeView>('/api/citizen/me').then(
    (me) => {
      publish(me);
      pending = null;
      return me;
    },
    () => {
      // Unknown: act as a guest (a signed-in citizen's write then fails with a plain CSRF message and can be retried).
      pending = null;
      return { citizen: null, csrfToken: null };
    },
  );
  return pending;
}

/** After sign-in or sign-out. */
export function setCitizen(me: CitizenMeView) {
  publish(me);
}

/** The header an unsafe public call needs: the citizen session's CSRF token, when signed in. */
export async function citizenHeaders(): Promise<Record<string, string>> {
  const me = await loadCitizen();
  return me.csrfToken ? { 'x-csrf-token': me.csrfToken } : {};
}

/** The citizen for a component: undefined while asking, then the answer (citizen null for a guest). */
export function useCitizen(): CitizenMeView | undefined {
  const [me, setMe] = useState<CitizenMeView | undefined>(current ?? undefined);
  useEffect(() => {
    listeners.add(setMe);
    void loadCitizen().then(setMe);
    return () => {
      listeners.delete(setMe);
    };
  }, []);
  return me;
}

/** "+84912345678" → "0912 345 678", as people write it (contacts.ts does the same on the server, with zod). */
export function displayContact(c: CitizenView): string {
  if (c.kind === 'email') return c.contact;
  const local = c.contact.startsWith('+84') ? `0${c.contact.slice(3)}` : c.contact;
  return local.length === 10 ? `${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}` : local;
}

// ---------- sign-in by one-time code, sign-out, the citizen's own dossiers ----------

export function requestCode(contact: string) {
  return api<OtpRequestResult>('/api/citizen/otp', { method: 'POST', body: { contact } });
}

export async function signIn(contact: string, code: string): Promise<CitizenMeView> {
  const s = await api<CitizenSessionView>('/api/citizen/session', { method: 'POST', body: { contact, code } });
  const me = { citizen: s.citizen, csrfToken: s.csrfToken };
  setCitizen(me);
  return me;
}

export async function signOut(): Promise<void> {
  await api<unknown>('/api/citizen/logout', { method: 'POST', headers: await citizenHeaders() });
  setCitizen({ citizen: null, csrfToken: null });
}

export function myDossiers(cursor: string | null) {
  return api<CitizenDossierPage>('/api/citizen/dossiers', { query: { limit: 20, cursor } });
}

export async function claimDossier(code: string, secret: string) {
  return api<ClaimResult>('/api/citizen/dossiers/claim', { method: 'POST', body: { code, secret }, headers: await citizenHeaders() });
}
