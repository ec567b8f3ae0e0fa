import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { dutchDate, today } from '@werkbrug/domain';
import { DueMailJob, type DueMails, HOUR_MS, queueDueMails } from '@werkbrug/jobs';
import { MailService } from '@werkbrug/mail';
import { queryRows } from '@werkbrug/database';

/** The werkmakelaar hears about a plan van aanpak evaluation this many days ahead. */
export const EVALUATION_NOTICE_DAYS = 7;

type Row = Record<string, string>;

/**
 * Reminds the werkmakelaar of a trajectory before an evaluation date of its learning goals: one mail
 * per trajectory and date, through the outbox. Idempotent: each goal remembers the date it was reminded for,
 * and a moved evaluation date is reminded again.
 */
@Injectable()
export class EvaluationRemindersService {
  private readonly job = new DueMailJob(
    'evaluation reminders',
    new Logger(EvaluationRemindersService.name),
    () => this.sendReminders(),
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  /** Queues the reminders due on the given Dutch date (today); returns how many mails were queued. */
  async sendReminders(on = today()): Promise<number> {
    return this.db.transaction((em) => queueDueMails(em, on, this.reminderMails));
  }

  /** One mail per trajectory and evaluation date, however many of its goals are evaluated then. */
  private readonly reminderMails: DueMails<Row> = {
    due: (em, on) =>
      queryRows<Row>(
        em,
        `SELECT g.id, g.trajectory_id, g.evaluation_date::text AS evaluation_date, c.pseudonym,
                u.display_name AS wm_name, u.email AS wm_email
           FROM learning_goals g JOIN trajectories t ON t.id = g.trajectory_id
           JOIN candidates c ON c.id = t.candidate_id JOIN users u ON u.id = t.werkmakelaar_id
          WHERE g.status IN ('open','bezig') AND t.status = 'lopend' AND c.erased_at IS NULL AND u.active
            AND g.evaluation_date BETWEEN $2::date AND $2::date + $1::int
            AND g.reminded_for IS DISTINCT FROM g.evaluation_date
          ORDER BY g.trajectory_id, g.evaluation_date
          FOR UPDATE OF g SKIP LOCKED`,
        [EVALUATION_NOTICE_DAYS, on],
      ),
    mailKey: (g) => `${g.trajectory_id}|${g.evaluation_date}`,
    queue: async (em, rows) => {
      const first = rows[0] as Row;
      const base = `${this.config.publicUrl.replace(/\/$/, '')}/werkmakelaar/trajecten`;
      await this.mail.queue(
        em,
        {
          template: 'evaluation_due',
          to: [first.wm_email as string],
          data: {
            werkmakelaarName: first.wm_name,
            pseudonym: `Kandidaat ${first.pseudonym}`,
            evaluationDate: dutchDate(first.evaluation_date as string),
            goalCount: rows.length === 1 ? '1 leerdoel' : `${rows.length} leerdoelen`,
            link: `${base}/${first.trajectory_id}`,
          },
        },
        { type: 'trajectory', id: first.trajectory_id as string },
      );
    },
    markSent: async (em, rows) => {
      await queryRows(
        em,
        `UPDATE learning_goals SET reminded_for = evaluation_date WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
    },
  };

  /** Hourly in the worker. */
  start(everyMs = HOUR_MS) {
    this.job.start(everyMs);
  }

  stop() {
    return this.job.stop();
  }
}
