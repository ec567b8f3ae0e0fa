import { Injectable, OnModuleInit } from '@nestjs/common';
import { SessionsService } from '@werkbrug/auth';
import { AuditService } from '@werkbrug/audit';
import { SessionService } from './session.service';

/**
 * Plugs the web sessions (this lib owns web_sessions) and the audit line (libs/audit sits above auth)
 * into auth's SessionsService, so that every end of a user's sessions, wherever it is asked for,
 * ends the cookies and the tokens together and writes one audit line in the same transaction.
 */
@Injectable()
export class SessionEndsWiring implements OnModuleInit {
  constructor(
    private readonly ends: SessionsService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit() {
    this.ends.useWebSessions({
      list: (userId) => this.sessions.runningFor(userId),
      end: (em, userId, which) => this.sessions.endFor(em, userId, which),
    });
    this.ends.onEnded((em, ended) =>
      this.audit.record(em, ended.by, {
        // One action for every end; details.reason says why (self_one, admin, password …).
        action: 'session.end',
        details: {
          userId: ended.userId,
          reason: ended.reason,
          webSessions: ended.webSessions,
          apiTokens: ended.apiTokens,
        },
      }),
    );
  }
}
