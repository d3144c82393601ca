// Sets up notifications for an app: links to the public web app, the email and SMS adapters from the configuration, the worker.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { setPublicUrl } from './outbox';
import { LogEmailSender, LogSmsSender, SmtpEmailSender, type EmailSender } from './senders';
import { NotificationWorker } from './worker';

/**
 * Decorates `app.notifier` (the worker; main.ts starts its loop, tests run rounds by hand) and says
 * in the log where email and text messages go, so that an installation without SMTP is noticed.
 */
export function installNotifications(app: FastifyInstance, config: Config, db: Db): NotificationWorker {
  setPublicUrl(config.DANVAN_PUBLIC_URL);
  const log = app.log.child({ module: 'notify' });
  const smtp = config.DANVAN_SMTP_URL ? new SmtpEmailSender(config.DANVAN_SMTP_URL, config.DANVAN_MAIL_FROM) : null;
  const email: EmailSender = smtp ?? new LogEmailSender(log);
  const worker = new NotificationWorker(db, email, new LogSmsSender(log), log);
  app.decorate('notifier', worker);
  app.addHook('onReady', async () => {
    log.info(`notifications: email via ${worker.email.description}; SMS via ${worker.sms.description}; links to ${config.DANVAN_PUBLIC_URL}`);
  });
  app.addHook('onClose', async () => {
    await worker.stop();
    smtp?.close();
  });
  return worker;
}
