import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OutboxService } from '@werkbrug/outbox';
import { confirmed, PageResponder, WebAccess, WebController, type WebRequest } from '@werkbrug/web';
import { OUTBOX_STATUS_WORDS, outboxErrorWords, topicWords } from './outbox-words';

/** Dead messages shown at most (the oldest first); "Alles opnieuw proberen" takes them all. */
const SHOWN = 100;

/**
 * The outbox for administrators (/beheer/berichten): how many messages wait, run, retry or failed,
 * and the failed ones with what went wrong, in words. A failed message is tried again on request,
 * one or all, after a question (the same OutboxService as GET/POST /api/admin/outbox).
 */
@WebController('beheer/berichten')
export class OutboxPageController {
  constructor(
    private readonly pages: PageResponder,
    private readonly outbox: OutboxService,
  ) {}

  @Get()
  @WebAccess('admin')
  async show(@Req() req: WebRequest, @Res() res: Response) {
    const [stats, dead] = await Promise.all([
      this.outbox.stats(),
      this.outbox.unfinished(SHOWN, 'dead'),
    ]);
    this.pages.send(req, res, 'beheer/berichten/overzicht', {
      title: 'Berichten en taken',
      counts: (['pending', 'processing', 'retrying', 'dead', 'done'] as const).map((status) => ({
        text: OUTBOX_STATUS_WORDS[status],
        count: stats[status],
      })),
      oldestPendingAt: stats.oldestPendingAt,
      deadTotal: stats.dead,
      dead: dead.map((m) => ({
        id: m.id,
        what: topicWords(m.topic),
        why: outboxErrorWords(m.topic, m.lastError),
        attempts: m.attempts,
        createdAt: m.createdAt,
        action: `/beheer/berichten/${m.id}/opnieuw`,
      })),
      more: stats.dead > dead.length,
    });
  }

  @Post('opnieuw')
  @WebAccess('admin')
  async retryAll(@Req() req: WebRequest, @Res() res: Response) {
    if (!confirmed(req)) {
      const { dead } = await this.outbox.stats();
      return this.pages.confirm(req, res, {
        title: `Wilt u alle ${dead} mislukte berichten en taken opnieuw proberen?`,
        consequences: [
          'Werkbrug probeert ze direct opnieuw, in de volgorde waarin ze zijn gemaakt.',
          'Is de oorzaak nog niet opgelost? Dan mislukken ze opnieuw en ziet u ze hier weer.',
        ],
        action: '/beheer/berichten/opnieuw',
        confirmText: 'Ja, probeer alles opnieuw',
        cancelHref: '/beheer/berichten',
      });
    }
    const requeued = await this.outbox.retryDead();
    await this.pages.tell(
      req,
      requeued === 1
        ? 'Eén bericht wordt opnieuw geprobeerd.'
        : `${requeued} berichten en taken worden opnieuw geprobeerd.`,
    );
    res.redirect(303, '/beheer/berichten');
  }

  @Post(':id/opnieuw')
  @WebAccess('admin')
  async retryOne(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    if (!confirmed(req)) {
      const message = (await this.outbox.unfinished(SHOWN, 'dead')).find((m) => m.id === id);
      return this.pages.confirm(req, res, {
        title: message
          ? `Wilt u '${topicWords(message.topic)}' opnieuw proberen?`
          : 'Wilt u dit bericht opnieuw proberen?',
        consequences: [
          'Werkbrug probeert het direct opnieuw.',
          'Is de oorzaak nog niet opgelost? Dan mislukt het opnieuw en ziet u het hier weer.',
        ],
        action: `/beheer/berichten/${id}/opnieuw`,
        confirmText: 'Ja, probeer opnieuw',
        cancelHref: '/beheer/berichten',
      });
    }
    const done = await this.outbox.retryOne(id);
    await this.pages.tell(
      req,
      done
        ? 'Het bericht wordt opnieuw geprobeerd.'
        : 'Dit bericht was al opnieuw geprobeerd of is al verwerkt.',
    );
    res.redirect(303, '/beheer/berichten');
  }
}
