// The writer's side through HTTP: a letter sent on the portal with files, anonymous or not; tracking that reveals nothing to a wrong secret; rate limits; retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterView, PublicLetterResult } from '../../../common/letters.schema';
import type { LetterPage } from '../../../common/letters-inbox.schema';
import type { PublicLetterView } from '../../../common/letters-tracking.schema';
import { TRACKING_PER_CODE_PER_MIN, TRACKING_PER_IP_PER_MIN } from '../../platform/tracking/limits';
import type { TestClient } from '../../testing/harness';
import { LETTERS_PER_MIN } from './letters.public.routes';
import { countRows, errorOf, fieldPaths, PDF, startLetterApp, uploadOk } from './letters.test-helpers';

let t: Awaited<ReturnType<typeof startLetterApp>>;
let tiepdan: TestClient;
let anBinh: string;
let ipCounter = 0;
/** A fresh client address per call, so that one test's requests do not use up another's allowance. */
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  t = await startLetterApp();
  tiepdan = await t.loginAs('tiepdan.anbinh');
  anBinh = await t.unitId('99001');
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  unitId: anBinh,
  kind: 'feedback',
  subject: 'Đèn đường hỏng',
  content: 'Đèn đường trước nhà văn hóa thôn Đông hỏng đã hai tuần, buổi tối rất tối.',
  writer: { name: 'Trần Thị Phản Ánh', phone: '0912 000 111', email: 'phananh@example.vn' },
  ...over,
});

const send = (payload: unknown, headers: Record<string, string> = {}, ip = freshIp()) =>
  t.anonymous().request({ method: 'POST', url: '/api/public/letters', payload: payload as Record<string, unknown>, headers, remoteAddress: ip });

const track = (code: string, secret: string | null, ip = freshIp(), how: 'header' | 'query' = 'header') =>
  t.anonymous().request({
    method: 'GET',
    url: `/api/public/letters/${encodeURIComponent(code)}${secret !== null && how === 'query' ? `?secret=${encodeURIComponent(secret)}` : ''}`,
    headers: secret !== null && how === 'header' ? { 'x-tracking-secret': secret } : {},
    remoteAddress: ip,
  });

describe('sending a letter on the portal', () => {
  it('takes a guest letter with files, answers the code and the secret once, and tracks it by code and secret', async () => {
    const guest = t.anonymous();
    const photo = await uploadOk(guest, '/api/public/files', 'anh-den-hong.pdf', PDF);
    const res = await send(body({ attachments: [{ fileId: photo.id, name: 'Ảnh đèn hỏng' }] }));
    expect(res.statusCode, res.body).toBe(201);
    const sent = res.json<PublicLetterResult>();
    expect(sent.code).toMatch(/^DT-99001-\d{6}-\d{4}$/);
    expect(sent.secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(sent.trackingUrl).toBe(`/tra-cuu-don/${sent.code}`);

    const view = (await track(sent.code, sent.secret)).json<PublicLetterView>();
    expect(view).toMatchObject({ code: sent.code, channel: 'portal', state: 'received', stateLabel: 'Chờ phân loại', receivingUnitName: 'Xã An Bình', cases: [] });
    expect(view.dueAt).not.toBeNull();
    // Typed by hand: lower case, no dashes, O for 0 and I for 1; or read from the receipt's QR code as ?secret=.
    const typed = sent.secret.toLowerCase().replace(/-/g, '').replace(/0/g, 'o').replace(/1/g, 'i');
    expect((await track(sent.code, typed)).statusCode).toBe(200);
    expect((await track(sent.code, sent.secret, freshIp(), 'query')).statusCode).toBe(200);

    const staff = (await tiepdan.get(`/api/letters?q=${sent.code}`)).json<LetterPage>().items[0];
    expect(staff).toMatchObject({ channel: 'portal', declaredKind: 'feedback', writerName: null, identityProtected: false });
    const letter = (await tiepdan.get(`/api/letters/${staff?.id}`)).json<LetterView>();
    expect(letter.files).toMatchObject([{ name: 'Ảnh đèn hỏng', kind: 'letter', mime: 'application/pdf', restricted: true }]);
    expect(letter).toMatchObject({ dated: true, signed: false, anonymous: false });
  });

  it('takes an anonymous letter, and seals a declared denunciation from the first moment', async () => {
    const anon = await send(body({ writer: {} }));
    expect(anon.statusCode, anon.body).toBe(201);
    const den = await send(body({ kind: 'denunciation', writer: { name: 'Người Tố Giác' } }));
    const denCode = den.json<PublicLetterResult>().code;
    const view = (await tiepdan.get(`/api/letters?q=${denCode}`)).json<LetterPage>().items[0];
    expect(view).toMatchObject({ identityProtected: true });
    const full = (await tiepdan.get(`/api/letters/${view?.id}`)).json<LetterView>();
    // Nobody handles it yet: not even the officer who classifies may reveal a declared denouncer.
    expect(full.identity).toMatchObject({ status: 'protected', canReveal: false, has: { name: true } });
    const anonView = (await tiepdan.get(`/api/letters?q=${anon.json<PublicLetterResult>().code}`)).json<LetterPage>().items[0];
    expect(anonView?.anonymous).toBe(true);
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const before = { letters: await countRows(t, 'letters'), counters: await countRows(t, 'code_counters') };
    const res = await send(
      body({
        unitId: crypto.randomUUID(),
        content: '',
        writer: { phone: 'abc', idNumber: '12' },
        peopleCount: 8,
        representatives: [{ name: 'A' }, { name: 'B' }],
        extra: 1,
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(expect.arrayContaining(['body.content', 'body.writer.phone', 'body.writer.idNumber']));
    const group = await send(body({ peopleCount: 8, representatives: [{ name: 'A' }, { name: 'B' }] }));
    expect(fieldPaths(group)).toEqual(['body.representatives']);
    const unit = await send(body({ unitId: crypto.randomUUID() }));
    expect(fieldPaths(unit)).toEqual(['body.unitId']);
    const staffFile = await uploadOk(tiepdan, '/api/files', 'noi-bo.pdf');
    const taken = await send(body({ attachments: [{ fileId: staffFile.id, name: 'x' }] }));
    expect(fieldPaths(taken)).toEqual(['body.attachments.0.fileId']);
    expect({ letters: await countRows(t, 'letters'), counters: await countRows(t, 'code_counters') }).toEqual(before);
  });

  it('sends one letter for a retried submission with the same Idempotency-Key', async () => {
    const ip = freshIp();
    const headers = { 'idempotency-key': 'portal-letter-retry-1' };
    const first = await send(body(), headers, ip);
    const again = await send(body(), headers, ip);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<PublicLetterResult>().code).toBe(first.json<PublicLetterResult>().code);
    expect((await send(body({ content: 'Khác hẳn' }), headers, ip)).statusCode).toBe(422);
  });
});

describe('tracking reveals nothing to a wrong secret', () => {
  it('answers an unknown code, a missing secret and a wrong one alike', async () => {
    const sent = (await send(body())).json<PublicLetterResult>();
    const answers = [await track(sent.code, 'AAAA-BBBB-CCCC-DDDD-EEEE'), await track(sent.code, null), await track('DT-99001-000000-9999', sent.secret)];
    for (const a of answers) {
      expect(a.statusCode).toBe(404);
      expect(errorOf(a).code).toBe('letter_not_found');
    }
    const strip = (r: (typeof answers)[number]) => ({ ...r.json<{ error: Record<string, unknown> }>().error, requestId: null });
    expect(strip(answers[0]!)).toEqual(strip(answers[1]!));
    expect(strip(answers[0]!)).toEqual(strip(answers[2]!));
  });

  it('limits look-ups per address and per code', async () => {
    const sent = (await send(body())).json<PublicLetterResult>();
    const ip = freshIp();
    for (let i = 0; i < TRACKING_PER_IP_PER_MIN; i++) expect((await track(`DT-99001-000000-${1000 + i}`, 'x', ip)).statusCode).toBe(404);
    expect((await track(sent.code, sent.secret, ip)).statusCode).toBe(429);
    // From many addresses at once, guesses on one code stop at the per-code limit.
    for (let i = 0; i < TRACKING_PER_CODE_PER_MIN; i++) await track(sent.code, `WRONG-${i}`);
    const blocked = await track(sent.code, sent.secret);
    expect(blocked.statusCode).toBe(429);
    expect(errorOf(blocked).code).toBe('rate_limited');
  });

  it('limits letters per address', async () => {
    const ip = freshIp();
    for (let i = 0; i < LETTERS_PER_MIN; i++) await send(body({ content: `Nội dung số ${i} về đèn đường` }), {}, ip);
    expect((await send(body(), {}, ip)).statusCode).toBe(429);
  });
});
