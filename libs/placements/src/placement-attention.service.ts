import { queryRows } from '@werkbrug/database';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { CandidatesService } from '@werkbrug/candidates';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { dutchDate, labelOf, today } from '@werkbrug/domain';
import { type DueMails, queueDueMails } from '@werkbrug/jobs';
import { MailService } from '@werkbrug/mail';
import { placementVisibleSql } from './placement-access';

/** The Op Koers rhythm: contact at least every 14 days; and a warning two weeks before a planned end. */
export const CONTACT_RHYTHM_DAYS = 14;
export const ENDING_SOON_DAYS = 14;

@Injectable()
export class PlacementAttentionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly candidates: CandidatesService,
  ) {}

  /** What needs the werkmakelaar's attention in their organisation. */
  async forOrganisation(actor: Actor, on = today()) {
    const noContact = await queryRows<Record<string, unknown>>(
      this.db,
      `SELECT c.id AS candidate_id, c.pseudonym, p.id AS placement_id,
              (SELECT max(contact_on)::text FROM checkins k WHERE k.candidate_id = c.id) AS last_contact
         FROM candidates c
         LEFT JOIN placements p ON p.candidate_id = c.id AND p.status = 'lopend'
        WHERE c.organisation_id = $1 AND c.erased_at IS NULL
          AND (p.id IS NOT NULL OR EXISTS (SELECT 1 FROM proposals o WHERE o.candidate_id = c.id
                                            AND o.status NOT IN ('geplaatst','ingetrokken','afgewezen')))
          AND NOT EXISTS (SELECT 1 FROM checkins k WHERE k.candidate_id = c.id AND k.contact_on > $3::date - $2::int)
        ORDER BY last_contact NULLS FIRST, c.pseudonym`,
      [actor.organisationId, CONTACT_RHYTHM_DAYS, on],
    );
    const visible = placementVisibleSql(actor, 'p');
    const endingSoon = await queryRows<Record<string, unknown>>(
      this.db,
      ...this.db.driver.escapeQueryWithParameters(
        `SELECT p.id AS placement_id, c.id AS candidate_id, c.pseudonym, p.arrangement, p.planned_end_date::text AS planned_end
           FROM placements p JOIN candidates c ON c.id = p.candidate_id
          WHERE ${visible.sql} AND p.status = 'lopend'
            AND p.planned_end_date BETWEEN :on::date AND :on::date + :days::int
          ORDER BY p.planned_end_date`,
        { ...visible.params, days: ENDING_SOON_DAYS, on },
        {},
      ),
    );
    return {
      rhythmDays: CONTACT_RHYTHM_DAYS,
      noRecentContact: noContact.map((r) => ({
        candidateId: r.candidate_id,
        pseudonym: r.pseudonym,
        placementId: r.placement_id,
        lastContactOn: r.last_contact,
      })),
      endingSoon: endingSoon.map((r) => ({
        placementId: r.placement_id,
        candidateId: r.candidate_id,
        pseudonym: r.pseudonym,
        arrangement: r.arrangement,
        plannedEndDate: r.planned_end,
      })),
    };
  }

  /**
   * Queues the reminder mails (worker schedule): once per placement when its end is near, and at most once
   * per rhythm period per placement without recent contact. Returns how many mails were queued.
   */
  async sendNotices(on = today()): Promise<{ endingSoon: number; noContact: number }> {
    return this.db.transaction(async (em) => ({
      endingSoon: await queueDueMails(em, on, this.endingMails),
      noContact: await queueDueMails(em, on, this.noContactMails),
    }));
  }

  private get link() {
    return `${this.config.publicUrl.replace(/\/$/, '')}/plaatsingen`;
  }

  /** One mail per placement whose planned end is near. */
  private readonly endingMails: DueMails<Record<string, string>> = {
    due: (em, on) =>
      queryRows<Record<string, string>>(
        em,
        `SELECT p.id, c.pseudonym, v.title, e.name AS employer, p.arrangement, p.planned_end_date::text AS planned_end,
                u.display_name AS wm_name, u.email AS wm_email
           FROM placements p JOIN candidates c ON c.id = p.candidate_id JOIN vacancies v ON v.id = p.vacancy_id
           JOIN employers e ON e.id = v.employer_id JOIN users u ON u.id = p.werkmakelaar_id
          WHERE p.status = 'lopend' AND p.ending_notice_sent_at IS NULL
            AND p.planned_end_date BETWEEN $2::date AND $2::date + $1::int
          FOR UPDATE OF p SKIP LOCKED`,
        [ENDING_SOON_DAYS, on],
      ),
    queue: async (em, [r]) => {
      await this.mail.queue(
        em,
        {
          template: 'placement_ending',
          to: [r.wm_email],
          data: {
            werkmakelaarName: r.wm_name,
            pseudonym: `Kandidaat ${r.pseudonym}`,
            vacancyTitle: r.title,
            employerName: r.employer,
            arrangementLabel: labelOf('arrangementInText', r.arrangement),
            plannedEnd: dutchDate(r.planned_end),
            link: `${this.link}/${r.id}`,
          },
        },
        { type: 'placement', id: r.id },
      );
    },
    markSent: async (em, rows) => {
      await queryRows(
        em,
        `UPDATE placements SET ending_notice_sent_at = now() WHERE id = ANY($1)`,
        [rows.map((r) => r.id)],
      );
    },
  };

  /**
   * One mail per werkmakelaar listing their placements without recent contact. The candidates' names
   * come from CandidatesService for the purpose weergave (names for the own organisation's
   * werkmakelaar; not audited, as the join it replaces); the pseudonym when there is no name.
   */
  private readonly noContactMails: DueMails<Record<string, string>> = {
    due: async (em, on) => {
      const rows = await queryRows<Record<string, string>>(
        em,
        `SELECT p.id, p.werkmakelaar_id, c.id AS candidate_id, c.pseudonym,
                (SELECT max(contact_on)::text FROM checkins k WHERE k.candidate_id = c.id) AS last_contact,
                u.display_name AS wm_name, u.email AS wm_email
           FROM placements p JOIN candidates c ON c.id = p.candidate_id JOIN users u ON u.id = p.werkmakelaar_id
          WHERE p.status = 'lopend'
            AND NOT EXISTS (SELECT 1 FROM checkins k WHERE k.candidate_id = c.id AND k.contact_on > $2::date - $1::int)
            AND (p.no_contact_notice_sent_at IS NULL OR p.no_contact_notice_sent_at < now() - ($1::int * interval '1 day'))
          ORDER BY p.werkmakelaar_id
          FOR UPDATE OF p SKIP LOCKED`,
        [CONTACT_RHYTHM_DAYS, on],
      );
      const names = await this.candidates.protectedFactsFor(
        rows.map((r) => r.candidate_id),
        'weergave',
        { em },
      );
      return rows.map((r) => {
        const n = names.get(r.candidate_id);
        return { ...r, name: n ? `${n.firstName} ${n.lastName}` : r.pseudonym };
      });
    },
    mailKey: (r) => r.werkmakelaar_id,
    queue: async (em, rows) => {
      await this.mail.queue(em, {
        template: 'no_contact',
        to: [rows[0].wm_email],
        data: {
          werkmakelaarName: rows[0].wm_name,
          items: rows.map((r) => ({
            name: r.name,
            pseudonym: `Kandidaat ${r.pseudonym}`,
            lastContact: r.last_contact ?? 'nog nooit',
          })),
          link: this.link,
        },
      });
    },
    markSent: async (em, rows) => {
      await queryRows(
        em,
        `UPDATE placements SET no_contact_notice_sent_at = now() WHERE id = ANY($1)`,
        [rows.map((r) => r.id)],
      );
    },
  };
}
