import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@werkbrug/jobs';
import { ImportService } from './import.service';

/**
 * The worker's side: every second it takes queued import jobs (and jobs whose worker died, once
 * their lease ran out) one after the other, until none is left.
 */
@Injectable()
export class ImportRunner {
  private readonly job = new PeriodicJob({
    name: 'import',
    logger: new Logger('ImportRunner'),
    run: async () => {
      let done = 0;
      while (!this.stopping && (await this.imports.processNext())) done += 1;
      return done;
    },
  });
  private stopping = false;

  constructor(private readonly imports: ImportService) {}

  start(everyMs = 1000) {
    this.stopping = false;
    this.job.start(everyMs);
  }

  async stop() {
    this.stopping = true;
    await this.job.stop();
  }

  /** One pass now (tests): resolves when the queue is empty. */
  drain(): Promise<void> {
    return this.job.runOnce();
  }
}
