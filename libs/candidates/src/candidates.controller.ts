import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { IfMatchVersion, ApiProblemResponses } from '@werkbrug/http';
import { CandidateListQuery, CreateCandidateDto, UpdateCandidateDto } from './candidate.dto';
import { CandidatesService } from './candidates.service';
import {
  CandidatePageResponse,
  CandidateFileResponse,
  CandidateResponse,
} from './candidates.responses';

const PURPOSE_HEADER = 'x-purpose';

@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Get()
  @ApiOkResponse({ type: CandidatePageResponse })
  @Access('admin', 'werkmakelaar')
  @ApiOperation({ summary: 'List candidates' })
  @ApiProblemResponses(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: CandidateListQuery) {
    return this.candidates.list(actor, query);
  }

  @Post()
  @ApiCreatedResponse({ type: CandidateFileResponse })
  @Access('werkmakelaar')
  @ApiOperation({ summary: 'Create a candidate' })
  @ApiProblemResponses(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCandidateDto) {
    return this.candidates.create(actor, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: CandidateResponse })
  @Access('admin', 'werkmakelaar', 'kandidaat')
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description:
      'Required for werkmakelaars (400 PURPOSE_REQUIRED without it): why the full file is read; kept in the audit trail',
  })
  @ApiOperation({ summary: 'One candidate (personal details need X-Purpose)' })
  @ApiProblemResponses(400, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers(PURPOSE_HEADER) purpose: string | undefined,
  ) {
    return this.candidates.get(actor, id, purpose);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CandidateResponse })
  @Access('werkmakelaar', 'kandidaat')
  @ApiOperation({ summary: 'Update a candidate (If-Match)' })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCandidateDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.candidates.update(actor, id, dto, ifMatch);
  }
}
