import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CandidatesModule } from '@werkbrug/candidates';
import { MailModule } from '@werkbrug/mail';
import { PrivacyCoreModule } from '@werkbrug/privacy';
import { ProposalsModule } from '@werkbrug/proposals';
import { VacanciesModule } from '@werkbrug/vacancies';
import { ArrangementRule } from './arrangement-rule.entity';
import { AttentionScheduler } from './attention-scheduler';
import { ArrangementRulesService } from './arrangement-rules.service';
import { Checkin } from './checkin.entity';
import { PlacementAttentionService } from './placement-attention.service';
import { Placement } from './placement.entity';
import { PlacementErasure } from './placement-erasure';
import { PlacementsController } from './placements.controller';
import { PlacementsService } from './placements.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Placement, ArrangementRule, Checkin]),
    ProposalsModule,
    // Capacity of a workplace changes only through VacanciesService (the vacancies module owns the table).
    VacanciesModule,
    // Names for the no-contact mail through CandidatesService.protectedFactsFor (weergave).
    CandidatesModule,
    MailModule,
    PrivacyCoreModule,
  ],
  controllers: [PlacementsController],
  providers: [
    PlacementsService,
    PlacementAttentionService,
    ArrangementRulesService,
    AttentionScheduler,
    PlacementErasure,
  ],
  exports: [
    PlacementsService,
    PlacementAttentionService,
    AttentionScheduler,
    ArrangementRulesService,
  ],
})
export class PlacementsModule {}
