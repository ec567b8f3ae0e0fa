import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { ProblemException } from '@werkbrug/http';
import { SharedParts } from '@werkbrug/proposals';
import { CandidateInstrumentsService } from './candidate-instruments.service';
import { financieelCvView } from './instrument.views';
import { InstrumentsService } from './instruments.service';

/**
 * The "financieel CV" share option on a proposal: the instrument outcome for that workplace, today.
 * Computed on each read, so withdrawing consent removes it at once and nothing about it is stored.
 */
@Injectable()
export class FinancieelCv implements OnModuleInit {
  constructor(
    private readonly parts: SharedParts,
    private readonly candidates: CandidateInstrumentsService,
    private readonly instruments: InstrumentsService,
  ) {}

  onModuleInit() {
    this.parts.register('financieelCv', (em, ctx) =>
      this.forWorkplace(em, ctx.candidateId, ctx.vacancyId, ctx.actor ?? null),
    );
  }

  /**
   * The outcome reads the candidate's benefit facts for the purpose financieelCv: only the outcome
   * leaves, and it is worked out on every proposal view and list, so the read is not audited per
   * proposal (the employer's sight of it is audited as proposal.shared_read).
   */
  async forWorkplace(
    em: EntityManager,
    candidateId: string,
    vacancyId: string,
    actor: Actor | null = null,
  ) {
    const workplace = await this.candidates.workplace(em, vacancyId);
    const facts = workplace
      ? await this.candidates.facts(em, candidateId, { workplace, actor, purpose: 'financieelCv' })
      : null;
    if (!facts) return null;
    try {
      return financieelCvView(await this.instruments.evaluate(facts, em));
    } catch (error) {
      // No rule in force today: the employer sees no outcome rather than an error.
      if (error instanceof ProblemException) return null;
      throw error;
    }
  }
}
