import { ApiProperty } from '@nestjs/swagger';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of matching.controller.ts, then reviewed; keep them in step with the views.
 */

export class CandidateMatchesCandidateResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) pseudonym!: string;
  @ApiProperty({ type: Number }) rangeKm!: number;
}

export class CandidateMatchesItemVacancyWerksoortResponse {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
}

export class CandidateMatchesItemVacancyResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String }) employerName!: string;
  @ApiProperty({ type: CandidateMatchesItemVacancyWerksoortResponse })
  werksoort!: CandidateMatchesItemVacancyWerksoortResponse;
  @ApiProperty({ type: String }) place!: string;
  @ApiProperty({
    enum: [
      'regulier',
      'proefplaatsing',
      'detachering',
      'werkervaringsplaats',
      'stage',
      'leerwerkbaan',
      'vrijwilligerswerk',
      'beschut_werk',
      'groepsdetachering',
    ],
    isArray: true,
  })
  arrangements!: (
    | 'regulier'
    | 'proefplaatsing'
    | 'detachering'
    | 'werkervaringsplaats'
    | 'stage'
    | 'leerwerkbaan'
    | 'vrijwilligerswerk'
    | 'beschut_werk'
    | 'groepsdetachering'
  )[];
  @ApiProperty({ type: Number }) hoursMin!: number;
  @ApiProperty({ type: Number }) hoursMax!: number;
}

export class CandidateMatchesItemReasonResponse {
  @ApiProperty({
    enum: [
      'WERKSOORT_WISH_1',
      'WERKSOORT_WISH_2',
      'WERKSOORT_WISH_3',
      'WERKSOORT_WISH_OTHER',
      'INTERESTS_MATCH',
      'WITHIN_TRAVEL_RANGE',
      'HOURS_FIT',
      'HOURS_ADJUSTABLE',
      'DAYS_FIT',
      'SUPPORT_ON_SITE',
      'BUDDY_ON_SITE',
      'DESIRED_CERTIFICATE',
      'REQUIRED_CERTIFICATES_HELD',
      'ARRANGEMENT_FITS',
      'WHEELCHAIR_ACCESSIBLE',
    ],
  })
  code!:
    | 'WERKSOORT_WISH_1'
    | 'WERKSOORT_WISH_2'
    | 'WERKSOORT_WISH_3'
    | 'WERKSOORT_WISH_OTHER'
    | 'INTERESTS_MATCH'
    | 'WITHIN_TRAVEL_RANGE'
    | 'HOURS_FIT'
    | 'HOURS_ADJUSTABLE'
    | 'DAYS_FIT'
    | 'SUPPORT_ON_SITE'
    | 'BUDDY_ON_SITE'
    | 'DESIRED_CERTIFICATE'
    | 'REQUIRED_CERTIFICATES_HELD'
    | 'ARRANGEMENT_FITS'
    | 'WHEELCHAIR_ACCESSIBLE';
  @ApiProperty({ type: String }) text!: string;
}

export class CandidateMatchesItemResponse {
  @ApiProperty({ type: CandidateMatchesItemVacancyResponse })
  vacancy!: CandidateMatchesItemVacancyResponse;
  @ApiProperty({ type: Number }) score!: number;
  @ApiProperty({ type: Number }) distanceKm!: number;
  @ApiProperty({ type: CandidateMatchesItemReasonResponse, isArray: true })
  reasons!: CandidateMatchesItemReasonResponse[];
}

export class CandidateMatchesNearMissBlockerResponse {
  @ApiProperty({
    enum: [
      'ARRANGEMENT_NOT_ACCEPTED',
      'TOO_FAR',
      'HOURS_SHORT',
      'HOURS_TOO_FEW',
      'DAYS_MISMATCH',
      'TIME_WINDOW_MISMATCH',
      'CERTIFICATE_MISSING',
      'LANGUAGE_LEVEL_LOW',
      'DEMAND_LIFTING',
      'DEMAND_STANDING',
      'DEMAND_PACE',
      'DEMAND_STIMULI',
      'DEMAND_OUTDOOR',
      'NOT_WHEELCHAIR_ACCESSIBLE',
      'NOT_OPEN',
    ],
  })
  code!:
    | 'ARRANGEMENT_NOT_ACCEPTED'
    | 'TOO_FAR'
    | 'HOURS_SHORT'
    | 'HOURS_TOO_FEW'
    | 'DAYS_MISMATCH'
    | 'TIME_WINDOW_MISMATCH'
    | 'CERTIFICATE_MISSING'
    | 'LANGUAGE_LEVEL_LOW'
    | 'DEMAND_LIFTING'
    | 'DEMAND_STANDING'
    | 'DEMAND_PACE'
    | 'DEMAND_STIMULI'
    | 'DEMAND_OUTDOOR'
    | 'NOT_WHEELCHAIR_ACCESSIBLE'
    | 'NOT_OPEN';
  @ApiProperty({ type: String }) text!: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true }) gap!:
    | string
    | number
    | null;
}

export class CandidateMatchesNearMissResponse {
  @ApiProperty({ type: CandidateMatchesItemVacancyResponse })
  vacancy!: CandidateMatchesItemVacancyResponse;
  @ApiProperty({ type: Number }) distanceKm!: number;
  @ApiProperty({ type: CandidateMatchesNearMissBlockerResponse, isArray: true })
  blockers!: CandidateMatchesNearMissBlockerResponse[];
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
  @ApiProperty({ enum: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'], isArray: true }) days!: (
    | 'ma'
    | 'di'
    | 'wo'
    | 'do'
    | 'vr'
    | 'za'
    | 'zo'
  )[];
  @ApiProperty({ enum: ['ochtend', 'middag', 'avond', 'nacht'], isArray: true }) dayparts!: (
    | 'ochtend'
    | 'middag'
    | 'avond'
    | 'nacht'
  )[];
  @ApiProperty({ type: String, isArray: true }) certificates!: string[];
  @ApiProperty({ enum: ['geen', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] }) languageLevel!:
    | 'geen'
    | 'A1'
    | 'A2'
    | 'B1'
    | 'B2'
    | 'C1'
    | 'C2';
  @ApiProperty({ type: String, isArray: true }) workConditions!: string[];
  @ApiProperty({ type: Boolean }) wantsJobcoach!: boolean;
}

export class VacancyMatchesItemResponse {
  @ApiProperty({ type: VacancyMatchesItemCandidateResponse })
  candidate!: VacancyMatchesItemCandidateResponse;
  @ApiProperty({ type: Number }) score!: number;
  @ApiProperty({ type: Number }) distanceKm!: number;
  @ApiProperty({ type: CandidateMatchesItemReasonResponse, isArray: true })
  reasons!: CandidateMatchesItemReasonResponse[];
}

export class VacancyMatchesNearMissResponse {
  @ApiProperty({ type: VacancyMatchesItemCandidateResponse })
  candidate!: VacancyMatchesItemCandidateResponse;
  @ApiProperty({ type: Number }) distanceKm!: number;
  @ApiProperty({ type: CandidateMatchesNearMissBlockerResponse, isArray: true })
  blockers!: CandidateMatchesNearMissBlockerResponse[];
}

export class VacancyMatchesResponse {
  @ApiProperty({ type: CandidateMatchesItemVacancyResponse })
  vacancy!: CandidateMatchesItemVacancyResponse;
  @ApiProperty({ type: VacancyMatchesItemResponse, isArray: true })
  items!: VacancyMatchesItemResponse[];
  @ApiProperty({ type: VacancyMatchesNearMissResponse, isArray: true })
  nearMisses!: VacancyMatchesNearMissResponse[];
}

export class VacancySearchItemResponse {
  @ApiProperty({ type: Number, nullable: true }) distanceKm!: number | null;
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String }) employerName!: string;
  @ApiProperty({ type: CandidateMatchesItemVacancyWerksoortResponse })
  werksoort!: CandidateMatchesItemVacancyWerksoortResponse;
  @ApiProperty({ type: String }) place!: string;
  @ApiProperty({
    enum: [
      'regulier',
      'proefplaatsing',
      'detachering',
      'werkervaringsplaats',
      'stage',
      'leerwerkbaan',
      'vrijwilligerswerk',
      'beschut_werk',
      'groepsdetachering',
    ],
    isArray: true,
  })
  arrangements!: (
    | 'regulier'
    | 'proefplaatsing'
    | 'detachering'
    | 'werkervaringsplaats'
    | 'stage'
    | 'leerwerkbaan'
    | 'vrijwilligerswerk'
    | 'beschut_werk'
    | 'groepsdetachering'
  )[];
  @ApiProperty({ type: Number }) hoursMin!: number;
  @ApiProperty({ type: Number }) hoursMax!: number;
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
