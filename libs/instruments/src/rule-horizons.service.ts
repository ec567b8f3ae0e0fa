import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { queryRows } from '@werkbrug/database';
import { dutchDate, HORIZON_NOTICE_DAYS, type RunningOutRule, today } from '@werkbrug/domain';
import { DueMailJob, type DueMails, queueDueMails } from '@werkbrug/jobs';
import { MailService } from '@werkbrug/mail';
import { ArrangementRulesService } from '@werkbrug/placements';
import { TrajectoryRulesService } from '@werkbrug/trajectories';
import { InstrumentsService } from './instruments.service';

/** "Wettelijk minimumloon: bekend tot en met 31 december 2026" — one line per rule in the mail. */
export const runningOutLine = (r: RunningOutRule) =>
  `${r.name}: bekend tot en met ${dutchDate(r.knownUntil)}`;

/**
 * The rules that run out: dated rule versions (instruments, arrangements, trajectory hours) with no
 * successor whose horizon is within HORIZON_NOTICE_DAYS days or past. The administration start page
 * lists them; the worker mails the administrators once per version (a stamp in each rule table),
 * through the outbox.
 */
@Injectable()
export class RuleHorizonsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly instruments: InstrumentsService,
    private readonly arrangements: ArrangementRulesService,
    private readonly trajectories: TrajectoryRulesService,
  ) {}

  /** Every rule that runs out within `days` of `on` (default today), earliest horizon first. */
  async runningOut(on = today(), days = HORIZON_NOTICE_DAYS, em: EntityManager = this.db.manager) {
    const found = await this.collect(em, on, { days });
    return found.sort(
      (a, b) => a.knownUntil.localeCompare(b.knownUntil) || a.name.localeCompare(b.name, 'nl'),
    );
  }

  private async collect(
    em: EntityManager,
    on: string,
    options: { days?: number; forNotice?: boolean },
  ): Promise<RunningOutRule[]> {
    // One after another: a transaction's connection takes one query at a time.
    const instruments = await this.instruments.runningOut(em, on, options);
    const arrangements = await this.arrangements.runningOut(em, on, options);
    const trajectories = await this.trajectories.runningOut(em, on, options);
    return [...instruments, ...arrangements, ...trajectories];
  }

  /** Queues the mail about rules newly running out (one per administrator); returns how many runs mailed. */
  async sendNotices(on = today()): Promise<number> {
    return this.db.transaction((em) => queueDueMails(em, on, this.horizonMails));
  }

  private readonly horizonMails: DueMails<RunningOutRule> = {
    due: (em, on) => this.collect(em, on, { forNotice: true }),
    // One mail that lists every rule newly running out, rather than one mail per rule.
    mailKey: () => 'all',
    queue: async (em, rules) => {
      const admins = await queryRows<{ email: string; display_name: string }>(
        em,
        `SELECT email, display_name FROM users WHERE role = 'admin' AND active ORDER BY email`,
      );
      const base = this.config.publicUrl.replace(/\/$/, '');
      for (const admin of admins)
        await this.mail.queue(em, {
          template: 'rule_horizon',
          to: [admin.email],
          data: {
            adminName: admin.display_name,
            rules: rules.map(runningOutLine),
            link: `${base}/beheer/regels`,
          },
        });
    },
    markSent: async (em, rules) => {
      const ids = (kind: RunningOutRule['kind']) =>
        rules.filter((r) => r.kind === kind).map((r) => r.id);
      await this.instruments.markHorizonNotice(em, ids('instrument'));
      await this.arrangements.markHorizonNotice(em, ids('arrangement'));
      await this.trajectories.markHorizonNotice(em, ids('trajectory'));
    },
  };
}

/** Runs the horizon mails every hour in the worker; idempotent (a notice stamp per rule version). */
@Injectable()
export class RuleHorizonScheduler extends DueMailJob<number> {
  constructor(horizons: RuleHorizonsService) {
    super('rule horizon mails', new Logger(RuleHorizonScheduler.name), () =>
      horizons.sendNotices(),
    );
  }
}
