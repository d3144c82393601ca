// A real SMTP server for tests, run as a child process: accepts every message and appends it (envelope and raw) to a JSON-lines file.
// Usage: node --import tsx smtp-sink.server.ts <port> <file> <user> <password>; prints "ready <port>" once listening.
import { appendFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';

const [portArg, file, user, password] = process.argv.slice(2);
if (!portArg || !file || !user || !password) {
  console.error('usage: smtp-sink.server.ts <port> <file> <user> <password>');
  process.exit(2);
}

const server = new SMTPServer({
  // Plain SMTP with AUTH on the loopback: the product's client must log in as a real one would.
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  logger: false,
  onAuth(auth, _session, callback) {
    if (auth.username === user && auth.password === password) callback(null, { user: auth.username });
    else callback(new Error('Invalid username or password'));
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
      const to = session.envelope.rcptTo.map((r) => r.address);
      const user: unknown = session.user;
      appendFileSync(file, `${JSON.stringify({ from, to, user: typeof user === 'string' ? user : null, raw: Buffer.concat(chunks).toString('utf8') })}\n`);
      callback();
    });
  },
});

server.on('error', (err) => {
  console.error(`error ${err.message}`);
  process.exit(1);
});
server.listen(Number(portArg), '127.0.0.1', () => console.log(`ready ${portArg}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
