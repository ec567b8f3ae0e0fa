import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
  ApiNoContentResponse,
} from '@nestjs/swagger';
import { Access, type Actor, CurrentActor, ROLES } from '@werkbrug/auth';
import { IfMatchVersion, ApiProblemResponses } from '@werkbrug/http';
import {
  CreateWerksoortDto,
  MergeWerksoortDto,
  UpdateWerksoortDto,
  WerksoortListQuery,
} from './werksoort.dto';
import { WerksoortenService } from './werksoorten.service';
import {
  WerksoortMergeResponse,
  WerksoortPageResponse,
  WerksoortResponse,
} from './werksoorten.responses';

@ApiTags('werksoorten')
@ApiBearerAuth()
@Controller('werksoorten')
export class WerksoortenController {
  constructor(private readonly werksoorten: WerksoortenService) {}

  @Get()
  @ApiOkResponse({ type: WerksoortPageResponse })
  @Access(...ROLES)
  @ApiOperation({ summary: 'List werksoorten (kinds of work)' })
  @ApiProblemResponses(400, 422)
  list(@Query() query: WerksoortListQuery) {
    return this.werksoorten.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: WerksoortResponse })
  @Access('admin')
  @ApiOperation({ summary: 'Create a werksoort' })
  @ApiProblemResponses(400, 422)
  create(@Body() dto: CreateWerksoortDto) {
    return this.werksoorten.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: WerksoortResponse })
  @Access(...ROLES)
  @ApiOperation({ summary: 'One werksoort' })
  @ApiProblemResponses(400, 404)
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return this.werksoorten.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WerksoortResponse })
  @Access('admin')
  @ApiOperation({ summary: 'Update a werksoort (If-Match)' })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateWerksoortDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.werksoorten.update(id, dto, ifMatch);
  }

  @Delete(':id')
  @Access('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a werksoort that nothing refers to' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(400, 404, 409)
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.werksoorten.remove(id);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOkResponse({ type: WerksoortMergeResponse })
  @Access('admin')
  @ApiOperation({
    summary: 'Merge this werksoort into another',
    description:
      'Every workplace and candidate wish moves to `into`; the name of this werksoort becomes a ' +
      'synonym of `into`; this werksoort is deactivated. Search follows through the outbox. Audited.',
  })
  @ApiProblemResponses(400, 404, 409, 422)
  async merge(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MergeWerksoortDto,
  ) {
    return this.werksoorten.merge(actor, id, dto);
  }
}
