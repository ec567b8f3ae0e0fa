import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

export const BREAKDOWNS = [
  'werksoort',
  'arrangement',
  'route',
  'organisation',
  'gemeente',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export class ReportQuery {
  @ApiPropertyOptional({ example: '2014-01-01', description: 'Period start (default 2000-01-01)' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;
  @ApiPropertyOptional({
    example: '2026-11-29',
    description: 'Period end and report date (default today)',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
  @ApiPropertyOptional({
    description:
      'Administrators: one organisation (default all). A werkmakelaar always gets their own.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiPropertyOptional({ description: 'Gemeente of residence (at the start of the trajectory)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  gemeente?: string;
}

export class FermWerkQuery extends ReportQuery {
  @ApiPropertyOptional({
    enum: BREAKDOWNS,
    description:
      'One column per werksoort, arrangement (form of work), route, organisation or gemeente',
  })
  @IsOptional()
  @IsIn(BREAKDOWNS)
  by?: Breakdown;
}

export class ReportScopeView {
  @ApiProperty({ nullable: true }) organisationId!: string | null;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ nullable: true }) gemeente!: string | null;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({
    description:
      'Shared outside the organisation (another organisation, all organisations, a gemeente, or CSV): cells below the threshold are null',
  })
  suppressed!: boolean;
  @ApiProperty({ example: 5 }) threshold!: number;
}

export class ReportGroupView {
  @ApiProperty({ nullable: true }) key!: string | null;
  @ApiProperty() label!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'By werksoort: its ISCO-08 unit group (else null)',
  })
  iscoCode!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'By werksoort: its BRC 2014 beroepsgroep (else null)',
  })
  brcCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Name of the BRC 2014 beroepsgroep' })
  brcName!: string | null;
}

export class FermWerkRowView {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ nullable: true, description: 'null: hidden (fewer than 5)' }) total!:
    | number
    | null;
  @ApiProperty({ type: [Number], description: 'One value per group, in the order of groups' })
  byGroup!: (number | null)[];
}

export class SwitchesView {
  @ApiProperty({ nullable: true }) transitions!: number | null;
  @ApiProperty({ nullable: true, description: 'Trajectories with at least one switch' })
  trajectories!: number | null;
  @ApiProperty({ nullable: true, description: 'Moves back to a form held earlier' })
  returns!: number | null;
}

export class FermWerkReport {
  @ApiProperty({ type: ReportScopeView }) scope!: ReportScopeView;
  @ApiProperty({ enum: BREAKDOWNS, nullable: true }) by!: Breakdown | null;
  @ApiProperty({ type: [ReportGroupView] }) groups!: ReportGroupView[];
  @ApiProperty({ type: [FermWerkRowView], description: 'Rows add up to the started count' })
  rows!: FermWerkRowView[];
  @ApiProperty({
    type: SwitchesView,
    description: 'Simpel Switchen in the period: counted here, never as an early ending',
  })
  switches!: SwitchesView;
}

export class ReportValueRow {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ nullable: true }) value!: number | null;
}

export class FunnelReport {
  @ApiProperty({ type: ReportScopeView }) scope!: ReportScopeView;
  @ApiProperty({ type: [ReportValueRow], description: 'People (not trajectories), as in Haaren' })
  steps!: ReportValueRow[];
}

export class DurabilityHorizonView {
  @ApiProperty({ example: 6 }) months!: number;
  @ApiProperty({ nullable: true, description: 'Contracts at least this many months ago' })
  eligible!: number | null;
  @ApiProperty({
    nullable: true,
    description: 'A contact moment after the mark and no new trajectory',
  })
  atWork!: number | null;
  @ApiProperty({ nullable: true, description: 'A new trajectory started within the period' })
  fellBack!: number | null;
  @ApiProperty({ nullable: true, description: 'No contact moment after the mark' })
  unknown!: number | null;
  @ApiProperty({ nullable: true, description: 'atWork / eligible' }) share!: number | null;
}

export class DurabilityReport {
  @ApiProperty({ type: ReportScopeView }) scope!: ReportScopeView;
  @ApiProperty({ nullable: true, description: 'Placements ended with a contract in the period' })
  contracts!: number | null;
  @ApiProperty({ type: [DurabilityHorizonView] }) horizons!: DurabilityHorizonView[];
}

export class LadderProgressReport {
  @ApiProperty({ type: ReportScopeView }) scope!: ReportScopeView;
  @ApiProperty({ type: [ReportValueRow] }) rows!: ReportValueRow[];
  @ApiProperty({ nullable: true, description: 'up / followedUp' }) shareUp!: number | null;
}
