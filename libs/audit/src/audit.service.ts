import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import type { SqlWrite } from '@werkbrug/database';
import { queryRows } from '@werkbrug/database';

export interface AuditEvent {
  /** e.g. candidate.read, candidate.update, candidate.export, candidate.erase */
  action: string;
  candidateId?: string | null;
  purpose?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records inside the caller's transaction, so a change and its audit line commit together. */
  async record(em: EntityManager, actor: Actor | null, event: AuditEvent): Promise<void> {
    const { sql, params } = this.recordWrite(actor, event);
    await queryRows(em, sql, params);
  }

  /** The audit line as one write, for a caller that runs its writes as one statement (writeTogether). */
  recordWrite(actor: Actor | null, event: AuditEvent): SqlWrite {
    return {
      sql: `INSERT INTO audit_log (actor_user_id, actor_role, actor_organisation_id, action, candidate_id, purpose, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      params: [
        actor?.userId ?? null,
        actor?.role ?? 'system',
        actor?.organisationId ?? null,
        event.action,
        event.candidateId ?? null,
        event.purpose?.slice(0, 500) ?? null,
        JSON.stringify(event.details ?? {}),
      ],
    };
  }

  get dataSource() {
    return this.db;
  }
}
