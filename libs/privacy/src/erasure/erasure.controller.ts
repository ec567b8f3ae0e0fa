import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { CandidatesService } from '@werkbrug/candidates';
import { Problems, ApiProblemResponses } from '@werkbrug/http';
import { SelfErasureRequest } from './erasure.dto';
import { CandidateLock, ErasureService } from './erasure.service';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller()
export class ErasureController {
  constructor(
    private readonly erasure: ErasureService,
    private readonly candidates: CandidatesService,
  ) {}

  /** The candidates module's own scoping, applied under a row lock inside the erasure transaction. */
  private visibleTo(actor: Actor): CandidateLock {
    return async (em, id) =>
      !!(await this.candidates
        .scoped(actor, em)
        .andWhere('c.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne());
  }

  @Delete('candidates/:id')
  @Access('werkmakelaar')
  @HttpCode(204)
  @ApiOperation({
    summary: "Erase a candidate's file on their request (AVG art. 17); cannot be undone",
    description:
      'Deletes the protected data, anonymises the work profile for statistics, deactivates the ' +
      "candidate's accounts and ends their sessions, and removes the file from search.",
  })
  @ApiNoContentResponse({ description: 'Erased' })
  @ApiProblemResponses(400, 404)
  async erase(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    if (!(await this.erasure.erase(actor, id, 'request', this.visibleTo(actor))))
      throw Problems.notFound('Candidate');
  }

  @Post('me/erasure')
  @Access('kandidaat')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Erase my own file and account; cannot be undone (this token stops working)',
  })
  @ApiNoContentResponse({ description: 'Erased' })
  @ApiProblemResponses(400, 422)
  async eraseSelf(@CurrentActor() actor: Actor, @Body() _confirmation: SelfErasureRequest) {
    const id = actor.candidateId;
    if (!id || !(await this.erasure.erase(actor, id, 'self', this.visibleTo(actor))))
      throw Problems.notFound('Candidate');
  }
}
