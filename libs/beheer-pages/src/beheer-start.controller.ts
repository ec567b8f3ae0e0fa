import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HORIZON_NOTICE_DAYS, today } from '@werkbrug/domain';
import { RuleHorizonsService } from '@werkbrug/instruments';
import {
  NAVIGATION,
  PageResponder,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { runningOutRows } from './rules/rules.view';

/** The administrators' start page: what needs doing (rules that run out) and the way to each area. */
@WebController()
export class BeheerStartController {
  constructor(
    private readonly pages: PageResponder,
    private readonly horizons: RuleHorizonsService,
  ) {}

  @Get('beheer')
  @WebAccess('admin')
  async start(@Req() req: WebRequest, @Res() res: Response) {
    const now = today();
    this.pages.send(req, res, 'beheer/start', {
      title: 'Beheer',
      runningOut: runningOutRows(await this.horizons.runningOut(now), now),
      days: HORIZON_NOTICE_DAYS,
      // Every area of the menu but this page itself.
      areas: NAVIGATION.admin.filter((item) => item.href !== '/beheer'),
    });
  }
}
