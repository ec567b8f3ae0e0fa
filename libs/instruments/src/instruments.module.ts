import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CandidatesModule } from '@werkbrug/candidates';
import { MailModule } from '@werkbrug/mail';
import { PlacementsModule } from '@werkbrug/placements';
import { PrivacyCoreModule } from '@werkbrug/privacy';
import { TrajectoriesModule } from '@werkbrug/trajectories';
import { ProposalsModule } from '@werkbrug/proposals';
import { CandidateInstrumentsService } from './candidate-instruments.service';
import {
  Instrument,
  InstrumentCalculation,
  InstrumentDeadline,
  InstrumentRuleVersion,
} from './instrument.entity';
import {
  InstrumentDeadlineScheduler,
  InstrumentDeadlinesService,
} from './instrument-deadlines.service';
import { FinancieelCv } from './financieel-cv';
import { InstrumentErasure } from './instrument-erasure';
import { InstrumentsController } from './instruments.controller';
import { InstrumentsService } from './instruments.service';
import { PlacementInstrumentsService } from './placement-instruments.service';
import { RuleHorizonScheduler, RuleHorizonsService } from './rule-horizons.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Instrument,
      InstrumentRuleVersion,
      InstrumentCalculation,
      InstrumentDeadline,
    ]),
    // Age and benefit facts through CandidatesService.protectedFactsFor (instrumentberekening).
    CandidatesModule,
    MailModule,
    PrivacyCoreModule,
    // Registers the financieel CV as a share option on proposals.
    ProposalsModule,
    // The rules that run out: arrangement and trajectory hour rules next to the instruments'.
    PlacementsModule,
    TrajectoriesModule,
  ],
  controllers: [InstrumentsController],
  providers: [
    InstrumentsService,
    CandidateInstrumentsService,
    PlacementInstrumentsService,
    InstrumentDeadlinesService,
    InstrumentDeadlineScheduler,
    InstrumentErasure,
    FinancieelCv,
    RuleHorizonsService,
    RuleHorizonScheduler,
  ],
  exports: [
    RuleHorizonsService,
    RuleHorizonScheduler,
    InstrumentsService,
    CandidateInstrumentsService,
    InstrumentDeadlinesService,
    InstrumentDeadlineScheduler,
  ],
})
export class InstrumentsModule {}
