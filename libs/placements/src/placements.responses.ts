import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECKIN_KINDS, type CheckinKind } from './checkin.entity';
import {
  CONFIRMATION_STATES,
  CONFIRMED_VIA,
  OUTCOMES,
  PLACEMENT_STATUSES,
  type ConfirmationState,
  type ConfirmedVia,
  type Outcome,
  type PlacementStatus,
} from './placement.entity';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of placements.controller.ts, then reviewed; keep them in step with the views.
 */

export class PlacementPageResponse {
  @ApiProperty({ type: () => PlacementResponse, isArray: true })
  items!: PlacementResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: Number }) limit!: number;
}

export class PlacementCandidateResponse {
  @ApiProperty({ type: String }) pseudonym!: string;
}

export class PlacementJobcoachResponse {
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class PlacementVacancyResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String }) employerName!: string;
}

export class PlacementOutcomeResponse {
  @ApiProperty({ enum: OUTCOMES }) outcome!: Outcome;
  @ApiProperty({ type: String, nullable: true }) endedOn!: string | null;
  @ApiProperty({ type: Number, nullable: true }) contractMonths!: number | null;
  @ApiProperty({ type: Number, nullable: true }) contractHours!: number | null;
}

export class PlacementConfirmedByResponse {
  @ApiProperty({ type: String }) userId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

/** Whether the employer agreed to the placement, and how. */
export class PlacementConfirmationResponse {
  @ApiProperty({
    enum: CONFIRMATION_STATES,
    description:
      'te_bevestigen: waits for the employer; wijziging_gevraagd: the employer asked a change (changeRequest); ' +
      'bevestigd: agreed, fills a place and counts in the reports',
  })
  status!: ConfirmationState;
  @ApiProperty({ type: String, nullable: true }) confirmedAt!: string | null;
  @ApiProperty({
    enum: CONFIRMED_VIA,
    nullable: true,
    description:
      'werkgever: confirmed in Werkbrug; telefoon: a werkmakelaar recorded a phone agreement; null: confirmed before employers were asked',
  })
  via!: ConfirmedVia | null;
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM-DD, with via telefoon' })
  phoneAgreedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What the employer asked to change' })
  changeRequest!: string | null;
  @ApiProperty({ type: String, nullable: true }) changeRequestedAt!: string | null;
  @ApiPropertyOptional({
    type: PlacementConfirmedByResponse,
    nullable: true,
    description: 'Brokers and the candidate: who confirmed or recorded it',
  })
  confirmedBy?: PlacementConfirmedByResponse | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Brokers and the candidate: the note with a phone agreement',
  })
  note?: string | null;
}

export class ArrangementRuleResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) arrangement!: string;
  @ApiProperty({ type: Number }) initialMonths!: number;
  @ApiProperty({ type: Number }) maxTotalMonths!: number;
  @ApiProperty({ type: Number, nullable: true }) minContractIntentMonths!: number | null;
  @ApiProperty({ type: String }) validFrom!: string;
  @ApiProperty({ type: String, nullable: true }) validTo!: string | null;
  @ApiProperty({ type: String, description: 'The last day the rule is known to hold' })
  knownUntil!: string;
  @ApiProperty({ type: String }) source!: string;
}

export class PlacementResponse {
  @ApiProperty({ type: PlacementCandidateResponse }) candidate!: PlacementCandidateResponse;
  @ApiProperty({ type: PlacementJobcoachResponse }) jobcoach!: PlacementJobcoachResponse;
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: PlacementVacancyResponse }) vacancy!: PlacementVacancyResponse;
  @ApiProperty({ type: String }) arrangement!: string;
  @ApiProperty({ type: String }) startDate!: string;
  @ApiProperty({ type: String, nullable: true }) plannedEndDate!: string | null;
  @ApiProperty({ type: Number }) hoursPerWeek!: number;
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'To the employer only when the candidate shared the financieel CV',
  })
  instruments!: string[];
  @ApiPropertyOptional({
    type: Boolean,
    description: 'The employer: whether the candidate shared the agreed instruments with them',
  })
  instrumentsShared?: boolean;
  @ApiProperty({ type: PlacementConfirmationResponse })
  confirmation!: PlacementConfirmationResponse;
  @ApiProperty({ type: String, isArray: true }) evaluationDates!: string[];
  @ApiProperty({ type: Number }) extensions!: number;
  @ApiProperty({ enum: PLACEMENT_STATUSES }) status!: PlacementStatus;
  @ApiProperty({ type: PlacementOutcomeResponse, nullable: true })
  outcome!: PlacementOutcomeResponse | null;
  @ApiProperty({ type: ArrangementRuleResponse, nullable: true })
  rule!: ArrangementRuleResponse | null;
  @ApiProperty({ type: String }) createdAt!: string;
  @ApiProperty({ type: String }) updatedAt!: string;
  @ApiProperty({ type: Number }) version!: number;
}

export class AttentionNoRecentContactResponse {
  @ApiProperty({ type: String }) candidateId!: string;
  @ApiProperty({ type: String }) pseudonym!: string;
  @ApiProperty({ type: String }) placementId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM-DD, null when never' })
  lastContactOn!: string | null;
}

export class AttentionEndingSoonResponse {
  @ApiProperty({ type: String }) placementId!: string;
  @ApiProperty({ type: String }) candidateId!: string;
  @ApiProperty({ type: String }) pseudonym!: string;
  @ApiProperty({ type: String }) arrangement!: string;
  @ApiProperty({ type: String, description: 'YYYY-MM-DD' }) plannedEndDate!: string;
}

export class AttentionResponse {
  @ApiProperty({ type: Number }) rhythmDays!: number;
  @ApiProperty({ type: AttentionNoRecentContactResponse, isArray: true })
  noRecentContact!: AttentionNoRecentContactResponse[];
  @ApiProperty({ type: AttentionEndingSoonResponse, isArray: true })
  endingSoon!: AttentionEndingSoonResponse[];
}

/** What a check-in row and a check-in in a list share. */
class CheckinBaseResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String, nullable: true }) placementId!: string | null;
  @ApiProperty({ type: String }) contactOn!: string;
  @ApiProperty({ enum: CHECKIN_KINDS }) kind!: CheckinKind;
  @ApiProperty({ type: String }) note!: string;
}

export class CheckinResponse extends CheckinBaseResponse {
  @ApiProperty({ type: String }) candidateId!: string;
}

export class CheckinListItemResponse extends CheckinBaseResponse {
  @ApiProperty({ type: String }) byUserId!: string;
}
