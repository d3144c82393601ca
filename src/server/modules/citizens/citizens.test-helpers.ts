// Test-only helpers of citizen accounts: capture what the logging adapters deliver, read the code back, sign in.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { CitizenSessionView } from '../../../common/citizens.schema';
import { LogEmailSender, LogSmsSender } from '../../platform/notify/senders';
import type { TestApp } from '../../testing/harness';

export interface Delivered {
  channel: string;
  to: string;
  text: string;
}

export interface Citizen {
  id: string;
  cookie: string;
  csrf: string;
  /** A request with the citizen's cookie and CSRF token (from a fresh address). */
  inject: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
}

let ipCounter = 0;
/** A fresh client address per call, so that per-address limits belong to the tests that test them. */
export const freshIp = () => `10.7.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

/** Replaces the app's adapters by the product's logging ones writing into `sent`. */
export function captureDeliveries(t: TestApp): Delivered[] {
  const sent: Delivered[] = [];
  const log = { info: (obj: object) => void sent.push(obj as Delivered) };
  t.app.notifier.email = new LogEmailSender(log);
  t.app.notifier.sms = new LogSmsSender(log);
  return sent;
}

export function citizenHelpers(t: TestApp, sent: Delivered[]) {
  const post = (url: string, payload: Record<string, unknown>, extra: Partial<InjectOptions> = {}) =>
    t.app.inject({ method: 'POST', url, payload, remoteAddress: freshIp(), ...extra });

  /** Asks for a code and reads it from the message the worker delivered. */
  async function codeFor(contact: string): Promise<string> {
    const res = await post('/api/citizen/otp', { contact });
    expect(res.statusCode, res.body).toBe(202);
    await t.app.notifier.runOnce();
    const text = sent.at(-1)?.text ?? '';
    const code = /(\d{6})/.exec(text)?.[1];
    if (!code) throw new Error(`no code in ${text}`);
    return code;
  }

  async function signIn(contact: string): Promise<Citizen> {
    const code = await codeFor(contact);
    const res = await post('/api/citizen/session', { contact, code });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'dv_citizen');
    if (!cookie) throw new Error('no citizen cookie');
    const body = res.json<CitizenSessionView>();
    const jar = `dv_citizen=${cookie.value}`;
    return {
      id: body.citizen.id,
      cookie: jar,
      csrf: body.csrfToken,
      inject: (opts) => t.app.inject({ remoteAddress: freshIp(), ...opts, headers: { cookie: jar, 'x-csrf-token': body.csrfToken, ...(opts.headers ?? {}) } }),
    };
  }

  return { post, codeFor, signIn };
}
