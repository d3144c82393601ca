// The delivery worker: claims due messages of the outbox (safe with several server processes), sends them, retries with backoff.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { columnsAs, compiled, decodeRow, runCompiled } from '../../db/compiled';
import type { Db } from '../../db/client';
import { notifications } from '../../db/schema';
import { isSealedRecipient, openRecipient } from './recipients';
import { CONFIDENTIAL_RECIPIENT, type EmailSender, type SmsSender } from './senders';

type Row = typeof notifications.$inferSelect;

/** Messages claimed per round. */
export const BATCH = 20;
/** After this many failed attempts the message is given up (status `failed`). */
export const MAX_ATTEMPTS = 8;
/**
 * A claimed message is leased for this long: if the process dies while sending, another process
 * takes it over once the lease ends (delivery is at least once; a message may rarely go twice).
 */
export const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 3_600_000;
const BLANKED = '[đã xoá sau khi gửi]';

/** 1, 2, 4, 8... minutes after the first, second, third failure, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

interface WorkerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RoundResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

/** A timestamp placeholder, encoded as the column encodes it. */
const at = (name: string) => sql.param(sql.placeholder(name), notifications.nextAttemptAt);

/**
 * The claim of a round, built once (the worker runs it several times a second while the outbox is
 * busy): at most BATCH due messages, rows locked by another process skipped, the claimed ones
 * leased. The ids are taken once, as an array: as `id in (subquery)` the planner ran the locking
 * subquery again for every pending row, which claimed the whole backlog in one round and read the
 * index once per row (0.3 s for 1,300).
 */
const claimStatement = (db: Db) =>
  compiled(db, 'notify_claim', () => {
    const due = db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, at('now'))))
      .orderBy(asc(notifications.nextAttemptAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    return sql`update ${notifications} set ${sql.identifier(notifications.attempts.name)} = ${notifications.attempts} + 1,
      ${sql.identifier(notifications.nextAttemptAt.name)} = ${at('lease')}
      where ${notifications.id} = any(array(${due})) and ${notifications.status} = 'pending'
      returning ${columnsAs(notifications)}`;
  });

/** The messages of a round delivered (the arrays `ids` and `attempts`, pairwise), a sensitive body blanked: built once. */
const sentStatement = (db: Db) =>
  compiled(
    db,
    'notify_sent',
    () => sql`update ${notifications} set ${sql.identifier(notifications.status.name)} = 'sent', ${sql.identifier(notifications.sentAt.name)} = ${at('now')},
      ${sql.identifier(notifications.lastError.name)} = null,
      ${sql.identifier(notifications.body.name)} = case when ${notifications.sensitive} then ${BLANKED} else ${notifications.body} end
      where (${notifications.id}, ${notifications.attempts}) in (select * from unnest(${sql.placeholder('ids')}::uuid[], ${sql.placeholder('attempts')}::int[]))`,
  );

export class NotificationWorker {
  private running = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    /** Replaceable (e.g. by a real SMS gateway adapter). */
    public email: EmailSender,
    public sms: SmsSender,
    private readonly log: WorkerLogger,
  ) {}

  /** Claims at most BATCH due messages in one statement (`claimStatement`). */
  private async claim(now: Date): Promise<Row[]> {
    const rows = await runCompiled<Row>(this.db, claimStatement(this.db), { now, lease: new Date(now.getTime() + LEASE_MS) });
    return rows.map((r) => decodeRow(notifications, r));
  }

  /** A sealed recipient is opened only here, for the adapter; an error that quotes it is scrubbed before it is stored or logged. */
  private async deliver(row: Row): Promise<void> {
    const confidential = isSealedRecipient(row.recipient);
    const to = openRecipient(row.recipient);
    try {
      if (row.channel === 'email') await this.email.send({ to, subject: row.subject ?? '', text: row.body, confidential });
      else await this.sms.send({ to, text: row.body, confidential });
    } catch (err) {
      if (!confidential) throw err;
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(message.split(to).join(CONFIDENTIAL_RECIPIENT));
    }
  }

  /**
   * The messages delivered in a round, recorded sent in one statement (a sensitive body blanked).
   * Only this claim may record them: if a lease ran out and another process took a row, its attempt
   * count moved on and the row is left to that process.
   */
  private async recordSent(rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    await runCompiled(this.db, sentStatement(this.db), { now: new Date(), ids: rows.map((r) => r.id), attempts: rows.map((r) => r.attempts) });
  }

  /** One round: claim, send each, record the outcomes. `now` is the worker's clock (tests pass a later time to pass a backoff). */
  async runOnce(now: Date = new Date()): Promise<RoundResult> {
    const rows = await this.claim(now);
    const out: RoundResult = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
    const sent: Row[] = [];
    for (const row of rows) {
      const mine = and(eq(notifications.id, row.id), eq(notifications.attempts, row.attempts));
      try {
        await this.deliver(row);
        sent.push(row);
        out.sent++;
      } catch (err) {
        const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        await this.db
          .update(notifications)
          .set(
            giveUp
              ? { status: 'failed', lastError: message, ...(row.sensitive ? { body: BLANKED } : {}) }
              : { lastError: message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)) },
          )
          .where(mine);
        if (giveUp) out.failed++;
        else out.retrying++;
        this.log.warn({ notificationId: row.id, channel: row.channel, attempts: row.attempts, err: message }, giveUp ? 'notification given up' : 'notification will be retried');
      }
    }
    await this.recordSent(sent);
    return out;
  }

  /** Runs rounds until stopped: straight on while there is a backlog, else every `intervalMs`. */
  start(intervalMs = 5_000): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = (async () => {
      while (this.running) {
        let full = false;
        try {
          full = (await this.runOnce()).claimed === BATCH;
        } catch (err) {
          this.log.error({ err }, 'notification round failed');
        }
        if (!full && this.running) await this.sleep(intervalMs);
      }
    })();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  /** Ends the loop after the round in progress (on shutdown, before the database closes). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.loopDone;
    this.loopDone = null;
  }
}
