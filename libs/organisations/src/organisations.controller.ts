import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor, ROLES } from '@werkbrug/auth';
import { IfMatchVersion } from '@werkbrug/http';
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
  list(@CurrentActor() actor: Actor, @Query() query: OrganisationListQuery) {
    return this.organisations.list(actor, query);
  }

  @Post()
  @ApiCreatedResponse({ type: OrganisationResponse })
  @Access('admin')
  create(@Body() dto: CreateOrganisationDto) {
    return this.organisations.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganisationResponse })
  @Access(...ROLES)
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.organisations.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: OrganisationResponse })
  @Access('admin')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOrganisationDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.organisations.update(actor, id, dto, ifMatch);
  }
}
