import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ErasureService } from './erasure.service';

/**
 * At API start-up, before it listens: erasures made after the backup that was restored are made
 * again (see erasure-log.ts), so a restore never brings an erased file back.
 */
@Injectable()
export class ErasureLogReplayer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ErasureLogReplayer.name);

  constructor(private readonly erasure: ErasureService) {}

  async onApplicationBootstrap() {
    const erased = await this.erasure.replayLog();
    if (erased)
      this.logger.warn({ erased }, 'erasure log replayed: files erased again after a restore');
  }
}
