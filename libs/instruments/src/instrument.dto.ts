import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { ARRANGEMENTS, type Arrangement, BENEFIT_TYPES, type BenefitType } from '@werkbrug/domain';
import { GRANTORS, RECIPIENTS, RULE_SCOPES, type RuleScope, STATUSES } from './engine/types';

const FIGURES_STATUSES = ['known', 'provisional'] as const;

/**
 * A finite number with at most two decimals (hours, euros). class-validator's maxDecimalPlaces throws on
 * exponent notation such as 1e-9, so this is checked here on the value in cents.
 */
const AtMostTwoDecimals = () =>
  ValidateBy({
    name: 'atMostTwoDecimals',
    validator: {
      validate: (v: unknown) =>
        typeof v === 'number' &&
        Number.isFinite(v) &&
        Math.abs(Math.round(v * 100) - v * 100) < 1e-6,
      defaultMessage: (a) => `${a?.property} must be a number with at most two decimals`,
    },
  });

/** Dates from 1900 on: PostgreSQL and JavaScript disagree about year 0. */
const DATE = /^(19|20|21)\d{2}-\d{2}-\d{2}$/;

/** The anonymous scenario: no candidate record, just the facts someone types in. */
export class CalculateDto {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'The start date; default today' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DATE, { message: 'date must be a date such as 2026-03-01' })
  date?: string;

  @ApiProperty({ minimum: 1, maximum: 40, example: 24 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @AtMostTwoDecimals()
  @Min(1)
  @Max(40)
  hoursPerWeek!: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, example: 50 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  loonwaardePct?: number;

  @ApiPropertyOptional({ description: 'A place in the doelgroepregister (banenafspraak)' })
  @IsOptional()
  @IsBoolean()
  doelgroepregister?: boolean;

  @ApiPropertyOptional({ enum: BENEFIT_TYPES })
  @IsOptional()
  @IsIn(BENEFIT_TYPES)
  benefitType?: BenefitType;

  @ApiPropertyOptional({ minimum: 15, maximum: 75 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(75)
  age?: number;

  @ApiPropertyOptional({ enum: ARRANGEMENTS })
  @IsOptional()
  @IsIn(ARRANGEMENTS)
  arrangement?: Arrangement;

  @ApiPropertyOptional({ minimum: 1, maximum: 120, description: 'Planned length of the contract' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  contractMonths?: number;

  @ApiPropertyOptional({ example: 15.5, description: 'Euros per hour; default the minimum wage' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @AtMostTwoDecimals()
  @Min(1)
  @Max(500)
  hourlyWage?: number;

  @ApiPropertyOptional({ example: 'Woerden', description: 'Adds the rules of this gemeente' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  gemeente?: string;
}

export class CatalogueQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'Default today' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DATE, { message: 'date must be a date such as 2026-03-01' })
  date?: string;

  @ApiPropertyOptional({ description: 'Also the rules of this gemeente' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  gemeente?: string;
}

export class CandidateInstrumentsQuery {
  @ApiPropertyOptional({ description: 'The workplace: its arrangement and hours are used' })
  @IsOptional()
  @IsUUID()
  vacancyId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 40 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @AtMostTwoDecimals()
  @Min(1)
  @Max(40)
  hoursPerWeek?: number;

  @ApiPropertyOptional({ enum: ARRANGEMENTS })
  @IsOptional()
  @IsIn(ARRANGEMENTS)
  arrangement?: Arrangement;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'The start date; default today' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DATE, { message: 'date must be a date such as 2026-03-01' })
  date?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 120 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  contractMonths?: number;
}

export class CreateRuleVersionDto {
  @ApiProperty({ enum: RULE_SCOPES }) @IsIn(RULE_SCOPES) scope!: RuleScope;

  @ApiPropertyOptional({
    description: 'The gemeente name (scope gemeente) or organisation id (scope organisation)',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  scopeRef?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { perHour: '14.95', minAge: 21 },
    description: 'The parameters of the instrument’s calculator; amounts as decimal strings',
  })
  @IsObject()
  params!: Record<string, unknown>;

  @ApiPropertyOptional({ default: true, description: 'False: in the law but switched off' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ example: '2027-01-01' })
  @IsDateString({ strict: true })
  @Matches(DATE, { message: 'validFrom must be a date such as 2027-01-01' })
  validFrom!: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'Empty: in force until the next one' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DATE, { message: 'validTo must be a date such as 2027-12-31' })
  validTo?: string;

  @ApiPropertyOptional({
    example: '2027-06-30',
    description:
      'The last day the figures are known (the horizon). Default: the day before the next minimum wage indexation (1 January or 1 July) for the minimum wage, else 31 December of the year it starts. Past it, with no newer version, answers are provisional.',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(DATE, { message: 'knownUntil must be a date such as 2027-06-30' })
  knownUntil?: string;

  @ApiProperty({
    type: [String],
    example: ['https://www.rijksoverheid.nl/...'],
    description:
      'The primary publications: the law, the Staatscourant, rijksoverheid.nl, UWV, the Belastingdienst, the gemeente’s verordening',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { each: true })
  sourceUrls!: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Secondary pages that explain the rule; never the source of a figure',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { each: true })
  explanationUrls?: string[];

  @ApiProperty({ example: '2026-11-29', description: 'When the source was last checked' })
  @IsDateString({ strict: true })
  @Matches(DATE, { message: 'lastChecked must be a date such as 2026-11-29' })
  lastChecked!: string;

  @ApiPropertyOptional({ default: false, description: 'True when a figure is not certain' })
  @IsOptional()
  @IsBoolean()
  indicative?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class AgreeInstrumentsDto {
  @ApiProperty({ type: [String], example: ['loonkostensubsidie', 'lkv_banenafspraak'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  codes!: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Default: the candidate file' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  loonwaardePct?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  contractMonths?: number;

  @ApiPropertyOptional({ example: 15.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @AtMostTwoDecimals()
  @Min(1)
  @Max(500)
  hourlyWage?: number;
}

// ---- response shapes (OpenAPI) --------------------------------------------------------------

export class ReasonView {
  @ApiProperty({ example: 'LKS_FORMULA' }) code!: string;
  @ApiProperty() text!: string;
}

export class AmountsView {
  @ApiPropertyOptional({ example: 235.44 }) perWeek?: number;
  @ApiPropertyOptional({ example: 1020.25 }) perMonth?: number;
  @ApiPropertyOptional({ example: 12243.0 }) perYear?: number;
  @ApiPropertyOptional({ description: 'Over the planned duration' }) total?: number;
}

export class ApplyToView {
  @ApiProperty({ enum: GRANTORS }) grantor!: string;
  @ApiProperty({ enum: RECIPIENTS }) recipient!: string;
  @ApiProperty() how!: string;
}

export class RuleVersionRefView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: RULE_SCOPES }) scope!: string;
  @ApiProperty({ nullable: true, type: String }) scopeRef!: string | null;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty() lastChecked!: string;
  @ApiProperty({ example: '2026-12-31', description: 'The last day its figures are known' })
  knownUntil!: string;
}

export class FiguresView {
  @ApiProperty({
    enum: FIGURES_STATUSES,
    description:
      'provisional: the date lies past the horizon of the version used (or of the minimum wage it leans on) and no newer version exists; the last known figures are used',
  })
  status!: string;
  @ApiProperty({ example: '2026-12-31', description: 'The last day the figures used are known' })
  knownUntil!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'De bedragen voor 2027 zijn nog niet ingevoerd; dit is berekend met die van 2026.',
    description: 'Dutch, for people; null when the figures are known',
  })
  reason!: string | null;
}

export class ItemPartView {
  @ApiProperty({ example: '2026-12-15' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ example: 17 }) days!: number;
  @ApiProperty({ description: 'The rule version that prices this part' }) ruleVersionId!: string;
  @ApiProperty({ example: '2026-01-01' }) validFrom!: string;
  @ApiProperty({ enum: FIGURES_STATUSES }) status!: string;
  @ApiProperty({ example: 574.68, description: 'This part’s share of the total, in euros' })
  amount!: number;
}

export class PeriodPartView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() days!: number;
  @ApiProperty({ enum: FIGURES_STATUSES }) status!: string;
}

export class AnswerPeriodView {
  @ApiProperty({ example: '2026-12-15' }) from!: string;
  @ApiProperty({ example: '2027-12-14' }) to!: string;
  @ApiProperty({ type: [PeriodPartView] }) parts!: PeriodPartView[];
}

export class InstrumentItemView {
  @ApiProperty({ example: 'loonkostensubsidie' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ description: 'False: in the law but not active ("niet actief")' })
  active!: boolean;
  @ApiProperty({ type: AmountsView }) amounts!: AmountsView;
  @ApiProperty({ type: [ReasonView] }) reasons!: ReasonView[];
  @ApiProperty({ type: [ReasonView], description: 'What is still needed' }) missing!: ReasonView[];
  @ApiProperty({ type: ApplyToView }) applyTo!: ApplyToView;
  @ApiProperty({ nullable: true, type: String, example: '2026-09-01' }) deadline!: string | null;
  @ApiProperty({ description: 'The figure or rule is not certain' }) indicative!: boolean;
  @ApiProperty({ type: [String] }) sources!: string[];
  @ApiProperty({ type: RuleVersionRefView }) ruleVersion!: RuleVersionRefView;
  @ApiProperty({ type: FiguresView }) figures!: FiguresView;
  @ApiPropertyOptional({
    type: [ItemPartView],
    description:
      'With contractMonths: the total split where a rule version starts or a horizon passes, each part priced with its own version',
  })
  parts?: ItemPartView[];
  @ApiPropertyOptional({ description: 'For the candidate: one plain B1 sentence' })
  summary?: string;
}

export class InstrumentAnswerView {
  @ApiProperty({ example: '2026-03-01' }) date!: string;
  @ApiProperty({ example: 'indicatief, er zijn geen rechten aan te ontlenen' }) disclaimer!: string;
  @ApiProperty({ example: true }) indicative!: boolean;
  @ApiProperty({
    enum: FIGURES_STATUSES,
    description: 'provisional when any item’s figures are past their horizon',
  })
  status!: string;
  @ApiProperty({ type: [String], description: 'The Dutch reasons of the provisional items' })
  provisionalReasons!: string[];
  @ApiProperty({
    type: AnswerPeriodView,
    nullable: true,
    description: 'With contractMonths: the contract and where it is split',
  })
  period!: AnswerPeriodView | null;
  @ApiProperty({ type: [InstrumentItemView] }) items!: InstrumentItemView[];
  @ApiProperty({ type: [String] }) sources!: string[];
  @ApiProperty({ type: [String] }) ruleVersionIds!: string[];
}

export class CandidateFactsView {
  @ApiProperty() hoursPerWeek!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) loonwaardePct?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) doelgroepregister?: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String }) benefitType?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) age?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) arrangement?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) contractMonths?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) gemeente?: string | null;
}

export class CandidateInstrumentsView extends InstrumentAnswerView {
  @ApiProperty({ enum: ['werkmakelaar', 'kandidaat'] }) audience!: string;
  @ApiPropertyOptional({
    type: CandidateFactsView,
    description: 'The inputs used (werkmakelaar only; the read is audited)',
  })
  facts?: CandidateFactsView;
  @ApiPropertyOptional({ nullable: true, type: String }) vacancyId?: string | null;
}

export class RuleVersionView {
  @ApiProperty() id!: string;
  @ApiProperty() instrumentCode!: string;
  @ApiProperty({ enum: RULE_SCOPES }) scope!: string;
  @ApiProperty({ nullable: true, type: String }) scopeRef!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) params!: Record<string, unknown>;
  @ApiProperty() active!: boolean;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ example: '2026-12-31', description: 'The last day its figures are known' })
  knownUntil!: string;
  @ApiProperty({ type: [String], description: 'The primary publications' }) sourceUrls!: string[];
  @ApiProperty({ type: [String], description: 'Secondary pages that explain the rule' })
  explanationUrls!: string[];
  @ApiProperty() lastChecked!: string;
  @ApiProperty() indicative!: boolean;
  @ApiProperty() note!: string;
  @ApiProperty() createdAt!: string;
}

export class InstrumentView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'B1 Dutch' }) description!: string;
  @ApiProperty({ enum: GRANTORS }) grantor!: string;
  @ApiProperty({ enum: RECIPIENTS }) recipient!: string;
  @ApiProperty() howToApply!: string;
  @ApiProperty() deadlineRule!: string;
  @ApiProperty() calculator!: string;
  @ApiProperty({ type: [RuleVersionView], description: 'The versions in force on the date' })
  rules!: RuleVersionView[];
}

export class CatalogueView {
  @ApiProperty() date!: string;
  @ApiProperty({ example: 'indicatief, er zijn geen rechten aan te ontlenen' }) disclaimer!: string;
  @ApiProperty({ type: [InstrumentView] }) items!: InstrumentView[];
}

export class InstrumentHistoryView extends InstrumentView {
  @ApiProperty({ type: [RuleVersionView], description: 'Every version, newest first' })
  versions!: RuleVersionView[];
}

export class FinancieelCvItemView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: AmountsView }) amounts!: AmountsView;
  @ApiProperty({ type: ApplyToView }) applyTo!: ApplyToView;
  @ApiProperty() indicative!: boolean;
  @ApiProperty({ type: [String] }) sources!: string[];
  @ApiProperty({ type: FiguresView }) figures!: FiguresView;
}

export class FinancieelCvView {
  @ApiProperty() date!: string;
  @ApiProperty() disclaimer!: string;
  @ApiProperty({ enum: FIGURES_STATUSES }) status!: string;
  @ApiProperty({ type: [String] }) provisionalReasons!: string[];
  @ApiProperty({ type: [FinancieelCvItemView] }) items!: FinancieelCvItemView[];
  @ApiProperty({ type: [String] }) sources!: string[];
}

/** Empty (nulls, no codes) while nothing has been agreed on the placement. */
export class PlacementInstrumentsView {
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
  @ApiProperty() placementId!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The placement start: rules in force then',
  })
  calculationDate!: string | null;
  @ApiProperty({ type: [String] }) agreedCodes!: string[];
  @ApiProperty({ type: InstrumentAnswerView, nullable: true })
  calculation!: InstrumentAnswerView | null;
  @ApiProperty({ type: [String] }) ruleVersionIds!: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  deadlines!: {
    instrumentCode: string;
    kind: string;
    dueOn: string;
    noticeSentAt: string | null;
  }[];
  @ApiProperty() createdAt!: string;
}
