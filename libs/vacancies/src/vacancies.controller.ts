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
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, type Actor, CurrentActor, ROLES } from '@werkbrug/auth';
import { etag, IfMatchVersion } from '@werkbrug/http';
import { CreateVacancyDto, UpdateVacancyDto, VacancyListQuery } from './vacancy.dto';
import { VacanciesService } from './vacancies.service';

@ApiTags('vacancies')
@ApiBearerAuth()
@Controller('vacancies')
export class VacanciesController {
  constructor(private readonly vacancies: VacanciesService) {}

  @Get()
  @Access(...ROLES)
  list(@CurrentActor() actor: Actor, @Query() query: VacancyListQuery) {
    return this.vacancies.list(actor, query);
  }

  @Post()
  @Access('admin', 'werkmakelaar', 'werkgever')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateVacancyDto) {
    return this.vacancies.create(actor, dto);
  }

  @Get(':id')
  @Access(...ROLES)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const v = await this.vacancies.get(actor, id);
    res.setHeader('ETag', etag(v.version));
    return v;
  }

  @Patch(':id')
  @Access('admin', 'werkmakelaar', 'werkgever')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateVacancyDto,
    @IfMatchVersion() ifMatch: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const v = await this.vacancies.update(actor, id, dto, ifMatch);
    res.setHeader('ETag', etag(v.version));
    return v;
  }

  @Delete(':id')
  @Access('admin', 'werkmakelaar', 'werkgever')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    await this.vacancies.remove(actor, id);
  }
}
