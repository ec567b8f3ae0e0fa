import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CaseloadService } from '@werkbrug/caseload';
import { actorOf, PageResponder, WebAccess, WebController, type WebRequest } from '@werkbrug/web';
import { caseloadQuery, caseloadView, type CaseloadParams } from './caseload.view';

/** The werkmakelaar's start page: the caseload, with what needs attention first. */
@WebController('werkmakelaar')
export class CaseloadController {
  constructor(
    private readonly pages: PageResponder,
    private readonly caseload: CaseloadService,
  ) {}

  @Get()
  @WebAccess('werkmakelaar')
  async start(@Req() req: WebRequest, @Res() res: Response, @Query() raw: CaseloadParams) {
    const query = caseloadQuery(raw);
    const result = await this.caseload.list(actorOf(req), query);
    this.pages.send(req, res, 'werkmakelaar/caseload', caseloadView(raw, query, result));
  }
}
