import { Module } from '@nestjs/common';
import { CandidatesModule } from '@werkbrug/candidates';
import { MailModule } from '@werkbrug/mail';
import { PrivacyCoreModule } from '@werkbrug/privacy';
import { EvaluationRemindersService } from './evaluation-reminders.service';
import { LadderService } from './ladder.service';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoriesService } from './trajectories.service';
import { TrajectoryErasure } from './trajectory-erasure';
import { TrajectoryRulesService } from './trajectory-rules.service';

/** Trajectories, hours against the organisation's limits, plan van aanpak, ladder history, Simpel Switchen. */
@Module({
  imports: [CandidatesModule, MailModule, PrivacyCoreModule],
  controllers: [TrajectoriesController],
  providers: [
    TrajectoriesService,
    TrajectoryRulesService,
    LadderService,
    EvaluationRemindersService,
    TrajectoryErasure,
  ],
  exports: [TrajectoriesService, LadderService, EvaluationRemindersService, TrajectoryRulesService],
})
export class TrajectoriesModule {}
