import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageResponder, WebAccess, WebController, type WebRequest } from '@werkbrug/web';

/** The administrators' start page; the administration pages themselves are added in this lib. */
@WebController()
export class BeheerStartController {
  constructor(private readonly pages: PageResponder) {}

  @Get('beheer')
  @WebAccess('admin')
  start(@Req() req: WebRequest, @Res() res: Response) {
    this.pages.send(req, res, 'beheer/start', { title: 'Beheer', audience: 'beheerders' });
  }
}
