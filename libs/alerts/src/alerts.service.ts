import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { AuditService } from '@werkbrug/audit';
import { APP_CONFIG, AppConfig } from '@werkbrug/config';
import { CandidatesService } from '@werkbrug/candidates';
import { queryRows } from '@werkbrug/database';
import { ProblemException, Problems } from '@werkbrug/http';
import { MailService } from '@werkbrug/mail';
import { loadCandidateDocuments, MatchingService } from '@werkbrug/matching';
import { AlertsView, UpdateAlertsDto } from './alerts.dto';
import { AlertFrequency, nextDue, selectDigest } from './digest';
import { LinkSigner, linkSecretMaterial } from './link-token';

const PURPOSE = 'alerts-unsubscribe';
/** How many matches are compared with what the candidate already knows. */
const MATCH_POOL = 50;
/** A claimed subscription is retried after this long when its run fails (search down). */
const LEASE_MS = 10 * 60_000;
/** Web paths the links point at (the candidate's pages): one workplace, and Mijn werkplekken. */
export const WORKPLACES_PATH = '/kandidaat/werkplekken';
export const MY_WORKPLACES_PATH = '/kandidaat';
export const UNSUBSCRIBE_PATH = '/kandidaat/berichten/stoppen';

interface SubscriptionRow {
  id: string;
  candidate_id: string;
  frequency: AlertFrequency;
  active: boolean;
  link_nonce: string;
  baseline_at: string | null;
  last_sent_at: string | null;
  next_due_at: string | null;
}

export interface AlertRunReport {
  baselined: number;
  mailed: number;
  nothingNew: number;
  failed: number;
  stopped: number;
}

const iso = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);
const km = (n: number) => `${n.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} km`;

/**
 * Opt-in e-mail alerts of new workplaces that fit. The worker runs `runDue` on a schedule: the first run
 * after opting in records what already matches (nothing is mailed), later runs mail only workplaces
 * that became a match since — at most one digest per day or week, through the outbox.
 */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);
  private readonly signer: LinkSigner;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly matching: MatchingService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly candidates: CandidatesService,
  ) {
    this.signer = new LinkSigner(linkSecretMaterial(config));
  }

  private self(actor: Actor): string {
    if (actor.role !== 'kandidaat' || !actor.candidateId) throw Problems.forbidden();
    return actor.candidateId;
  }

  private async hasEmail(candidateId: string): Promise<boolean> {
    const facts = await this.candidates.protectedFactsFor([candidateId], 'weergave');
    return facts.get(candidateId)?.hasEmail ?? false;
  }

  async get(actor: Actor): Promise<AlertsView> {
    const candidateId = this.self(actor);
    const [row] = await queryRows<SubscriptionRow>(
      this.db,
      `SELECT * FROM match_alert_subscriptions WHERE candidate_id = $1`,
      [candidateId],
    );
    return {
      active: row?.active ?? false,
      frequency: row?.frequency ?? 'wekelijks',
      hasEmail: await this.hasEmail(candidateId),
      lastSentAt: iso(row?.last_sent_at ?? null),
      nextDueAt: row?.active ? iso(row.next_due_at) : null,
    };
  }

  async set(actor: Actor, dto: UpdateAlertsDto): Promise<AlertsView> {
    const candidateId = this.self(actor);
    if (dto.active && !(await this.hasEmail(candidateId))) {
      throw new ProblemException(
        422,
        'NO_EMAIL',
        'No e-mail address',
        'There is no e-mail address in your file. Ask your werkmakelaar to add it.',
      );
    }
    await this.db.transaction(async (em) => {
      const live = await queryRows<unknown>(
        em,
        `SELECT 1 FROM candidates WHERE id = $1 AND erased_at IS NULL FOR UPDATE`,
        [candidateId],
      );
      if (!live.length) throw Problems.notFound('Candidate');
      // Opting in (again) rotates the link nonce and is due at once, so the worker records the baseline.
      await queryRows(
        em,
        `INSERT INTO match_alert_subscriptions (candidate_id, frequency, active, next_due_at)
         VALUES ($1, $2, $3, CASE WHEN $3 THEN now() END)
         ON CONFLICT (candidate_id) DO UPDATE SET
           frequency = EXCLUDED.frequency,
           active = EXCLUDED.active,
           link_nonce = CASE WHEN EXCLUDED.active AND NOT match_alert_subscriptions.active
                             THEN gen_random_uuid() ELSE match_alert_subscriptions.link_nonce END,
           next_due_at = CASE WHEN NOT EXCLUDED.active THEN NULL
                              WHEN match_alert_subscriptions.active THEN match_alert_subscriptions.next_due_at
                              ELSE now() END,
           unsubscribed_at = CASE WHEN EXCLUDED.active THEN NULL ELSE match_alert_subscriptions.unsubscribed_at END,
           updated_at = now(), version = match_alert_subscriptions.version + 1`,
        [candidateId, dto.frequency, dto.active],
      );
      await this.audit.record(em, actor, {
        action: 'alerts.update',
        candidateId,
        details: { active: dto.active, frequency: dto.frequency },
      });
    });
    return this.get(actor);
  }

  /** The link in every digest; it works without logging in (the token is path-safe: no HTML escaping). */
  unsubscribeLink(subscriptionId: string, nonce: string): string {
    const token = this.signer.sign(PURPOSE, subscriptionId, nonce);
    return `${this.config.publicUrl.replace(/\/$/, '')}${UNSUBSCRIBE_PATH}/${token}`;
  }

  /**
   * Whether an unsubscribe link still works (its page asks before showing the button): false for
   * a forged token and for one from before the candidate subscribed again.
   */
  async unsubscribeLinkWorks(token: string): Promise<boolean> {
    const id = LinkSigner.idOf(token);
    if (!id) return false;
    const [row] = await queryRows<{ link_nonce: string }>(
      this.db,
      `SELECT link_nonce FROM match_alert_subscriptions WHERE id = $1`,
      [id],
    );
    return !!row && this.signer.verify(PURPOSE, token, row.link_nonce);
  }

  /** Stops the alerts the token names. Idempotent; a forged or outdated token is 400 INVALID_LINK. */
  async unsubscribe(token: string): Promise<{ unsubscribed: boolean }> {
    const invalid = () =>
      new ProblemException(
        400,
        'INVALID_LINK',
        'This link does not work',
        'The link is incomplete or no longer valid. Log in to change your messages.',
      );
    const id = LinkSigner.idOf(token);
    if (!id) throw invalid();
    return this.db.transaction(async (em) => {
      const [row] = await queryRows<SubscriptionRow>(
        em,
        `SELECT * FROM match_alert_subscriptions WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row || !this.signer.verify(PURPOSE, token, row.link_nonce)) throw invalid();
      if (row.active) {
        await queryRows(
          em,
          `UPDATE match_alert_subscriptions SET active = false, next_due_at = NULL, unsubscribed_at = now(),
                  updated_at = now(), version = version + 1 WHERE id = $1`,
          [id],
        );
        await this.audit.record(em, null, {
          action: 'alerts.unsubscribe',
          candidateId: row.candidate_id,
          details: { via: 'link' },
        });
      }
      return { unsubscribed: true };
    });
  }

  /** One scheduled run: every subscription that is due, each on its own (a failure leaves the others). */
  async runDue(now = new Date(), batch = 50): Promise<AlertRunReport> {
    const report: AlertRunReport = {
      baselined: 0,
      mailed: 0,
      nothingNew: 0,
      failed: 0,
      stopped: 0,
    };
    // Claim with a lease, so a second worker skips them and a crashed run is retried later.
    const claimed = await queryRows<SubscriptionRow>(
      this.db,
      `UPDATE match_alert_subscriptions s SET next_due_at = $2
        WHERE s.id IN (SELECT id FROM match_alert_subscriptions
                        WHERE active AND next_due_at <= $1 ORDER BY next_due_at LIMIT $3
                        FOR UPDATE SKIP LOCKED)
        RETURNING s.*`,
      [now, new Date(now.getTime() + LEASE_MS), batch],
    );
    for (const sub of claimed) {
      try {
        report[await this.runOne(sub, now)] += 1;
      } catch (error) {
        report.failed += 1;
        this.logger.warn(
          `alert run for subscription ${sub.id} failed: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
    return report;
  }

  private async runOne(
    sub: SubscriptionRow,
    now: Date,
  ): Promise<'baselined' | 'mailed' | 'nothingNew' | 'stopped'> {
    const { docs } = await loadCandidateDocuments(this.db, [sub.candidate_id]);
    const candidate = docs[0];
    if (!candidate) {
      await queryRows(
        this.db,
        `UPDATE match_alert_subscriptions SET active = false, next_due_at = NULL WHERE id = $1`,
        [sub.id],
      );
      return 'stopped';
    }
    // Search first, outside the transaction; when Meilisearch is down this throws and the lease retries.
    const result = await this.matching.matchCandidate(candidate, { limit: MATCH_POOL });
    const current = result.items.map((m) => ({
      vacancyId: m.vacancy.id,
      score: m.score,
      distanceKm: m.distanceKm,
      match: m,
    }));
    return this.db.transaction(async (em) => {
      const [locked] = await queryRows<SubscriptionRow>(
        em,
        `SELECT * FROM match_alert_subscriptions WHERE id = $1 FOR UPDATE`,
        [sub.id],
      );
      // Unsubscribed or re-subscribed meanwhile: this run's claim is void.
      if (!locked?.active || locked.link_nonce !== sub.link_nonce) return 'stopped' as const;
      const knownRows = await queryRows<{ vacancy_id: string }>(
        em,
        `SELECT vacancy_id FROM match_alert_known WHERE candidate_id = $1`,
        [sub.candidate_id],
      );
      const selection = selectDigest(current, new Set(knownRows.map((r) => r.vacancy_id)));
      const baseline = locked.baseline_at === null;
      const mailed = baseline ? [] : selection.send;
      if (selection.newlyKnown.length) {
        await queryRows(
          em,
          `INSERT INTO match_alert_known (candidate_id, vacancy_id, first_seen_at, alerted_at)
           SELECT $1, v, $3, CASE WHEN v = ANY($4::uuid[]) THEN $3::timestamptz END FROM unnest($2::uuid[]) v
           ON CONFLICT DO NOTHING`,
          [sub.candidate_id, selection.newlyKnown, now, mailed.map((m) => m.vacancyId)],
        );
      }
      let outcome: 'baselined' | 'mailed' | 'nothingNew' = baseline ? 'baselined' : 'nothingNew';
      if (mailed.length) {
        const to = (
          await this.candidates.protectedFactsFor([sub.candidate_id], 'contactmail', { em })
        ).get(sub.candidate_id);
        if (to?.email) {
          const base = this.config.publicUrl.replace(/\/$/, '');
          await this.mail.queue(
            em,
            {
              template: 'match_digest',
              to: [to.email],
              data: {
                periodLabel: locked.frequency === 'dagelijks' ? 'sinds gisteren' : 'deze week',
                items: mailed.map(({ match }) => ({
                  title: match.vacancy.title,
                  employerName: match.vacancy.employerName,
                  place: match.vacancy.place,
                  distance: km(match.distanceKm),
                  reason: match.reasons[0]?.text ?? 'Past bij je wensen',
                  link: `${base}${WORKPLACES_PATH}/${match.vacancy.id}`,
                })),
                moreCount: selection.more ? String(selection.more) : '',
                link: `${base}${MY_WORKPLACES_PATH}`,
                unsubscribeLink: this.unsubscribeLink(locked.id, locked.link_nonce),
              },
            },
            { type: 'match_alert', id: locked.id },
          );
          outcome = 'mailed';
        }
      }
      await queryRows(
        em,
        `UPDATE match_alert_subscriptions SET baseline_at = coalesce(baseline_at, $2),
                last_sent_at = CASE WHEN $4 THEN $2 ELSE last_sent_at END,
                next_due_at = $3, updated_at = now(), version = version + 1
          WHERE id = $1`,
        [locked.id, now, nextDue(locked.frequency, now), outcome === 'mailed'],
      );
      return outcome;
    });
  }
}
