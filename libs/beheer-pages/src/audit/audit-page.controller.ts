import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { UsersService } from '@werkbrug/auth';
import { ProblemException } from '@werkbrug/http';
import { AuditTrailService } from '@werkbrug/privacy';
import {
  actorOf,
  FormErrors,
  keysetPager,
  PageResponder,
  pageCursor,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { auditFilterValues, parseAuditFilter } from './audit-filter.form';
import { auditActionChoices, auditActionWords, auditActorRoleWords } from './audit-words';

/** Lines per page of the logboek. */
const PAGE = 25;

/**
 * The audit trail for administrators (/beheer/logboek): who read or changed which candidate file,
 * when and why, filtered by person, file, action and period, newest first (AuditTrailService, as
 * GET /api/admin/audit). Every line in words; the purpose is shown as it was given.
 */
@WebController('beheer/logboek')
export class AuditPageController {
  constructor(
    private readonly pages: PageResponder,
    private readonly trail: AuditTrailService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @WebAccess('admin')
  async show(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ) {
    const actor = actorOf(req);
    const values = auditFilterValues(query);
    const actions = auditActionChoices();
    const errors = new FormErrors();
    const userId = values.wie ? await this.users.idOfEmail(actor, values.wie) : undefined;
    const filter = await parseAuditFilter(
      values,
      userId,
      actions.map((a) => a.value),
      errors,
    );
    const cursor = pageCursor(query.na);
    let page = null;
    if (filter) {
      const run = (after: string | undefined) =>
        this.trail.page(
          {
            candidateId: filter.candidateId,
            actorUserId: filter.userId,
            from: filter.from,
            to: filter.to,
            action: filter.action,
          },
          { limit: PAGE, ...(after ? { cursor: after } : {}) },
          (row) => row,
        );
      try {
        page = await run(cursor);
      } catch (error) {
        // A cursor of another search: start at the newest line.
        if (!(error instanceof ProblemException) || error.code !== 'INVALID_CURSOR') throw error;
        page = await run(undefined);
      }
    }
    const params = { ...values };
    this.pages.send(req, res, 'beheer/logboek/zoeken', {
      title: 'Logboek',
      values,
      actionOptions: [{ value: '', text: 'Alle handelingen' }, ...actions],
      errors,
      filtered: Object.values(values).some(Boolean),
      lines:
        page?.items.map((r) => ({
          at: new Date(r.created_at).toISOString(),
          who: `${auditActorRoleWords(r.actor_role)}${r.organisation_name ? ` van ${r.organisation_name}` : ''}`,
          what: auditActionWords(r.action),
          purpose: r.purpose,
          candidateHref: r.candidate_id
            ? `/beheer/logboek?kandidaat=${encodeURIComponent(r.candidate_id)}`
            : null,
          candidateId: r.candidate_id,
        })) ?? [],
      pager: page
        ? keysetPager({
            path: '/beheer/logboek',
            anchor: 'regels',
            label: 'Meer regels uit het logboek',
            nextText: 'Oudere regels',
            firstText: 'Nieuwste regels',
            cursor,
            nextCursor: page.nextCursor,
            params,
          })
        : null,
    });
  }
}
