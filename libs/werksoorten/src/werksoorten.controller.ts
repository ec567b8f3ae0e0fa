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
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, ROLES } from '@werkbrug/auth';
import { IfMatchVersion } from '@werkbrug/http';
import { CreateWerksoortDto, UpdateWerksoortDto, WerksoortListQuery } from './werksoort.dto';
import { WerksoortenService } from './werksoorten.service';
import { WerksoortPageResponse, WerksoortResponse } from './werksoorten.responses';

@ApiTags('werksoorten')
@ApiBearerAuth()
@Controller('werksoorten')
export class WerksoortenController {
  constructor(private readonly werksoorten: WerksoortenService) {}

  @Get()
  @ApiOkResponse({ type: WerksoortPageResponse })
  @Access(...ROLES)
  list(@Query() query: WerksoortListQuery) {
    return this.werksoorten.list(query);
  }

  @Post()
  @ApiCreatedResponse({ type: WerksoortResponse })
  @Access('admin')
  create(@Body() dto: CreateWerksoortDto) {
    return this.werksoorten.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: WerksoortResponse })
  @Access(...ROLES)
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return this.werksoorten.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WerksoortResponse })
  @Access('admin')
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
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.werksoorten.remove(id);
  }
}
