import type { CandidateFileView, WorkProfileView } from './candidate.view';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ARRANGEMENTS,
  BENEFIT_TYPES,
  DAYPARTS,
  DAYS,
  DemandProfileResponse,
  LANGUAGE_LEVELS,
  ROUTES,
  TRAVEL_MODES,
  type Arrangement,
  type BenefitType,
  type Day,
  type Daypart,
  type LanguageLevel,
  type Route,
  type TravelMode,
} from '@werkbrug/domain';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of candidates.controller.ts, then reviewed; keep them in step with the views.
 */

export class CandidatePersonalResponse {
  @ApiProperty({ type: String }) firstName!: string;
  @ApiProperty({ type: String }) lastName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ enum: BENEFIT_TYPES, nullable: true }) benefitType!: BenefitType | null;
  @ApiProperty({ type: Boolean }) banenafspraak!: boolean;
  @ApiProperty({ type: Number, nullable: true }) loonwaardePct!: number | null;
  @ApiProperty({ type: String }) notes!: string;
}

export class CandidateHomeAreaResponse {
  @ApiProperty({ type: String }) postcode!: string;
  @ApiProperty({ type: String }) place!: string;
  @ApiProperty({ type: Number }) lat!: number;
  @ApiProperty({ type: Number }) lng!: number;
}

export class CandidateSupportNeedsResponse {
  @ApiProperty({ type: Boolean }) jobcoach!: boolean;
  @ApiProperty({ type: Boolean }) buddy!: boolean;
  @ApiProperty({ type: Boolean }) wheelchairAccess!: boolean;
}

export class CandidateWorkProfileResponse implements WorkProfileView {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) pseudonym!: string;
  @ApiProperty({ type: String }) organisationId!: string;
  @ApiProperty({ type: String, nullable: true }) werkmakelaarId!: string | null;
  @ApiProperty({ type: String, isArray: true }) werksoortWishes!: string[];
  @ApiProperty({ type: String }) interests!: string;
  @ApiProperty({ type: Number }) hoursMin!: number;
  @ApiProperty({ type: Number }) hoursMax!: number;
  @ApiProperty({ enum: DAYS, isArray: true }) days!: Day[];
  @ApiProperty({ enum: DAYPARTS, isArray: true }) dayparts!: Daypart[];
  @ApiProperty({ type: CandidateHomeAreaResponse }) homeArea!: CandidateHomeAreaResponse;
  @ApiProperty({ enum: TRAVEL_MODES }) travelMode!: TravelMode;
  @ApiProperty({ type: Number, nullable: true }) maxTravelKm!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxTravelMinutes!: number | null;
  @ApiProperty({ type: Number }) ladderRung!: number;
  @ApiProperty({ type: String }) ladderMeasuredOn!: string;
  @ApiProperty({ enum: ROUTES }) route!: Route;
  @ApiProperty({ enum: ARRANGEMENTS, isArray: true, nullable: true })
  arrangements!: Arrangement[] | null;
  @ApiProperty({ type: String, isArray: true }) certificates!: string[];
  @ApiProperty({ enum: LANGUAGE_LEVELS }) languageLevel!: LanguageLevel;
  @ApiProperty({ type: DemandProfileResponse }) abilities!: DemandProfileResponse;
  @ApiProperty({ type: CandidateSupportNeedsResponse })
  supportNeeds!: CandidateSupportNeedsResponse;
  @ApiProperty({ type: String, nullable: true }) trajectoryEndedOn!: string | null;
  @ApiProperty({ type: String }) createdAt!: string;
  @ApiProperty({ type: String }) updatedAt!: string;
  @ApiProperty({ type: Number }) version!: number;
}

/** The full file (werkmakelaars of the organisation, the candidate): the work profile plus protected data. */
export class CandidateFileResponse
  extends CandidateWorkProfileResponse
  implements CandidateFileView
{
  @ApiProperty({ type: CandidatePersonalResponse, nullable: true })
  personal!: CandidatePersonalResponse | null;
}

/** GET and PATCH: administrators get the work profile only, everyone else the full file. */
export class CandidateResponse extends CandidateWorkProfileResponse {
  @ApiPropertyOptional({
    type: CandidatePersonalResponse,
    nullable: true,
    description: 'absent for administrators',
  })
  personal?: CandidatePersonalResponse | null;
}

/** Caseload rows: the work profile, and for werkmakelaars a name to recognise the person by. */
export class CandidateListItemResponse extends CandidateWorkProfileResponse {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'werkmakelaars only' })
  name?: string | null;
}

export class CandidatePageResponse {
  @ApiProperty({ type: () => CandidateListItemResponse, isArray: true })
  items!: CandidateListItemResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: Number }) limit!: number;
}
