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
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { IfMatchVersion, ApiProblemResponses } from '@werkbrug/http';
import { CreateEmployerDto, EmployerListQuery, UpdateEmployerDto } from './employer.dto';
import { EmployersService } from './employers.service';
import { EmployerPageResponse, EmployerResponse } from './employers.responses';

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Get()
  @ApiOkResponse({ type: EmployerPageResponse })
  @Access('admin', 'werkmakelaar', 'werkgever')
  @ApiOperation({ summary: 'List employers' })
  @ApiProblemResponses(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: EmployerListQuery) {
    return this.employers.list(actor, query);
  }

  @Post()
  @ApiCreatedResponse({ type: EmployerResponse })
  @Access('admin', 'werkmakelaar')
  @ApiOperation({ summary: 'Create an employer' })
  @ApiProblemResponses(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEmployerDto) {
    return this.employers.create(actor, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: EmployerResponse })
  @Access('admin', 'werkmakelaar', 'werkgever')
  @ApiOperation({ summary: 'One employer' })
  @ApiProblemResponses(400, 404)
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.employers.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: EmployerResponse })
  @Access('admin', 'werkmakelaar', 'werkgever')
  @ApiOperation({ summary: 'Update an employer (If-Match)' })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateEmployerDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.employers.update(actor, id, dto, ifMatch);
  }

  @Delete(':id')
  @Access('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an employer that nothing refers to' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(400, 404, 409)
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.employers.remove(id);
  }
}
