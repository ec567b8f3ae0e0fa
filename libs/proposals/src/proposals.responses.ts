import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMPLOYER_ANSWERS,
  MEETING_KINDS,
  PROPOSAL_STATUSES,
  type EmployerAnswer,
  type MeetingKind,
  type ProposalStatus,
} from './proposal-status';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of proposals.controller.ts, then reviewed; keep them in step with the views.
 */

export class ProposalPageResponse {
  @ApiProperty({ type: () => ProposalResponse, isArray: true })
  items!: ProposalResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: Number }) limit!: number;
}

export class ProposalCandidateResponse {
  @ApiProperty({ type: String }) pseudonym!: string;
  @ApiPropertyOptional({ type: String }) place?: string;
  @ApiPropertyOptional({ type: String, isArray: true }) werksoortWishes?: string[];
  @ApiPropertyOptional({ type: Number }) hoursMin?: number;
  @ApiPropertyOptional({ type: Number }) hoursMax?: number;
  @ApiPropertyOptional({ type: String, isArray: true }) certificates?: string[];
  @ApiPropertyOptional({ type: String }) languageLevel?: string;
  @ApiPropertyOptional({ type: String, isArray: true }) workConditions?: string[];
  @ApiPropertyOptional({ type: String }) id?: string;
}

export class ProposalSharedWerkmakelaarResponse {
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) email!: string;
}

export class ProposalSharedResponse {
  @ApiProperty({ type: String, nullable: true }) firstName!: string | null;
  @ApiProperty({ type: ProposalSharedWerkmakelaarResponse, nullable: true })
  werkmakelaar!: ProposalSharedWerkmakelaarResponse | null;
}

export class ProposalVacancyResponse {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String }) employerId!: string;
  @ApiProperty({ type: String }) employerName!: string;
  @ApiProperty({ type: String }) place!: string;
  @ApiProperty({ type: String, isArray: true }) arrangements!: string[];
}

export class ProposalMeetingResponse {
  @ApiProperty({ enum: MEETING_KINDS }) kind!: MeetingKind;
  @ApiProperty({ type: String, isArray: true }) dates!: string[];
}

export class ProposalClosedResponse {
  @ApiProperty({ type: String }) byRole!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class ProposalConsentResponse {
  @ApiProperty({ type: String, isArray: true }) sharedFields!: string[];
  @ApiProperty({ type: String }) givenAt!: string;
  @ApiProperty({ type: String }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true }) withdrawnAt!: string | null;
  @ApiProperty({ type: Boolean }) active!: boolean;
}

export class ProposalSharePreviewAnonymousProfileResponse {
  @ApiProperty({ type: String }) pseudonym!: string;
  @ApiProperty({ type: String }) place!: string;
  @ApiProperty({ type: String, isArray: true }) werksoortWishes!: string[];
  @ApiProperty({ type: Number }) hoursMin!: number;
  @ApiProperty({ type: Number }) hoursMax!: number;
  @ApiProperty({ type: String, isArray: true }) certificates!: string[];
  @ApiProperty({ type: String }) languageLevel!: string;
  @ApiProperty({ type: String, isArray: true }) workConditions!: string[];
}

export class ProposalSharePreviewResponse {
  @ApiProperty({ type: String, nullable: true }) firstName!: string | null;
  @ApiProperty({ type: ProposalSharedWerkmakelaarResponse })
  werkmakelaarContact!: ProposalSharedWerkmakelaarResponse;
  @ApiProperty({ type: ProposalSharePreviewAnonymousProfileResponse })
  anonymousProfile!: ProposalSharePreviewAnonymousProfileResponse;
  @ApiProperty({
    type: String,
    description:
      'The motivation as the employer reads it (or would, before consent): what identifies the candidate and is not shared is masked, such as [naam]',
  })
  motivation!: string;
}

export class ProposalResponse {
  @ApiProperty({ type: String, nullable: true }) motivation!: string | null;
  @ApiProperty({ type: ProposalCandidateResponse }) candidate!: ProposalCandidateResponse;
  @ApiPropertyOptional({ type: ProposalSharedResponse }) shared?: ProposalSharedResponse;
  @ApiPropertyOptional({ type: Boolean }) consentActive?: boolean;
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status!: ProposalStatus;
  @ApiProperty({ type: ProposalVacancyResponse }) vacancy!: ProposalVacancyResponse;
  @ApiProperty({ enum: EMPLOYER_ANSWERS, nullable: true }) employerAnswer!: EmployerAnswer | null;
  @ApiProperty({ type: ProposalMeetingResponse, nullable: true })
  meeting!: ProposalMeetingResponse | null;
  @ApiProperty({ type: ProposalClosedResponse, nullable: true })
  closed!: ProposalClosedResponse | null;
  @ApiProperty({ enum: PROPOSAL_STATUSES, isArray: true }) allowedNext!: ProposalStatus[];
  @ApiProperty({ type: String }) createdAt!: string;
  @ApiProperty({ type: String }) updatedAt!: string;
  @ApiProperty({ type: Number }) version!: number;
  @ApiPropertyOptional({ type: ProposalSharedWerkmakelaarResponse })
  werkmakelaar?: ProposalSharedWerkmakelaarResponse;
  @ApiPropertyOptional({ type: ProposalConsentResponse, nullable: true })
  consent?: ProposalConsentResponse | null;
  @ApiPropertyOptional({ type: ProposalSharePreviewResponse })
  sharePreview?: ProposalSharePreviewResponse;
}

export class ProposalEventResponse {
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String }) to!: string;
  @ApiProperty({ type: String }) byRole!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String }) at!: string;
}
