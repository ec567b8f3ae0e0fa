import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { Page, ApiProblemResponses } from '@werkbrug/http';
import { AuditPageQuery, CandidateAuditEntryView, CandidateAuditPage } from './audit-trail.dto';
import { AuditTrailService, toCandidateAuditEntry } from './audit-trail.service';

/** The candidate's own view of who read or changed their file (AVG art. 15). */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('me')
export class MyAuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get('audit')
  @Access('kandidaat')
  @ApiOperation({
    summary: 'Who read or changed my file: role, organisation, when, what and why (newest first)',
  })
  @ApiOkResponse({ type: CandidateAuditPage })
  @ApiProblemResponses(400, 422)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: AuditPageQuery,
  ): Promise<Page<CandidateAuditEntryView>> {
    // A kandidaat account always carries its candidate id; the guard resolved it from the token.
    const candidateId = actor.candidateId ?? '00000000-0000-0000-0000-000000000000';
    return this.trail.page({ candidateId }, query, toCandidateAuditEntry);
  }
}
