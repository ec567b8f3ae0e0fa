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
import { CreateVacancyDto, UpdateVacancyDto, VacancyListQuery } from './vacancy.dto';
import { VacanciesService } from './vacancies.service';
import { VacancyPageResponse, VacancyResponse } from './vacancies.responses';

@ApiTags('vacancies')
@ApiBearerAuth()
@Controller('vacancies')
export class VacanciesController {
  constructor(private readonly vacancies: VacanciesService) {}

  @Get()
  @ApiOkResponse({ type: VacancyPageResponse })
  @Access(...ROLES)
  @ApiOperation({ summary: 'List vacancies' })
  @ApiProblemResponses(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: VacancyListQuery) {
    return this.vacancies.list(actor, query);
  }

  @Post()
  @ApiCreatedResponse({ type: VacancyResponse })
  @Access('admin', 'werkmakelaar', 'werkgever')
  @ApiOperation({ summary: 'Create a vacancy' })
  @ApiProblemResponses(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateVacancyDto) {
    return this.vacancies.create(actor, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: VacancyResponse })
  @Access(...ROLES)
  @ApiOperation({ summary: 'One vacancy' })
  @ApiProblemResponses(400, 404)
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.vacancies.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: VacancyResponse })
  @Access('admin', 'werkmakelaar', 'werkgever')
  @ApiOperation({ summary: 'Update a vacancy (If-Match)' })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateVacancyDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.vacancies.update(actor, id, dto, ifMatch);
  }

  @Delete(':id')
  @Access('admin', 'werkmakelaar', 'werkgever')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a vacancy' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(400, 404)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    await this.vacancies.remove(actor, id);
  }
}
