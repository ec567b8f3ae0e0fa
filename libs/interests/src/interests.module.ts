import { Module } from '@nestjs/common';
import { CandidatesModule } from '@werkbrug/candidates';
import { MailModule } from '@werkbrug/mail';
import { VacanciesModule } from '@werkbrug/vacancies';
import { InterestsController } from './interests.controller';
import { InterestsErasureModule } from './interests-erasure.module';
import { InterestsService } from './interests.service';

@Module({
  imports: [CandidatesModule, VacanciesModule, MailModule, InterestsErasureModule],
  controllers: [InterestsController],
  providers: [InterestsService],
  exports: [InterestsService],
})
export class InterestsModule {}
