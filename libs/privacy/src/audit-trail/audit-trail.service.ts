import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, Problems } from '@werkbrug/http';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import type {
  AdminAuditEntryView,
  AuditPageQuery,
  CandidateAuditEntryView,
} from './audit-trail.dto';
import { queryRows } from '@werkbrug/database';

export interface AuditFilter {
  candidateId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  action?: string;
}

export interface AuditRow {
  id: string;
  created_at: Date;
  cursor_at: string;
  action: string;
  actor_user_id: string | null;
  actor_role: string;
  actor_organisation_id: string | null;
  organisation_name: string | null;
  candidate_id: string | null;
  purpose: string | null;
  details: Record<string, unknown> | null;
}

const SELECT = `
  SELECT a.id, a.created_at,
         to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
         a.action, a.actor_user_id, a.actor_role, a.actor_organisation_id, o.name AS organisation_name,
         a.candidate_id, a.purpose, a.details
    FROM audit_log a LEFT JOIN organisations o ON o.id = a.actor_organisation_id`;

const changedFields = (details: Record<string, unknown> | null): string[] =>
  Array.isArray(details?.fields) ? details.fields.filter((f) => typeof f === 'string') : [];

export const toCandidateAuditEntry = (r: AuditRow): CandidateAuditEntryView => ({
  id: r.id,
  at: new Date(r.created_at).toISOString(),
  action: r.action,
  actorRole: r.actor_role,
  organisation: r.organisation_name,
  purpose: r.purpose,
  changedFields: changedFields(r.details),
});

export const toAdminAuditEntry = (r: AuditRow): AdminAuditEntryView => ({
  ...toCandidateAuditEntry(r),
  actorUserId: r.actor_user_id,
  actorOrganisationId: r.actor_organisation_id,
  candidateId: r.candidate_id,
  details: r.details ?? {},
});

function instant(value: string, field: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw Problems.validation([{ field, message: `${field} is not a valid moment` }]);
  return date.toISOString();
}

/** Reads the append-only audit trail; writing stays with AuditService.record. */
@Injectable()
export class AuditTrailService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page<T>(
    filter: AuditFilter,
    query: AuditPageQuery,
    map: (row: AuditRow) => T,
  ): Promise<Page<T>> {
    const limit = query.limit ?? 20;
    const desc = (query.sort ?? '-createdAt') === '-createdAt';
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.candidateId) add((p) => `a.candidate_id = ${p}`, filter.candidateId);
    if (filter.actorUserId) add((p) => `a.actor_user_id = ${p}`, filter.actorUserId);
    if (filter.action) add((p) => `a.action = ${p}`, filter.action);
    if (filter.from) add((p) => `a.created_at >= ${p}::timestamptz`, instant(filter.from, 'from'));
    if (filter.to) add((p) => `a.created_at < ${p}::timestamptz`, instant(filter.to, 'to'));
    if (query.cursor) {
      const cursor = decodeAuditCursor(query.cursor, desc);
      params.push(cursor.at, cursor.id);
      const [at, id] = [`$${params.length - 1}`, `$${params.length}`];
      where.push(`(a.created_at, a.id) ${desc ? '<' : '>'} (${at}::timestamptz, ${id}::uuid)`);
    }
    const order = desc ? 'DESC' : 'ASC';
    params.push(limit + 1);
    const rows = await queryRows<AuditRow>(
      this.db,
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.created_at ${order}, a.id ${order} LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeAuditCursor({ at: last.cursor_at, id: last.id, desc })
        : null;
    return { items: items.map(map), nextCursor, limit };
  }

  /** Every line about one candidate, oldest first (for the export). */
  async allFor(em: EntityManager, candidateId: string): Promise<CandidateAuditEntryView[]> {
    const rows = await queryRows<AuditRow>(
      em,
      `${SELECT} WHERE a.candidate_id = $1 ORDER BY a.created_at, a.id`,
      [candidateId],
    );
    return rows.map(toCandidateAuditEntry);
  }
}
