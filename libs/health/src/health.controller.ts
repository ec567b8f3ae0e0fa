import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '@werkbrug/auth';
import { MeiliClient } from '@werkbrug/search';
import { queryRows } from '@werkbrug/database';

type Check = { status: 'up' | 'down'; latencyMs: number };

async function timed(fn: () => Promise<boolean>): Promise<Check> {
  const start = performance.now();
  const ok = await fn().catch(() => false);
  return {
    status: ok ? 'up' : 'down',
    latencyMs: Math.round((performance.now() - start) * 10) / 10,
  };
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meili: MeiliClient,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Meilisearch are reachable. */
  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Meilisearch are reachable' })
  async ready(@Res({ passthrough: true }) res: Response) {
    const [database, search] = await Promise.all([
      timed(async () => {
        await queryRows(this.db, 'SELECT 1');
        return true;
      }),
      timed(() => this.meili.isAvailable()),
    ]);
    const ready = database.status === 'up' && search.status === 'up';
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'degraded', checks: { database, search } };
  }
}
