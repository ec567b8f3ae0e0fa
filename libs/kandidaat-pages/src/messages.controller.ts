import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AlertsService, UpdateAlertsDto, type AlertsView } from '@werkbrug/alerts';
import { ProblemException } from '@werkbrug/http';
import {
  actorOf,
  formBody,
  FormErrors,
  PageResponder,
  SESSION_COOKIE,
  SessionService,
  validateAsDto,
  WebAccess,
  WebController,
  WebPublic,
  type WebRequest,
} from '@werkbrug/web';
import {
  MESSAGES_WORDS,
  messagesInput,
  messagesValuesOf,
  NO_EMAIL_MESSAGE,
  type MessagesFormValues,
} from './messages.form';
import {
  messagesNotice,
  messagesPageView,
  messagesValuesFrom,
  unsubscribePageView,
} from './messages.view';

/** Berichten: e-mail about new workplaces, and the unsubscribe link in that e-mail. */
@WebController('kandidaat')
export class MessagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly alerts: AlertsService,
    private readonly sessions: SessionService,
  ) {}

  @Get('berichten')
  @WebAccess('kandidaat')
  async messages(@Req() req: WebRequest, @Res() res: Response) {
    const alerts = await this.alerts.get(actorOf(req));
    this.render(req, res, alerts, messagesValuesFrom(alerts), null);
  }

  private render(
    req: WebRequest,
    res: Response,
    alerts: AlertsView,
    values: MessagesFormValues,
    errors: FormErrors | null,
  ) {
    const view = messagesPageView(alerts, values);
    this.pages.send(req, res, 'kandidaat/berichten', { ...view, errors });
  }

  @Post('berichten')
  @WebAccess('kandidaat')
  async saveMessages(@Req() req: WebRequest, @Res() res: Response) {
    const values = messagesValuesOf(formBody(req));
    const errors = new FormErrors();
    const input = messagesInput(values);
    const dto = await validateAsDto(UpdateAlertsDto, input, MESSAGES_WORDS, errors, 'active', 'je');
    if (dto) {
      try {
        await this.alerts.set(actorOf(req), dto);
        await this.pages.tell(req, messagesNotice(dto));
        return res.redirect(303, '/kandidaat/berichten');
      } catch (error) {
        if (!(error instanceof ProblemException && error.code === 'NO_EMAIL')) throw error;
        errors.add('active', NO_EMAIL_MESSAGE);
      }
    }
    this.render(req, res, await this.alerts.get(actorOf(req)), values, errors);
  }

  /** The link in an alert mail: works without logging in; a button, so a mail scanner does not unsubscribe. */
  @Get('berichten/stoppen/:token')
  @WebPublic()
  async unsubscribePage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('token') token: string,
  ) {
    // A forged link, or one from before the candidate subscribed again: it no longer works (410).
    if (!(await this.alerts.unsubscribeLinkWorks(token)))
      return this.pages.send(
        req,
        res,
        'kandidaat/berichten-stoppen',
        { ...unsubscribePageView(token, 'invalid'), address: 'je' },
        410,
      );
    await this.ensureSession(req, res);
    // A candidate's page, whoever opens the link: "je" around it too.
    this.pages.send(req, res, 'kandidaat/berichten-stoppen', {
      ...unsubscribePageView(token, 'ask'),
      address: 'je',
    });
  }

  @Post('berichten/stoppen/:token')
  @WebPublic()
  async unsubscribe(@Req() req: WebRequest, @Res() res: Response, @Param('token') token: string) {
    try {
      await this.alerts.unsubscribe(token);
    } catch (error) {
      if (!(error instanceof ProblemException && error.code === 'INVALID_LINK')) throw error;
      const view = { ...unsubscribePageView(token, 'invalid'), address: 'je' as const };
      return this.pages.send(req, res, 'kandidaat/berichten-stoppen', view, 410);
    }
    this.pages.send(req, res, 'kandidaat/berichten-stoppen', {
      ...unsubscribePageView(token, 'done'),
      address: 'je',
    });
  }

  /** The unsubscribe form needs a session for its CSRF token: an anonymous one, as for the login form. */
  private async ensureSession(req: WebRequest, res: Response) {
    if (req.web?.session) return;
    const { cookieValue, csrfToken } = await this.sessions.create(null);
    res.cookie(SESSION_COOKIE, cookieValue, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
    });
    req.web = {
      session: { id: '', csrfToken, actor: null, user: null, termsAccepted: false, notice: null },
    };
  }
}
