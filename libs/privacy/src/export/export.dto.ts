import { ApiProperty } from '@nestjs/swagger';
import { CandidateAuditEntryView } from '../audit-trail/audit-trail.dto';

export class ExportedAccount {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() role!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Sign-in sessions (never the tokens themselves)' })
  sessions!: { createdAt: string; expiresAt: string; revokedAt: string | null }[];
}

/** Everything Werkbrug holds about one candidate (AVG art. 15 and 20), as one JSON document. */
export class CandidateExport {
  @ApiProperty({ example: 'werkbrug.candidate-export.v1' }) format!: string;
  @ApiProperty() exportedAt!: string;
  @ApiProperty({ type: Object, description: 'Work profile with the protected data under personal' })
  candidate!: Record<string, unknown>;
  @ApiProperty({ type: [ExportedAccount], description: 'Linked accounts, without password hashes' })
  accounts!: ExportedAccount[];
  @ApiProperty({ type: [CandidateAuditEntryView], description: 'Who read or changed the file' })
  auditTrail!: CandidateAuditEntryView[];
  @ApiProperty({ type: [Object] }) consents!: Record<string, unknown>[];
  @ApiProperty({ type: [Object] }) proposals!: Record<string, unknown>[];
  @ApiProperty({ type: [Object] }) placements!: Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: 'Contact moments' })
  checkins!: Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: '"Ik heb interesse" signals' })
  interestSignals!: Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: 'E-mail alerts of new workplaces' })
  matchAlertSubscriptions!: Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: 'Kept instrument calculations of placements' })
  instrumentCalculations!: Record<string, unknown>[];
  @ApiProperty({ type: [Object] }) trajectories!: Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: 'Participatieladder measurements' })
  ladderMeasurements!: Record<string, unknown>[];
}
