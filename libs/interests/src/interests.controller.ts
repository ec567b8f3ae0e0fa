import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import {
  CreateInterestDto,
  InterestListQuery,
  InterestSignalList,
  InterestSignalPage,
  InterestSignalRow,
  InterestSignalView,
} from './interest.dto';
import { InterestsService } from './interests.service';
import { ApiProblemResponses } from '@werkbrug/http';

@ApiTags('interests')
@ApiBearerAuth()
@Controller()
export class InterestsController {
  constructor(private readonly interests: InterestsService) {}

  @Post('me/interests')
  @Access('kandidaat')
  @ApiOperation({
    summary: '"Ik heb interesse": tell your werkmakelaar a workplace interests you',
    description:
      'Your werkmakelaar gets a mail and sees it in the console. Saying it again for the same workplace ' +
      'answers 200 with the signal you already have.',
  })
  @ApiCreatedResponse({ type: InterestSignalView })
  @ApiOkResponse({ type: InterestSignalView, description: 'Already said: the existing signal' })
  @ApiProblemResponses(400, 422)
  async express(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateInterestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InterestSignalView> {
    const { created, signal } = await this.interests.express(actor, dto);
    res.status(created ? 201 : 200);
    return signal;
  }

  @Get('me/interests')
  @Access('kandidaat')
  @ApiOperation({ summary: 'Your interest signals and what happened with them' })
  @ApiOkResponse({ type: InterestSignalList })
  async mine(@CurrentActor() actor: Actor): Promise<InterestSignalList> {
    return { items: await this.interests.mine(actor) };
  }

  @Post('me/interests/:id/withdraw')
  @Access('kandidaat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an interest signal back' })
  @ApiOkResponse({ type: InterestSignalView })
  @ApiProblemResponses(400, 404)
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.interests.withdraw(actor, id);
  }

  @Get('interests')
  @Access('werkmakelaar')
  @ApiOperation({
    summary: "Interest signals of your organisation's candidates (open: not yet proposed)",
  })
  @ApiOkResponse({ type: InterestSignalPage })
  @ApiProblemResponses(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: InterestListQuery) {
    return this.interests.forOrganisation(actor, query);
  }

  @Post('interests/:id/seen')
  @Access('werkmakelaar')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a signal as seen; the candidate sees "gezien"' })
  @ApiOkResponse({ type: InterestSignalRow })
  @ApiProblemResponses(400, 404)
  seen(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.interests.markSeen(actor, id);
  }
}
