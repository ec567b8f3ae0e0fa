import { Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ROLES } from '@werkbrug/auth';
import { LANDING } from './navigation';
import { PageResponder } from './page-responder';
import { keptFormView } from './pending-form';
import { SessionService } from './session.service';
import { BeforeTerms, WebAccess, WebController } from './web-access.decorator';
import { safeReturnPath, WebRedirect } from './web-errors';
import { actorOf, field, formBody, wantsJson, type WebRequest } from './web-request';

/**
 * Time-outs that keep the work (WCAG 2.2.1): "Blijf ingelogd" before the session ends, and the page
 * that gives back what was typed into a form sent after it ended.
 */
@WebController('sessie')
export class SessionController {
  constructor(
    private readonly pages: PageResponder,
    private readonly sessions: SessionService,
  ) {}

  /**
   * The idle clock starts again. The warning's script asks for JSON (the time left); without it
   * (the dialog's form posted by the browser) back to the page, with a banner.
   */
  @Post('verlengen')
  @WebAccess(...ROLES)
  @BeforeTerms()
  async extend(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const leftMs = await this.sessions.touch(req.web?.session?.id ?? '');
    res.setHeader('Cache-Control', 'no-store');
    if (wantsJson(req)) return res.status(200).json({ leftMs });
    await this.pages.tell(
      req,
      actor.role === 'kandidaat' ? 'Je blijft ingelogd.' : 'U blijft ingelogd.',
    );
    res.redirect(303, safeReturnPath(field(formBody(req), 'terug')) ?? LANDING[actor.role]);
  }

  /** After signing in again: the form sent when the session had ended, to send once more. */
  @Get('formulier')
  @WebAccess(...ROLES)
  async keptForm(@Req() req: WebRequest, @Res() res: Response) {
    const { role } = actorOf(req);
    const form = await this.sessions.takePendingForm(req.web?.session?.id ?? '');
    if (!form) throw new WebRedirect(LANDING[role]);
    this.pages.send(
      req,
      res,
      'formulier-bewaard',
      keptFormView(form, 'uitgelogd', role, LANDING[role]),
    );
  }
}
