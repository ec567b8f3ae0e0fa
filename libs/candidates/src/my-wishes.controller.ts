import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { IfMatchVersion, Problems, ApiProblemResponses } from '@werkbrug/http';
import { CandidatesService } from './candidates.service';
import { toWishesView, UpdateWishesDto, WishesView } from './wishes.dto';

/**
 * "Mijn wensen": the candidate edits their own wishes. The update goes through the same service as the
 * werkmakelaar's (scoping, version check, audit line, outbox row for search), so suggestions follow.
 */
@ApiTags('candidates')
@ApiBearerAuth()
@Controller('me/wishes')
export class MyWishesController {
  constructor(private readonly candidates: CandidatesService) {}

  private self(actor: Actor): string {
    if (!actor.candidateId) throw Problems.notFound('Candidate');
    return actor.candidateId;
  }

  @Get()
  @Access('kandidaat')
  @ApiOperation({ summary: 'Your wishes: werksoorten, interests, hours, days, travel' })
  @ApiOkResponse({ type: WishesView })
  async get(@CurrentActor() actor: Actor): Promise<WishesView> {
    const c = await this.candidates
      .scoped(actor)
      .andWhere('c.id = :id', { id: this.self(actor) })
      .getOne();
    if (!c) throw Problems.notFound('Candidate');
    return toWishesView(c);
  }

  @Patch()
  @Access('kandidaat')
  @ApiOperation({
    summary: 'Change your wishes (send the version you read); your suggestions follow',
    description:
      'Only werksoortWishes, interests, hoursMin, hoursMax, days, dayparts, travelMode, maxTravelKm and ' +
      'maxTravelMinutes; other fields are refused (400). Your werkmakelaar keeps the rest of your file.',
  })
  @ApiOkResponse({ type: WishesView })
  @ApiProblemResponses(400, 409, 422, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Body() dto: UpdateWishesDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ): Promise<WishesView> {
    const file = await this.candidates.update(actor, this.self(actor), dto, ifMatch);
    return toWishesView(file);
  }
}
