// LISTEN on PostgreSQL through a connection of its own, opened again when it is lost.
import pg from 'pg';

const RETRY_MS = 1_000;

/**
 * Listens on `channel`: `onState(true)` once the LISTEN is in place, `onState(false)` as soon as the
 * connection is lost (notifications sent meanwhile are lost with it), and a new connection a second
 * later. Returns the function that stops listening.
 */
export async function listenPostgres(url: string, channel: string, onNotify: () => void, onState: (listening: boolean) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;

  const lost = () => {
    onState(false);
    const c = client;
    client = null;
    c?.removeAllListeners();
    c?.end().catch(() => {});
    if (!stopped && !timer) timer = setTimeout(() => void connect(), RETRY_MS);
  };

  async function connect(): Promise<void> {
    timer = null;
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify();
    });
    c.on('error', lost);
    c.on('end', () => {
      if (client === c) lost();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (client === c && !stopped) onState(true);
    } catch {
      if (client === c) lost();
    }
  }

  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    onState(false);
    const c = client;
    client = null;
    c?.removeAllListeners();
    await c?.end().catch(() => {});
  };
}
