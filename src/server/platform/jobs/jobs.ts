// In-process background jobs (such as CSV imports): live progress in memory, the final state in the jobs table.
//
// Why memory: PGlite is a single connection, and a job's write phase runs in ONE transaction
// so that it is all or nothing. While that transaction is open no other statement can run, so
// the progress of the write phase cannot be committed to the jobs row from inside it (and on
// PostgreSQL a row updated inside the transaction would stay invisible until commit anyway).
// So live progress is kept here, keyed by job id, and the jobs row is written when the job
// starts and when it ends (the final state inside the job's own transaction when it succeeds).
// Consequence for several server processes: only the process running a job sees its live
// progress; the others see the row ('running', then the final state).
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { JobStatus, JobView, RejectedRow } from '../../../common/org.schema';
import type { Db, Tx } from '../../db/client';
import { jobs } from '../../db/schema';

export interface JobState {
  id: string;
  kind: string;
  status: JobStatus;
  total: number;
  processed: number;
  accepted: number;
  rejected: RejectedRow[];
  message: string | null;
  createdBy: string | null;
  unitId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export type FinalStatus = Extract<JobStatus, 'succeeded' | 'rejected' | 'failed'>;

export interface JobOutcome {
  status: FinalStatus;
  accepted: number;
  rejected: RejectedRow[];
  message: string;
}

/** What a running job may do: report progress, and persist its final state inside its own transaction. */
export interface JobHandle {
  readonly id: string;
  setTotal(total: number): void;
  setProgress(processed: number): void;
  /** Writes the final state with `tx` so that it commits (or rolls back) with the job's work. */
  persistIn(tx: Tx, outcome: JobOutcome): Promise<void>;
}

interface Logger {
  error(obj: unknown, msg?: string): void;
}

const FAILED_MESSAGE = 'Đã xảy ra lỗi khi ghi dữ liệu; không có thay đổi nào được lưu. Vui lòng thử lại hoặc báo quản trị hệ thống.';

export class JobRegistry {
  private readonly live = new Map<string, JobState>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  async create(meta: { kind: string; createdBy: string | null; unitId: string | null }): Promise<JobState> {
    const [row] = await this.db.insert(jobs).values({ ...meta, status: 'queued' }).returning();
    if (!row) throw new Error('job insert returned nothing');
    const state = fromRow(row);
    this.live.set(state.id, state);
    return { ...state };
  }

  /** Runs `work` in the background; whatever it throws becomes a 'failed' job, never an unhandled rejection. */
  start(id: string, work: (job: JobHandle) => Promise<JobOutcome>): void {
    const p = this.run(id, work).finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** The live state of a job running in this process, without touching the database. */
  peek(id: string): JobState | undefined {
    const s = this.live.get(id);
    return s ? { ...s, rejected: [...s.rejected] } : undefined;
  }

  async get(id: string): Promise<JobState | undefined> {
    const live = this.peek(id);
    if (live) return live;
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return row ? fromRow(row) : undefined;
  }

  /** Waits for the jobs still running (on shutdown, so that none writes to a closed database). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(id: string, work: (job: JobHandle) => Promise<JobOutcome>): Promise<void> {
    const state = this.live.get(id);
    if (!state) return;
    let persisted = false;
    const handle: JobHandle = {
      id,
      setTotal: (total) => {
        state.total = total;
      },
      setProgress: (processed) => {
        state.processed = Math.min(processed, state.total);
      },
      persistIn: async (tx, outcome) => {
        await this.persist(tx, state, outcome);
        persisted = true;
      },
    };
    let outcome: JobOutcome;
    try {
      state.status = 'running';
      await this.db.update(jobs).set({ status: 'running' }).where(eq(jobs.id, id));
      outcome = await work(handle);
    } catch (err) {
      this.log.error({ err, jobId: id }, 'background job failed');
      // Whatever was persisted inside the rolled-back transaction is gone.
      persisted = false;
      outcome = { status: 'failed', accepted: 0, rejected: [], message: FAILED_MESSAGE };
    }
    try {
      if (!persisted) await this.persist(this.db, state, outcome);
      this.apply(state, outcome);
    } catch (err) {
      this.log.error({ err, jobId: id }, 'could not record the end of a background job');
      this.apply(state, outcome);
    } finally {
      this.live.delete(id);
    }
  }

  private async persist(tx: Tx, state: JobState, o: JobOutcome) {
    await tx
      .update(jobs)
      .set({
        status: o.status,
        total: state.total,
        processed: o.status === 'failed' ? state.processed : state.total,
        accepted: o.accepted,
        rejected: o.rejected,
        message: o.message,
        finishedAt: new Date(),
      })
      .where(eq(jobs.id, state.id));
  }

  private apply(state: JobState, o: JobOutcome) {
    state.status = o.status;
    state.accepted = o.accepted;
    state.rejected = o.rejected;
    state.message = o.message;
    if (o.status !== 'failed') state.processed = state.total;
    state.finishedAt = new Date();
  }
}

function fromRow(row: typeof jobs.$inferSelect): JobState {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobStatus,
    total: row.total,
    processed: row.processed,
    accepted: row.accepted,
    rejected: Array.isArray(row.rejected) ? (row.rejected as RejectedRow[]) : [],
    message: row.message,
    createdBy: row.createdBy,
    unitId: row.unitId,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

export function toJobView(s: JobState): JobView {
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    total: s.total,
    processed: s.processed,
    accepted: s.accepted,
    rejected: s.rejected,
    message: s.message,
    createdAt: s.createdAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
}

/** One registry per database, so that every module of an app sees the same live jobs. */
const registries = new WeakMap<Db, JobRegistry>();

export function jobRegistryFor(db: Db, log: Logger): JobRegistry {
  let r = registries.get(db);
  if (!r) {
    r = new JobRegistry(db, log);
    registries.set(db, r);
  }
  return r;
}

const ORPHANED_MESSAGE = 'Máy chủ đã khởi động lại khi công việc đang chạy; không có thay đổi nào được lưu. Vui lòng chạy lại.';

/**
 * At start, jobs left 'queued' or 'running' by a stopped process can never finish: mark them failed
 * (their work was one transaction, so nothing of it was saved). With PGlite this process is the only
 * one, so every such job is orphaned; on PostgreSQL other processes may be running jobs, so only
 * jobs older than `olderThanMs` are swept.
 */
export async function failOrphanedJobs(db: Db, olderThanMs: number): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMs);
  const swept = await db
    .update(jobs)
    .set({ status: 'failed', message: ORPHANED_MESSAGE, finishedAt: new Date() })
    .where(and(inArray(jobs.status, ['queued', 'running']), lte(jobs.createdAt, cutoff)))
    .returning({ id: jobs.id });
  return swept.length;
}
