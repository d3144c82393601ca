// The state of a public tracking page (a dossier, a letter): the secret, from the `#s=` fragment of the link, this tab's
// memory or the look-up form, never from the address; the record read with it (again on refresh and on a change of
// language, since the server words the states); too many look-ups; the neutral "not found".
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { forgetSecret, recallSecret, rememberSecret, takeSecretFromFragment } from '../dossiers/publicDossiers';

export interface TrackedRecord {
  code: string;
  stateLabel: string;
}

interface Loaded<T> {
  data: T | null;
  /** Shown with the form: the neutral "not found", or why the look-up failed. */
  problem: string | null;
  /** Too many look-ups: wait, then try again with the same secret. */
  wait: string | null;
  loading: boolean;
}

export interface TrackingOptions<T> {
  code: string;
  /** The page of a code: `${basePath}/${code}`. */
  basePath: string;
  read: (code: string, secret: string | null, signal: AbortSignal) => Promise<T>;
  notFound: string;
  /** The page's title while no record is shown. */
  title: string;
  /** Whether the record may be read without the secret (a signed-in citizen's own dossier); undefined while not known. */
  withoutSecret?: boolean | undefined;
}

export function useTracking<T extends TrackedRecord>(o: TrackingOptions<T>) {
  const { code, withoutSecret = false } = o;
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [secret, setSecret] = useState<string | null>(() => {
    if (!code) return null;
    const fromLink = takeSecretFromFragment();
    if (fromLink) rememberSecret(code, fromLink);
    return fromLink ?? recallSecret(code);
  });
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<Loaded<T>>({ data: null, problem: null, wait: null, loading: !!code && (!!secret || withoutSecret !== false) });
  const heading = useRef<HTMLHeadingElement>(null);
  const refresh = () => setVersion((v) => v + 1);

  // A link with `#s=` opened while this page is showing (only the fragment changes, so nothing remounts).
  const { hash } = useLocation();
  useEffect(() => {
    const fromLink = code && hash.includes('s=') ? takeSecretFromFragment() : null;
    if (!fromLink) return;
    setSecret(fromLink);
    setVersion((v) => v + 1);
  }, [hash, code]);

  // Kept for a reload of this page; forgotten when the citizen leaves it.
  useEffect(() => {
    if (!code || !secret) return;
    rememberSecret(code, secret);
    return () => forgetSecret(code);
  }, [code, secret]);

  const { read, notFound } = o;
  useEffect(() => {
    if (!code || (!secret && withoutSecret === undefined)) return;
    if (!secret && !withoutSecret) {
      setState((s) => (s.loading ? { ...s, loading: false } : s));
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, wait: null }));
    read(code, secret, ctrl.signal).then(
      (data) => setState({ data, problem: null, wait: null, loading: false }),
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError && err.status === 404) {
          forgetSecret(code);
          setSecret(null);
          // Read without the secret and not found: the secret is needed (no message, as nothing was typed).
          setState({ data: null, problem: secret ? notFound : null, wait: null, loading: false });
        } else if (err instanceof ApiError && err.status === 429) {
          setState((s) => ({ ...s, wait: t('citizen.tooMany', { seconds: err.retryAfter ?? 60 }), loading: false }));
        } else setState((s) => ({ ...s, wait: errorMessage(err), loading: false }));
      },
    );
    return () => ctrl.abort();
    // `read` and `notFound` are the page's, fixed for a code; the language changes the server's words.
  }, [code, secret, version, i18n.language, withoutSecret]);

  const d = state.data;
  useEffect(() => {
    if (d?.code) heading.current?.focus();
  }, [d?.code]);
  useEffect(() => {
    document.title = `${d ? `${d.code} · ${d.stateLabel}` : o.title} · ${t('app.name')}`;
  }, [d, o.title, t]);

  /** The look-up form: the same code is read again with the new secret; another code is another page. */
  const lookup = (c: string, s: string) => {
    rememberSecret(c, s, false);
    if (c === code) {
      setSecret(s);
      refresh();
    } else void navigate(`${o.basePath}/${encodeURIComponent(c)}`);
  };

  const setData = (data: T) => setState((s) => ({ ...s, data }));
  return { code, secret, ...state, heading, refresh, lookup, setData };
}

export type Tracking<T extends TrackedRecord> = ReturnType<typeof useTracking<T>>;
