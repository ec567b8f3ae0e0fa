import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { CaseloadPage, CaseloadQuery } from './caseload.dto';
import { CaseloadService } from './caseload.service';
import { ApiProblemResponses } from '@werkbrug/http';

@ApiTags('caseload')
@ApiBearerAuth()
@Controller('caseload')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Get()
  @Access('werkmakelaar')
  @ApiOperation({
    summary: 'Your caseload with what needs attention and how complete each file is',
    description:
      'Attention: no contact for 14 days (in a trajectory), placement ending within 14 days, interest ' +
      'signals not yet seen, consent or employer answer waiting, participatieladder measured more than 6 ' +
      'months ago, profile less than 70% complete. Filter, search, sort and page.',
  })
  @ApiOkResponse({ type: CaseloadPage })
  @ApiProblemResponses(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: CaseloadQuery): Promise<CaseloadPage> {
    return this.caseload.list(actor, query);
  }
}
