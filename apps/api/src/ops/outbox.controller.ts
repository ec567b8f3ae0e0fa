import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Access } from '@werkbrug/auth';
import { OutboxService } from '@werkbrug/outbox';
import { OutboxMessagesResponse, OutboxRetryResponse } from './outbox.responses';

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
  async retryDead() {
    return { requeued: await this.outbox.retryDead() };
  }
}
