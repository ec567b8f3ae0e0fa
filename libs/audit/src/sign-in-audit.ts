import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SignInEvents, type SignInEvent } from '@werkbrug/auth';
import { queryRows } from '@werkbrug/database';

/**
 * Audit lines for signing in (auth's SignInEvents port): a sign-in, a failed second factor, a used
 * recovery code, a set-up and a reset. The actor is the account itself, or the administrator who
 * reset it (then `details.userId` names the account). No code, secret or password is ever written.
 */
@Injectable()
export class SignInAudit extends SignInEvents {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async record(event: SignInEvent): Promise<void> {
    const details = { ...event.details, ...(event.by ? { userId: event.userId } : {}) };
    if (event.by) {
      await queryRows(
        this.db,
        `INSERT INTO audit_log (actor_user_id, actor_role, actor_organisation_id, action, details)
         VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [
          event.by.userId,
          event.by.role,
          event.by.organisationId,
          event.action,
          JSON.stringify(details),
        ],
      );
      return;
    }
    await queryRows(
      this.db,
      `INSERT INTO audit_log (actor_user_id, actor_role, actor_organisation_id, action, details)
       SELECT u.id, u.role, u.organisation_id, $2, $3::jsonb FROM users u WHERE u.id = $1`,
      [event.userId, event.action, JSON.stringify(details)],
    );
  }
}
