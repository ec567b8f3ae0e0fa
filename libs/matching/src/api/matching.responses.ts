import { ApiProperty } from '@nestjs/swagger';
import {
  ARRANGEMENTS,
  DAYPARTS,
  DAYS,
  LANGUAGE_LEVELS,
  type Arrangement,
  type Day,
  type Daypart,
  type LanguageLevel,
} from '@werkbrug/domain';
import { WerksoortRefResponse } from '@werkbrug/werksoorten';
import { BLOCKERS, REASONS, type BlockerCode, type ReasonCode } from '../engine/codes';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of matching.controller.ts, then reviewed; keep them in step with the views.
 */

export class CandidateMatchesCandidateResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) pseudonym!: string;
  @ApiProperty({ type: Number }) rangeKm!: number;
}

/** A workplace as shown in a match list or a search result (engine/match-views.ts vacancySummary). */
export class VacancySummaryResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String }) employerName!: string;
  @ApiProperty({ type: WerksoortRefResponse }) werksoort!: WerksoortRefResponse;
  @ApiProperty({ type: String }) place!: string;
  @ApiProperty({ enum: ARRANGEMENTS, isArray: true }) arrangements!: Arrangement[];
  @ApiProperty({ type: Number }) hoursMin!: number;
  @ApiProperty({ type: Number }) hoursMax!: number;
}

export class MatchReasonResponse {
  @ApiProperty({ enum: Object.keys(REASONS) }) code!: ReasonCode;
  @ApiProperty({ type: String }) text!: string;
}

export class MatchBlockerResponse {
  @ApiProperty({ enum: Object.keys(BLOCKERS) }) code!: BlockerCode;
  @ApiProperty({ type: String }) text!: string;
  // OpenAPI 3.0 honours `nullable` only next to a `type`: null is a (nullable) string branch.
  @ApiProperty({ oneOf: [{ type: 'string', nullable: true }, { type: 'number' }] }) gap!:
    | string
    | number
    | null;
}

export class CandidateMatchesItemResponse {
  @ApiProperty({ type: VacancySummaryResponse }) vacancy!: VacancySummaryResponse;
  @ApiProperty({ type: Number }) score!: number;
  @ApiProperty({ type: Number }) distanceKm!: number;
  @ApiProperty({ type: MatchReasonResponse, isArray: true }) reasons!: MatchReasonResponse[];
}

export class CandidateMatchesNearMissResponse {
  @ApiProperty({ type: VacancySummaryResponse }) vacancy!: VacancySummaryResponse;
  @ApiProperty({ type: Number }) distanceKm!: number;
  @ApiProperty({ type: MatchBlockerResponse, isArray: true }) blockers!: MatchBlockerResponse[];
}

export class CandidateMatchesResponse {
  @ApiProperty({ type: CandidateMatchesCandidateResponse })
  candidate!: CandidateMatchesCandidateResponse;
  @ApiProperty({ type: CandidateMatchesItemResponse, isArray: true })
  items!: CandidateMatchesItemResponse[];
  @ApiProperty({ type: CandidateMatchesNearMissResponse, isArray: true })
  nearMisses!: CandidateMatchesNearMissResponse[];
}

export class VacancyMatchesItemCandidateResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) pseudonym!: string;
  @ApiProperty({ type: String }) place!: string;
  @ApiProperty({ type: String, isArray: true }) werksoortWishes!: string[];
  @ApiProperty({ type: Number }) hoursMin!: number;
  @ApiProperty({ type: Number }) hoursMax!: number;
  @ApiProperty({ enum: DAYS, isArray: true }) days!: Day[];
  @ApiProperty({ enum: DAYPARTS, isArray: true }) dayparts!: Daypart[];
  @ApiProperty({ type: String, isArray: true }) certificates!: string[];
  @ApiProperty({ enum: LANGUAGE_LEVELS }) languageLevel!: LanguageLevel;
  @ApiProperty({ type: String, isArray: true }) workConditions!: string[];
  @ApiProperty({ type: Boolean }) wantsJobcoach!: boolean;
}

export class VacancyMatchesItemResponse {
  @ApiProperty({ type: VacancyMatchesItemCandidateResponse })
  candidate!: VacancyMatchesItemCandidateResponse;
  @ApiProperty({ type: Number }) score!: number;
  @ApiProperty({ type: Number }) distanceKm!: number;
  @ApiProperty({ type: MatchReasonResponse, isArray: true }) reasons!: MatchReasonResponse[];
}

export class VacancyMatchesNearMissResponse {
  @ApiProperty({ type: VacancyMatchesItemCandidateResponse })
  candidate!: VacancyMatchesItemCandidateResponse;
  @ApiProperty({ type: Number }) distanceKm!: number;
  @ApiProperty({ type: MatchBlockerResponse, isArray: true }) blockers!: MatchBlockerResponse[];
}

export class VacancyMatchesResponse {
  @ApiProperty({ type: VacancySummaryResponse }) vacancy!: VacancySummaryResponse;
  @ApiProperty({ type: VacancyMatchesItemResponse, isArray: true })
  items!: VacancyMatchesItemResponse[];
  @ApiProperty({ type: VacancyMatchesNearMissResponse, isArray: true })
  nearMisses!: VacancyMatchesNearMissResponse[];
}

export class VacancySearchItemResponse extends VacancySummaryResponse {
  @ApiProperty({ type: Number, nullable: true }) distanceKm!: number | null;
}

export class VacancySearchFacetsResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) werksoort!: Record<
    string,
    number
  >;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) arrangement!: Record<
    string,
    number
  >;
}

export class VacancySearchResponse {
  @ApiProperty({ type: VacancySearchItemResponse, isArray: true })
  items!: VacancySearchItemResponse[];
  @ApiProperty({ type: Number }) estimatedTotalHits!: number;
  @ApiProperty({ type: VacancySearchFacetsResponse }) facets!: VacancySearchFacetsResponse;
  @ApiProperty({ type: Number }) limit!: number;
  @ApiProperty({ type: Number }) offset!: number;
}
