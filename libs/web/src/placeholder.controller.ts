import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PageResponder } from './page-responder';
import { WebAccess, WebController } from './web-access.decorator';
import type { WebRequest } from './web-request';

/**
 * Start pages of the roles whose portals come later: the portals branch replaces a route here by
 * its own page (delete the method here when you add yours).
 */
@WebController()
export class PlaceholderController {
  constructor(private readonly pages: PageResponder) {}

  @Get('beheer')
  @WebAccess('admin')
  admin(@Req() req: WebRequest, @Res() res: Response) {
    this.pages.send(req, res, 'binnenkort', { title: 'Beheer', audience: 'beheerders' });
  }
}
