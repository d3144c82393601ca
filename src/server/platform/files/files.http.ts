// Streams a stored file as a download: the sniffed type, never rendered inline, the name encoded for any browser.
import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { filesDir, pathOf, type FileRow } from './files.service';

export function sendStoredFile(reply: FastifyReply, dataDir: string, f: Pick<FileRow, 'mime' | 'size' | 'name' | 'storageKey'>): FastifyReply {
  // Never rendered inline as HTML: the type is the sniffed one and the browser may not guess another.
  void reply
    .header('content-type', f.mime)
    .header('content-length', String(f.size))
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`);
  return reply.send(createReadStream(pathOf(filesDir(dataDir), f)));
}
