import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '@werkbrug/auth';
import { MeiliClient } from '@werkbrug/search';
import { queryRows } from '@werkbrug/database';

type Check = { status: 'up' | 'down'; latencyMs: number };

/**
 * How long a readiness probe waits for a part: one that hangs (stopped, not dead) is down, and the
 * answer still comes in about a second, so an orchestrator's probe does not time out itself.
 */
export const PROBE_TIMEOUT_MS = 1000;

/** `fn` within `ms`, else false; a probe still running is left to finish (or fail) on its own. */
export async function within(fn: () => Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([fn().catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function timed(fn: () => Promise<boolean>): Promise<Check> {
  const start = performance.now();
  const ok = await within(fn, PROBE_TIMEOUT_MS);
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

  /**
   * Readiness: PostgreSQL and Meilisearch are reachable. 503 names the parts that are away in
   * `unavailable` (`database`, `search`); each part gets at most PROBE_TIMEOUT_MS.
   */
  @Get('ready')
  @Public()
  @ApiOperation({
    summary:
      'Readiness: PostgreSQL and Meilisearch are reachable; 503 names the parts that are away',
  })
  async ready(@Res({ passthrough: true }) res: Response) {
    const [database, search] = await Promise.all([
      timed(async () => {
        await queryRows(this.db, 'SELECT 1');
        return true;
      }),
      timed(() => this.meili.isAvailable(PROBE_TIMEOUT_MS)),
    ]);
    const checks = { database, search };
    const unavailable = (Object.keys(checks) as (keyof typeof checks)[]).filter(
      (part) => checks[part].status === 'down',
    );
    const ready = unavailable.length === 0;
    res.status(ready ? 200 : 503);
    return ready ? { status: 'ready', checks } : { status: 'degraded', unavailable, checks };
  }
}
