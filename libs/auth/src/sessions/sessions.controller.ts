import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblemResponses, Problems } from '@werkbrug/http';
import { Access } from '../access.decorator';
import { CurrentActor } from '../current-actor.decorator';
import { ROLES, type Actor } from '../role';
import { TokenService } from '../token.service';
import { UsersService } from '../users/users.service';
import { SessionsService, type SessionRef, type SessionView } from './sessions.service';
import { SessionListResponse, SessionResponse, SessionsEndedResponse } from './sessions.responses';

const toResponse = (s: SessionView): SessionResponse => ({
  id: s.id,
  kind: s.kind,
  browser: s.browser,
  signedInAt: s.signedInAt.toISOString(),
  lastSeenAt: s.lastSeenAt ? s.lastSeenAt.toISOString() : null,
  current: s.current,
});

/** Apparaten en sessies through the API: one's own sessions, and an administrator's "end them all". */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
  ) {}

  /** The token this request came with. */
  private async current(req: Request): Promise<SessionRef | null> {
    const header = req.headers.authorization ?? '';
    const id = await this.tokens.idOf(header.slice(7).trim());
    return id ? { kind: 'api', id } : null;
  }

  @Get('me/sessions')
  @Access(...ROLES)
  @ApiOperation({ summary: 'My open sessions: signed-in browsers and API tokens' })
  @ApiOkResponse({ type: SessionListResponse })
  async list(@CurrentActor() actor: Actor, @Req() req: Request): Promise<SessionListResponse> {
    const items = await this.sessions.list(actor.userId, await this.current(req));
    return { items: items.map(toResponse) };
  }

  @Delete('me/sessions/:id')
  @Access(...ROLES)
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out one of my sessions (a browser or a token; this one too)' })
  @ApiNoContentResponse({ description: 'The session ended' })
  @ApiProblemResponses(400, 404)
  async end(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (!(await this.sessions.endOne(actor.userId, id, actor))) throw Problems.notFound('Session');
  }

  @Post('me/sessions/end-others')
  @Access(...ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign out everywhere except with the token of this request' })
  @ApiOkResponse({ type: SessionsEndedResponse })
  async endOthers(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<SessionsEndedResponse> {
    const { webSessions, apiTokens } = await this.sessions.endAllFor(actor.userId, {
      reason: 'self_others',
      by: actor,
      except: await this.current(req),
    });
    return { webSessions, apiTokens };
  }

  @Post('users/:id/sessions/end')
  @Access('admin', 'werkmakelaar')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'End every session and token of a user (administrators: anyone; organisation administrators: their organisation)',
  })
  @ApiOkResponse({ type: SessionsEndedResponse })
  @ApiProblemResponses(400, 403, 404)
  async endAllOf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SessionsEndedResponse> {
    const { webSessions, apiTokens } = await this.users.endSessionsOf(actor, id);
    return { webSessions, apiTokens };
  }
}
