import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalIntQuery } from '@werkbrug/http';
import { ATTENTION_CODES, type AttentionCode } from './attention-rules';

export const CASELOAD_SORTS = [
  'attention',
  'name',
  '-name',
  'completeness',
  '-completeness',
  'lastContact',
  '-lastContact',
] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export class CaseloadQuery {
  @ApiPropertyOptional({
    enum: ['me', 'all'],
    default: 'me',
    description: 'me: candidates you are the werkmakelaar of; all: your whole organisation',
  })
  @IsOptional()
  @IsIn(['me', 'all'])
  owner?: 'me' | 'all';

  @ApiPropertyOptional({
    enum: ['any', 'none', ...ATTENTION_CODES],
    description: 'any: needs attention for some reason; none: nothing to do; or one reason',
  })
  @IsOptional()
  @IsIn(['any', 'none', ...ATTENTION_CODES])
  attention?: 'any' | 'none' | AttentionCode;

  @ApiPropertyOptional({ description: 'Searches name, pseudonym and place' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: CASELOAD_SORTS, default: 'attention' })
  @IsOptional()
  @IsIn(CASELOAD_SORTS)
  sort?: CaseloadSort;

  @OptionalIntQuery(1, 1000, 1)
  page?: number;

  @OptionalIntQuery(1, 100, 25)
  limit?: number;
}

export class AttentionItemView {
  @ApiProperty({ enum: ATTENTION_CODES }) code!: AttentionCode;
  @ApiProperty() text!: string;
}

export class MissingItemView {
  @ApiProperty() code!: string;
  @ApiProperty() text!: string;
}

export class CompletenessView {
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ type: [MissingItemView] }) missing!: MissingItemView[];
}

export class CaseloadRow {
  @ApiProperty() candidateId!: string;
  @ApiProperty() pseudonym!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty() place!: string;
  @ApiProperty({ type: String, nullable: true }) werkmakelaarId!: string | null;
  @ApiProperty() ladderRung!: number;
  @ApiProperty() ladderMeasuredOn!: string;
  @ApiProperty({ type: String, nullable: true }) lastContactOn!: string | null;
  @ApiProperty({ type: [AttentionItemView] }) attention!: AttentionItemView[];
  @ApiProperty({ type: CompletenessView }) completeness!: CompletenessView;
}

export class CaseloadPage {
  @ApiProperty({ type: [CaseloadRow] }) items!: CaseloadRow[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty({ description: 'The day the rules were applied to (Europe/Amsterdam)' })
  today!: string;
  @ApiProperty({
    description: 'How many candidates (before search and the attention filter) have each reason',
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  counts!: Record<string, number>;
}
