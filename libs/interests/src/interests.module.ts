import { Module } from '@nestjs/common';
import { CandidatesModule } from '@werkbrug/candidates';
import { MailModule } from '@werkbrug/mail';
import { PrivacyCoreModule } from '@werkbrug/privacy';
import { VacanciesModule } from '@werkbrug/vacancies';
import { InterestsController } from './interests.controller';
import { InterestsErasure } from './interests-erasure';
import { InterestsService } from './interests.service';

@Module({
  imports: [CandidatesModule, VacanciesModule, MailModule, PrivacyCoreModule],
  controllers: [InterestsController],
  providers: [InterestsService, InterestsErasure],
  exports: [InterestsService],
})
export class InterestsModule {}
