import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OptionalIntQuery } from '@werkbrug/http';

export class CreateInterestDto {
  @ApiProperty({ description: 'The workplace the candidate is interested in' })
  @IsUUID()
  vacancyId!: string;

  @ApiPropertyOptional({ description: 'A short note for the werkmakelaar', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** What the candidate sees of their own signal: plain status words, no internal notes. */
export const INTEREST_STATUSES = ['verstuurd', 'gezien', 'voorgesteld', 'ingetrokken'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

export class InterestVacancyView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty() place!: string;
  @ApiProperty() status!: string;
}

export class InterestSignalView {
  @ApiProperty() id!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty({ type: InterestVacancyView }) vacancy!: InterestVacancyView;
  @ApiProperty() note!: string;
  @ApiProperty({
    enum: INTEREST_STATUSES,
    description:
      'verstuurd: the werkmakelaar has not looked yet; gezien: they have; voorgesteld: a proposal for this ' +
      'workplace exists; ingetrokken: the candidate took it back',
  })
  status!: InterestStatus;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) seenAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) proposalId!: string | null;
}

/** The werkmakelaar's row: the signal plus whose it is. */
export class InterestSignalRow extends InterestSignalView {
  @ApiProperty() pseudonym!: string;
  @ApiProperty({ type: String, nullable: true }) candidateName!: string | null;
  @ApiProperty({ type: String, nullable: true }) werkmakelaarId!: string | null;
}

export class InterestSignalList {
  @ApiProperty({ type: [InterestSignalView] }) items!: InterestSignalView[];
}

export class InterestSignalPage {
  @ApiProperty({ type: [InterestSignalRow] }) items!: InterestSignalRow[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

export class InterestListQuery {
  @ApiPropertyOptional({ enum: ['open', ...INTEREST_STATUSES], default: 'open' })
  @IsOptional()
  @IsIn(['open', ...INTEREST_STATUSES])
  status?: 'open' | InterestStatus;

  @ApiPropertyOptional({ description: 'Only signals of this candidate' })
  @IsOptional()
  @IsUUID()
  candidateId?: string;

  @OptionalIntQuery(1, 1000, 1)
  page?: number;

  @OptionalIntQuery(1, 100, 20)
  limit?: number;
}
