// Test-only: starts the SMTP sink (smtp-sink.server.ts) in a child process on a free port, reads back and parses what it received.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The ports the project's tests may use for SMTP servers. */
const PORTS = Array.from({ length: 11 }, (_, i) => 2525 + i);
const SERVER = path.join(import.meta.dirname, 'smtp-sink.server.ts');

export interface ReceivedMail {
  from: string | null;
  to: string[];
  user: string | null;
  raw: string;
}

export interface SmtpSink {
  port: number;
  user: string;
  password: string;
  /** smtp://user:password@127.0.0.1:port, for DANVAN_SMTP_URL. */
  url: string;
  received: () => ReceivedMail[];
  /** Stops the server (the port refuses connections) and waits until the process is gone. */
  stop: () => Promise<void>;
  /** Starts it again on the same port. */
  restart: () => Promise<void>;
  close: () => Promise<void>;
}

function launch(port: number, file: string, user: string, password: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SERVER, String(port), file, user, password], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes(`ready ${port}`)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`smtp sink on ${port} exited (${code}): ${out.trim()}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const dir = mkdtempSync(path.join(tmpdir(), 'danvan-smtp-'));
  const file = path.join(dir, 'mail.jsonl');
  const user = 'mailer';
  const password = 'p@ss word';
  let child: ChildProcess | null = null;
  let port = 0;
  for (const p of PORTS) {
    try {
      child = await launch(p, file, user, password);
      port = p;
      break;
    } catch {
      // Taken: try the next port.
    }
  }
  if (!child) throw new Error(`no free port for the SMTP sink in ${PORTS[0]}-${PORTS.at(-1)}`);
  let current: ChildProcess | null = child;
  const stop = async () => {
    if (current) await stopChild(current);
    current = null;
  };
  return {
    port,
    user,
    password,
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    received: () =>
      existsSync(file)
        ? readFileSync(file, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as ReceivedMail)
        : [],
    stop,
    restart: async () => {
      current ??= await launch(port, file, user, password);
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function decodeBytes(hexEscaped: string, underscoreIsSpace: boolean): string {
  const bytes: number[] = [];
  for (let i = 0; i < hexEscaped.length; i++) {
    const c = hexEscaped[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hexEscaped.slice(i + 1, i + 3))) {
      bytes.push(parseInt(hexEscaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '_' && underscoreIsSpace) bytes.push(0x20);
    else bytes.push(...Buffer.from(c ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=), adjacent ones joined. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeBytes(data, true),
    );
}

/** A single-part text message as nodemailer writes it: headers (decoded) and the body (quoted-printable or base64 undone). */
export function parseMail(raw: string): { headers: Record<string, string>; subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = decodeHeader(line.slice(i + 1).trim());
  }
  const cte = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const text =
    cte === 'quoted-printable'
      ? decodeBytes(body.replace(/=\r\n/g, ''), false)
      : cte === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { headers, subject: headers.subject ?? '', text: text.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}
