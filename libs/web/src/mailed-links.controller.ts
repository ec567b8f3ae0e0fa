import { Get, Module, NotFoundException, OnModuleInit, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Response } from 'express';
import { ROLES } from '@werkbrug/auth';
import { MAILED_LINKS, MAILED_PATHS, mailedLinkOf, type VisibilityCheck } from './mailed-links';
import { WebAccess, WebController } from './web-access.decorator';
import { actorOf, type WebRequest } from './web-request';
import { WebModule } from './web.module';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Follows a link from a mail (MAILED_LINKS): the visitor signs in when needed (the session guard
 * sends them to `/inloggen?terug=…`), then goes to their own role's page for the object. Someone
 * who may not see it gets the 404 page, whatever the reason.
 */
@WebController()
export class MailedLinksController implements OnModuleInit {
  private readonly services = new Map<VisibilityCheck['service'], unknown>();

  constructor(private readonly modules: ModuleRef) {}

  /** Every row's service is found at start, so a row for a service the app lacks fails early. */
  onModuleInit() {
    for (const link of Object.values(MAILED_LINKS))
      if ('visible' in link && link.visible)
        this.services.set(
          link.visible.service,
          this.modules.get(link.visible.service, { strict: false }),
        );
  }

  @Get(MAILED_PATHS)
  @WebAccess(...ROLES)
  async follow(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const link = mailedLinkOf(String((req.route as { path?: unknown } | undefined)?.path ?? ''));
    const id = typeof req.params.id === 'string' ? req.params.id : '';
    const target = link?.to[actor.role];
    if (!link || !target || (link.visible && !UUID.test(id))) throw new NotFoundException();
    if (link.visible)
      await link.visible.check(this.services.get(link.visible.service) as never, actor, id);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, target(id));
  }
}

/** The mailed-link router; imported before WebNotFoundModule (which stays last). */
@Module({ imports: [WebModule], controllers: [MailedLinksController] })
export class MailedLinksModule {}
