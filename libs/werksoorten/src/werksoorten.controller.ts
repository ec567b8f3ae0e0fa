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
import { Access, ROLES } from '@werkbrug/auth';
import { etag, IfMatchVersion } from '@werkbrug/http';
import { CreateWerksoortDto, UpdateWerksoortDto, WerksoortListQuery } from './werksoort.dto';
import { WerksoortenService } from './werksoorten.service';

@ApiTags('werksoorten')
@ApiBearerAuth()
@Controller('werksoorten')
export class WerksoortenController {
  constructor(private readonly werksoorten: WerksoortenService) {}

  @Get()
  @Access(...ROLES)
  list(@Query() query: WerksoortListQuery) {
    return this.werksoorten.list(query);
  }

  @Post()
  @Access('admin')
  create(@Body() dto: CreateWerksoortDto) {
    return this.werksoorten.create(dto);
  }

  @Get(':id')
  @Access(...ROLES)
  async get(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const w = await this.werksoorten.get(id);
    res.setHeader('ETag', etag(w.version));
    return w;
  }

  @Patch(':id')
  @Access('admin')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateWerksoortDto,
    @IfMatchVersion() ifMatch: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const w = await this.werksoorten.update(id, dto, ifMatch);
    res.setHeader('ETag', etag(w.version));
    return w;
  }

  @Delete(':id')
  @Access('admin')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.werksoorten.remove(id);
  }
}
