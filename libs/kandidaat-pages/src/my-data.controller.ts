import { Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CandidatesService } from '@werkbrug/candidates';
import {
  AuditTrailService,
  ErasureService,
  ExportService,
  toCandidateAuditEntry,
} from '@werkbrug/privacy';
import {
  field,
  formBody,
  FormErrors,
  PageResponder,
  SessionService,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { selfOf } from './candidate-self';
import {
  ERASE_CONFIRM_MESSAGE,
  erasedPageView,
  erasePageView,
  myDataPageView,
} from './my-data.view';

/** Mijn gegevens: who read the file, a download of everything, and erasure. */
@WebController('kandidaat')
export class MyDataController {
  constructor(
    private readonly pages: PageResponder,
    private readonly candidates: CandidatesService,
    private readonly trail: AuditTrailService,
    private readonly exporter: ExportService,
    private readonly erasure: ErasureService,
    private readonly sessions: SessionService,
  ) {}

  @Get('gegevens')
  @WebAccess('kandidaat')
  async myData(@Req() req: WebRequest, @Res() res: Response, @Query('verder') cursor?: string) {
    const { candidateId } = selfOf(req);
    const page = await this.trail.page(
      { candidateId },
      { limit: 20, cursor: cursor || undefined },
      toCandidateAuditEntry,
    );
    this.pages.send(req, res, 'kandidaat/gegevens', myDataPageView(page));
  }

  @Get('gegevens/download')
  @WebAccess('kandidaat')
  async download(@Req() req: WebRequest, @Res() res: Response) {
    const { actor, candidateId } = selfOf(req);
    const data = await this.exporter.export(actor, candidateId, 'download door de kandidaat');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', 'attachment; filename="mijn-gegevens-werkbrug.json"');
    res.type('application/json').send(JSON.stringify(data, null, 2));
  }

  @Get('gegevens/verwijderen')
  @WebAccess('kandidaat')
  erasePage(@Req() req: WebRequest, @Res() res: Response) {
    this.pages.send(req, res, 'kandidaat/verwijderen', erasePageView());
  }

  @Post('gegevens/verwijderen')
  @WebAccess('kandidaat')
  async erase(@Req() req: WebRequest, @Res() res: Response) {
    const { actor, candidateId } = selfOf(req);
    if (field(formBody(req), 'zeker') !== 'ja') {
      const errors = new FormErrors().add('zeker', ERASE_CONFIRM_MESSAGE);
      return this.pages.send(req, res, 'kandidaat/verwijderen', { ...erasePageView(), errors });
    }
    await this.erasure.erase(
      actor,
      candidateId,
      'self',
      async (em, id) =>
        !!(await this.candidates
          .scoped(actor, em)
          .andWhere('c.id = :id', { id })
          .setLock('pessimistic_write')
          .getOne()),
    );
    await this.sessions.endAllFor(actor.userId);
    this.pages.send(req, res, 'kandidaat/verwijderd', erasedPageView());
  }
}
