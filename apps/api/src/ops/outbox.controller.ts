import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiPropertyOptional,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Access } from '@werkbrug/auth';
import { OutboxService } from '@werkbrug/outbox';
import { OutboxMessagesResponse, OutboxRetryResponse } from './outbox.responses';
import { ApiProblemResponses, Problems } from '@werkbrug/http';

export class OutboxQuery {
  @ApiPropertyOptional({ enum: ['pending', 'retrying', 'processing', 'dead'] })
  @IsOptional()
  @IsIn(['pending', 'retrying', 'processing', 'dead'])
  status?: 'pending' | 'retrying' | 'processing' | 'dead';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** Operators see what is waiting or failing, with the last error, and can requeue dead messages. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOkResponse({ type: OutboxMessagesResponse })
  @Access('admin')
  @ApiOperation({ summary: 'Outbox messages that are not done yet, with counts per status' })
  @ApiProblemResponses(400, 422)
  async list(@Query() query: OutboxQuery) {
    return {
      stats: await this.outbox.stats(),
      items: await this.outbox.unfinished(query.limit ?? 50, query.status),
    };
  }

  @Post('retry-dead')
  @ApiOkResponse({ type: OutboxRetryResponse })
  @Access('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry every dead outbox message' })
  async retryDead() {
    return { requeued: await this.outbox.retryDead() };
  }

  @Post(':id/retry')
  @ApiOkResponse({ type: OutboxRetryResponse })
  @Access('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry one dead outbox message' })
  @ApiProblemResponses(400, 404)
  async retryOne(@Param('id', ParseUUIDPipe) id: string) {
    if (!(await this.outbox.retryOne(id))) throw Problems.notFound('Dead outbox message');
    return { requeued: 1 };
  }
}
