import type { VacancyView } from './vacancy.view';
import { ApiProperty } from '@nestjs/swagger';
import {
  ARRANGEMENTS,
  DAYPARTS,
  DAYS,
  DemandProfileResponse,
  INSTRUMENTS,
  LANGUAGE_LEVELS,
  LocationResponse,
  VACANCY_STATUSES,
  type Arrangement,
  type Day,
  type Daypart,
  type Instrument,
  type LanguageLevel,
  type VacancyStatus,
} from '@werkbrug/domain';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of vacancies.controller.ts, then reviewed; keep them in step with the views.
 */

export class VacancyEmployerResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class VacancyWerksoortResponse {
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ISCO-08 unit group' })
  iscoCode!: string | null;
}

export class VacancyResponse implements VacancyView {
  @ApiProperty({ type: LocationResponse }) location!: LocationResponse;
  @ApiProperty({ type: DemandProfileResponse }) demands!: DemandProfileResponse;
  @ApiProperty({ type: String }) createdAt!: string;
  @ApiProperty({ type: String }) updatedAt!: string;
  @ApiProperty({ type: Number }) version!: number;
  @ApiProperty({ enum: VACANCY_STATUSES }) status!: VacancyStatus;
  @ApiProperty({ enum: ARRANGEMENTS, isArray: true }) arrangements!: Arrangement[];
  @ApiProperty({ type: Number }) hoursMin!: number;
  @ApiProperty({ type: Number }) hoursMax!: number;
  @ApiProperty({ enum: DAYPARTS, isArray: true }) dayparts!: Daypart[];
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String }) description!: string;
  @ApiProperty({ enum: DAYS, isArray: true }) workingDays!: Day[];
  @ApiProperty({ type: Boolean }) hoursAdjustable!: boolean;
  @ApiProperty({ type: String }) hoursAdjustmentNote!: string;
  @ApiProperty({ type: String, isArray: true }) requiredCertificates!: string[];
  @ApiProperty({ type: String, isArray: true }) desiredCertificates!: string[];
  @ApiProperty({ enum: LANGUAGE_LEVELS }) minLanguageLevel!: LanguageLevel;
  @ApiProperty({ type: Boolean }) jobcoachWelcome!: boolean;
  @ApiProperty({ type: Boolean }) buddyAvailable!: boolean;
  @ApiProperty({ type: Boolean }) wheelchairAccessible!: boolean;
  @ApiProperty({ type: Number }) places!: number;
  @ApiProperty({ type: Number }) placesFilled!: number;
  @ApiProperty({ type: String, nullable: true }) startDate!: string | null;
  @ApiProperty({ enum: INSTRUMENTS, isArray: true }) instruments!: Instrument[];
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: VacancyEmployerResponse }) employer!: VacancyEmployerResponse;
  @ApiProperty({ type: VacancyWerksoortResponse }) werksoort!: VacancyWerksoortResponse;
}

export class VacancyPageResponse {
  @ApiProperty({ type: VacancyResponse, isArray: true }) items!: VacancyResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: Number }) limit!: number;
}
