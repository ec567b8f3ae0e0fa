import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@werkbrug/audit';
import type { Actor } from '@werkbrug/auth';
import { CandidatesService, toCandidateFileView } from '@werkbrug/candidates';
import { Problems } from '@werkbrug/http';
import { AuditTrailService } from '../audit-trail/audit-trail.service';
import type { CandidateExport, ExportedAccount } from './export.dto';
import { relatedRecords } from './related-records';
import { queryRows } from '@werkbrug/database';

interface AccountRow {
  id: string;
  email: string;
  role: string;
  display_name: string;
  organisation_id: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

interface SessionRow {
  user_id: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

const iso = (d: Date) => new Date(d).toISOString();

@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly candidates: CandidatesService,
    private readonly audit: AuditService,
    private readonly trail: AuditTrailService,
  ) {}

  /**
   * One consistent snapshot (repeatable read). The export is audited first, in the same
   * transaction, so the document lists its own export line.
   */
  export(actor: Actor, candidateId: string, purpose: string | null): Promise<CandidateExport> {
    return this.db.transaction('REPEATABLE READ', async (em) => {
      const c = await this.candidates
        .scoped(actor, em)
        .leftJoinAndSelect('c.protectedData', 'p')
        .andWhere('c.id = :id', { id: candidateId })
        .getOne();
      if (!c) throw Problems.notFound('Candidate');
      await this.audit.record(em, actor, { action: 'candidate.export', candidateId, purpose });
      const [{ now }] = await queryRows<{ now: Date }>(em, `SELECT now() AS now`);
      return {
        format: 'werkbrug.candidate-export.v1',
        exportedAt: iso(now),
        candidate: toCandidateFileView(c, c.protectedData),
        accounts: await this.accounts(em, candidateId),
        auditTrail: await this.trail.allFor(em, candidateId),
        ...(await relatedRecords(em, candidateId)),
      };
    });
  }

  /** Linked accounts and their sessions; password hashes and token hashes are never selected. */
  private async accounts(em: EntityManager, candidateId: string): Promise<ExportedAccount[]> {
    const users = await queryRows<AccountRow>(
      em,
      `SELECT id, email, role, display_name, organisation_id, active, created_at, updated_at
         FROM users WHERE candidate_id = $1 ORDER BY created_at, id`,
      [candidateId],
    );
    const sessions: SessionRow[] = users.length
      ? await queryRows<SessionRow>(
          em,
          `SELECT user_id, created_at, expires_at, revoked_at FROM auth_tokens
            WHERE user_id = ANY($1) ORDER BY created_at, id`,
          [users.map((u) => u.id)],
        )
      : [];
    return users.map((u) => ({
      id: u.id,
      email: u.email,
      role: u.role,
      displayName: u.display_name,
      organisationId: u.organisation_id,
      active: u.active,
      createdAt: iso(u.created_at),
      updatedAt: iso(u.updated_at),
      sessions: sessions
        .filter((s) => s.user_id === u.id)
        .map((s) => ({
          createdAt: iso(s.created_at),
          expiresAt: iso(s.expires_at),
          revokedAt: s.revoked_at ? iso(s.revoked_at) : null,
        })),
    }));
  }
}
