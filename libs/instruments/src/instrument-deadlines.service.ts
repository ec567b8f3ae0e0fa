import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { dutchDate, labelOf, today } from '@werkbrug/domain';
import { DueMailJob, type DueMails, queueDueMails } from '@werkbrug/jobs';
import { MailService } from '@werkbrug/mail';
import { queryRows } from '@werkbrug/database';

/** The werkmakelaar hears about a deadline this many days before it. */
export const DEADLINE_NOTICE_DAYS = 30;

/**
 * Mails the werkmakelaar before the deadline of an agreed instrument (LKS within 6 months of the
 * contract start; a doelgroepverklaring within 3 months), once per deadline, through the outbox.
 */
@Injectable()
export class InstrumentDeadlinesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  /** Queues the notices due on the given Dutch date (today); returns how many mails were queued. */
  async sendNotices(on = today()): Promise<number> {
    return this.db.transaction((em) => queueDueMails(em, on, this.deadlineMails));
  }

  private readonly deadlineMails: DueMails<Record<string, string>> = {
    due: (em, on) =>
      queryRows<Record<string, string>>(
        em,
        `SELECT d.id, d.kind, d.due_on::text AS due_on, d.placement_id, i.name AS instrument, c.pseudonym,
                v.title, e.name AS employer, u.display_name AS wm_name, u.email AS wm_email
           FROM instrument_deadlines d
           JOIN instruments i ON i.code = d.instrument_code
           JOIN placements p ON p.id = d.placement_id
           JOIN candidates c ON c.id = d.candidate_id
           JOIN vacancies v ON v.id = p.vacancy_id
           JOIN employers e ON e.id = v.employer_id
           JOIN users u ON u.id = d.werkmakelaar_id
          WHERE d.notice_sent_at IS NULL AND p.status = 'lopend' AND c.erased_at IS NULL AND u.active
            AND d.due_on BETWEEN $2::date AND $2::date + $1::int
          ORDER BY d.due_on
          FOR UPDATE OF d SKIP LOCKED`,
        [DEADLINE_NOTICE_DAYS, on],
      ),
    queue: async (em, [r]) => {
      const base = this.config.publicUrl.replace(/\/$/, '');
      await this.mail.queue(
        em,
        {
          template: 'instrument_deadline',
          to: [r.wm_email],
          data: {
            werkmakelaarName: r.wm_name,
            pseudonym: `Kandidaat ${r.pseudonym}`,
            vacancyTitle: r.title,
            employerName: r.employer,
            instrumentName: r.instrument,
            task: labelOf('instrumentDeadline', r.kind),
            dueOn: dutchDate(r.due_on),
            link: `${base}/plaatsingen/${r.placement_id}`,
          },
        },
        { type: 'placement', id: r.placement_id },
      );
    },
    markSent: async (em, rows) => {
      await queryRows(
        em,
        `UPDATE instrument_deadlines SET notice_sent_at = now(), updated_at = now(), version = version + 1 WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
    },
  };
}

/** Runs the deadline mails every hour in the worker; idempotent (a notice stamp per deadline). */
@Injectable()
export class InstrumentDeadlineScheduler extends DueMailJob<number> {
  constructor(deadlines: InstrumentDeadlinesService) {
    super('instrument deadline mails', new Logger(InstrumentDeadlineScheduler.name), () =>
      deadlines.sendNotices(),
    );
  }
}
