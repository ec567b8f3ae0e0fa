import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor, ROLES } from '@werkbrug/auth';
import { MatchingService } from '../matching.service';
import { VacancySearchService } from '../vacancy-search.service';
import { CandidateMatchQuery, VacancyMatchQuery, VacancySearchQuery } from './match-query.dto';
import {
  CandidateMatchesResponse,
  VacancyMatchesResponse,
  VacancySearchResponse,
} from './matching.responses';
import { ApiProblemResponses } from '@werkbrug/http';

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchingController {
  constructor(
    private readonly matching: MatchingService,
    private readonly search: VacancySearchService,
  ) {}

  @Get('candidates/:id/matches')
  @ApiOkResponse({ type: CandidateMatchesResponse })
  @Access('werkmakelaar', 'kandidaat')
  @ApiOperation({
    summary: 'Workplaces that fit this candidate, with reasons, and near misses with blockers',
  })
  @ApiProblemResponses(400, 404, 422)
  forCandidate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: CandidateMatchQuery,
  ) {
    return this.matching.forCandidate(actor, id, query);
  }

  @Get('vacancies/:id/matches')
  @ApiOkResponse({ type: VacancyMatchesResponse })
  @Access('werkmakelaar')
  @ApiOperation({
    summary: "Candidates of the caller's organisation who fit this workplace (pseudonymous)",
  })
  @ApiProblemResponses(400, 404, 422)
  forVacancy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: VacancyMatchQuery,
  ) {
    return this.matching.forVacancy(actor, id, query);
  }

  @Get('search/vacancies')
  @ApiOkResponse({ type: VacancySearchResponse })
  @Access(...ROLES)
  @ApiOperation({ summary: 'Browse open workplaces with facets per werksoort and arrangement' })
  @ApiProblemResponses(400, 422)
  searchVacancies(@CurrentActor() actor: Actor, @Query() query: VacancySearchQuery) {
    return this.search.search(actor, query);
  }
}
