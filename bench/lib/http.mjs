// The load generator's HTTP/1.1 client (undici's pool, keep-alive), JSON in and out, a latency
// recorder with percentiles, and closed-loop runners (N workers, each sending its next request when
// the previous one is answered) for a fixed duration.
import { Pool } from 'undici';

export class Recorder {
  constructor() {
    this.samples = [];
    this.errors = 0;
    this.statuses = {};
  }
  add(ms) {
    this.samples.push(ms);
  }
  fail(status) {
    this.errors += 1;
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
  }
  /** Percentile by nearest rank, in ms. */
  pct(p) {
    if (!this.samples.length) return null;
    const s = this.sorted ?? (this.sorted = Float64Array.from(this.samples).sort());
    return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  }
  summary(seconds) {
    this.sorted = undefined;
    const n = this.samples.length;
    return {
      count: n,
      perSecond: seconds ? n / seconds : null,
      p50: this.pct(50),
      p95: this.pct(95),
      p99: this.pct(99),
      max: n ? this.pct(100) : null,
      errors: this.errors,
      statuses: this.statuses,
    };
  }
}

export class HttpError extends Error {
  constructor(status, body, what) {
    super(`${what}: HTTP ${status} ${String(body).slice(0, 300)}`);
    this.status = status;
  }
}

/**
 * Keep-alive connections to 127.0.0.1:port through undici's pool: it parses answers with llhttp
 * and keeps no stream objects per request, so the load generator takes less of the machine that it
 * measures than Node's own http client (which took about a third of the server's CPU per look-up).
 */
export function client(port, maxSockets) {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: maxSockets, pipelining: 1, keepAliveTimeout: 60_000 });
  /** Sends one request; resolves { status, headers (set-cookie as a list), body (string) }. */
  const send = async (method, path, { headers = {}, body } = {}) => {
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const h = { ...headers };
    if (payload) h['content-type'] ??= 'application/json';
    const res = await pool.request({ method, path, headers: h, body: payload });
    const text = await res.body.text();
    const cookies = res.headers['set-cookie'];
    return { status: res.statusCode, headers: { ...res.headers, 'set-cookie': cookies === undefined ? undefined : [cookies].flat() }, body: text };
  };
  return { send, close: () => pool.destroy() };
}

/**
 * Runs `task` in `concurrency` closed loops for `seconds` (after `warmup` seconds that are not
 * recorded). task(i) resolves when done (its time is recorded) or throws (counted as an error).
 * Returns the measured window: its length in seconds and its bounds (performance.now()).
 */
export async function closedLoop({ concurrency, seconds, warmup = 0, task, recorder }) {
  const start = performance.now();
  const warmEnd = start + warmup * 1000;
  const end = warmEnd + seconds * 1000;
  let measuredStart = null;
  const loop = async (i) => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await task(i);
        const t1 = performance.now();
        if (t0 >= warmEnd && t1 <= end) recorder.add(t1 - t0);
      } catch (err) {
        if (t0 >= warmEnd) recorder.fail(err.status ?? err.code ?? 'error');
        if (!recorder.firstError) recorder.firstError = String(err.message ?? err);
      }
    }
  };
  const waitWarm = new Promise((r) => setTimeout(() => { measuredStart = performance.now(); r(); }, warmup * 1000));
  await Promise.all([...Array.from({ length: concurrency }, (_, i) => loop(i)), waitWarm]);
  const from = measuredStart ?? warmEnd;
  return { seconds: (end - from) / 1000, from, to: end };
}
