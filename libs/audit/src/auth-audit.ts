import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthEvents, type AuthEvent } from '@werkbrug/auth';
import { queryRows } from '@werkbrug/database';
import { AuditService } from './audit.service';

/**
 * Audit lines about accounts (auth's AuthEvents port): a sign-in, a failed second factor, a used
 * recovery code, a set-up and a reset, and who made, invited or changed whose account. The actor is
 * the account itself, or the one who acted on it (then `details.userId` names the account). No code,
 * secret, password or new address is ever written.
 */
@Injectable()
export class AuthAudit extends AuthEvents {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {
    super();
  }

  async record(event: AuthEvent, em?: EntityManager): Promise<void> {
    const db = em ?? this.db.manager;
    if (event.by) {
      const details = { ...event.details, ...(event.userId ? { userId: event.userId } : {}) };
      return this.audit.record(db, event.by, { action: event.action, details });
    }
    if (!event.userId)
      throw new Error(`audit line ${event.action} names neither account nor actor`);
    // The account itself acted: its role and organisation as they are now.
    await queryRows(
      db,
      `INSERT INTO audit_log (actor_user_id, actor_role, actor_organisation_id, action, details)
       SELECT u.id, u.role, u.organisation_id, $2, $3::jsonb FROM users u WHERE u.id = $1`,
      [event.userId, event.action, JSON.stringify(event.details ?? {})],
    );
  }
}
