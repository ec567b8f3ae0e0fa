import { Injectable, OnModuleInit } from '@nestjs/common';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { CandidatesService } from './candidates.service';

/** A werksoort merge moves the candidates' wishes through CandidatesService (wishes hold codes). */
@Injectable()
export class CandidateWerksoortHolder implements OnModuleInit {
  constructor(
    private readonly werksoorten: WerksoortenService,
    private readonly candidates: CandidatesService,
  ) {}

  onModuleInit() {
    this.werksoorten.registerHolder('candidates', {
      moveWerksoort: (em, from, into) => this.candidates.renameWerksoort(em, from.code, into.code),
    });
  }
}
