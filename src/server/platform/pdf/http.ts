// Sends a generated PDF, shown in the browser (printable); API answers are never cached (security-headers.ts), as PDFs usually carry personal data.
import type { FastifyReply } from 'fastify';

/** `filename` must be ASCII (callers build it from codes); the PDF opens inline in the browser's viewer. */
export function replyPdf(reply: FastifyReply, pdf: Buffer, filename: string): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-length', String(pdf.length))
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('x-content-type-options', 'nosniff')
    .send(pdf);
}
