// The ceiling: a bare Fastify route in the same Node and Fastify versions as the product, nothing else
// (no logging, no plugins, no database). Usage: node bench/lib/bare-server.mjs PORT
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
