import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { Access, type Actor, CurrentActor, ROLES } from '@werkbrug/auth';
import { IfMatchVersion, ApiProblemResponses } from '@werkbrug/http';
import {
  CreateOrganisationDto,
  OrganisationListQuery,
  UpdateOrganisationDto,
} from './organisation.dto';
import { OrganisationsService } from './organisations.service';
import { OrganisationPageResponse, OrganisationResponse } from './organisations.responses';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @ApiOkResponse({ type: OrganisationPageResponse })
  @Access(...ROLES)
  @ApiOperation({ summary: 'List organisations' })
  @ApiProblemResponses(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: OrganisationListQuery) {
    return this.organisations.list(actor, query);
  }

  @Post()
  @ApiCreatedResponse({ type: OrganisationResponse })
  @Access('admin')
  @ApiOperation({ summary: 'Create an organisation' })
  @ApiProblemResponses(400, 422)
  create(@Body() dto: CreateOrganisationDto) {
    return this.organisations.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganisationResponse })
  @Access(...ROLES)
  @ApiOperation({ summary: 'One organisation' })
  @ApiProblemResponses(400, 404)
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.organisations.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: OrganisationResponse })
  @Access('admin')
  @ApiOperation({ summary: 'Update an organisation (If-Match)' })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOrganisationDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.organisations.update(actor, id, dto, ifMatch);
  }
}
