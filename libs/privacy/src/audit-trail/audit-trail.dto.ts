import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@werkbrug/http';

export const AUDIT_SORTS = ['createdAt', '-createdAt'] as const;

/** Limit and cursor; the trail is ordered by time only (newest first unless sort=createdAt). */
export class AuditPageQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(AUDIT_SORTS)
  override sort?: string = undefined;
}

// Four-digit years from 1000: PostgreSQL refuses year 0 and JavaScript accepts it.
const INSTANT = /^[12]\d{3}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export class AdminAuditQuery extends AuditPageQuery {
  @ApiPropertyOptional({ description: 'Lines about this candidate' })
  @IsOptional()
  @IsUUID()
  candidateId?: string;

  @ApiPropertyOptional({ description: 'Lines written by this user (the actor)' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({
    example: '2026-01-01T00:00:00Z',
    description: 'From this moment (inclusive)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: 'from must be a date or date-time such as 2026-01-01T00:00:00Z' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-02-01T00:00:00Z',
    description: 'Before this moment (exclusive)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: 'to must be a date or date-time such as 2026-02-01T00:00:00Z' })
  to?: string;

  @ApiPropertyOptional({ example: 'candidate.read' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.-]{0,79}$/, {
    message: 'action is an audit action such as candidate.read',
  })
  action?: string;
}

/** One audit line as the candidate sees it: which role of which organisation did what, and why. */
export class CandidateAuditEntryView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'When (ISO 8601)' }) at!: string;
  @ApiProperty({ example: 'candidate.read' }) action!: string;
  @ApiProperty({ example: 'werkmakelaar', description: 'A role, or system' }) actorRole!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Ferm Werk' }) organisation!: string | null;
  @ApiProperty({ type: String, nullable: true }) purpose!: string | null;
  @ApiProperty({ type: [String], description: 'Fields changed (for candidate.update)' })
  changedFields!: string[];
}

export class AdminAuditEntryView extends CandidateAuditEntryView {
  @ApiProperty({ type: String, nullable: true }) actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorOrganisationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) candidateId!: string | null;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
}

export class CandidateAuditPage {
  @ApiProperty({ type: [CandidateAuditEntryView] }) items!: CandidateAuditEntryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty() limit!: number;
}

export class AdminAuditPage {
  @ApiProperty({ type: [AdminAuditEntryView] }) items!: AdminAuditEntryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty() limit!: number;
}
