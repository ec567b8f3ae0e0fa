import { Counter } from 'prom-client';
import type { SettledBatch } from '@werkbrug/outbox';
import { metricsOptions, processRegistry, serveMetrics } from './metrics-server';

/**
 * The worker's figures: outbox messages handled per topic and outcome, mail sent and failed, and
 * the process figures. Served on WORKER_METRICS_PORT when it is set.
 */
export async function startWorkerMetrics(observe: (listener: (b: SettledBatch) => void) => void) {
  const registry = processRegistry('worker');
  const handled = new Counter({
    name: 'werkbrug_outbox_handled_total',
    help: 'Outbox messages handled by topic and outcome (done, failed, dead)',
    labelNames: ['topic', 'outcome'],
    registers: [registry],
  });
  const mailSent = new Counter({
    name: 'werkbrug_mail_sent_total',
    help: 'Mails accepted by the SMTP server (or written to the mail folder)',
    registers: [registry],
  });
  const mailFailed = new Counter({
    name: 'werkbrug_mail_failed_total',
    help: 'Mail attempts that failed (retried with back-off, or dead)',
    registers: [registry],
  });
  observe((batch) => {
    handled.inc({ topic: batch.topic, outcome: 'done' }, batch.done);
    handled.inc({ topic: batch.topic, outcome: 'failed' }, batch.failed);
    handled.inc({ topic: batch.topic, outcome: 'dead' }, batch.dead);
    if (batch.topic === 'mail.send') {
      mailSent.inc(batch.done);
      mailFailed.inc(batch.failed);
    }
  });
  const options = metricsOptions('WORKER_METRICS_PORT');
  return options ? serveMetrics(registry, options) : null;
}
