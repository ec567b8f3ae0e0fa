import { Module } from '@nestjs/common';
import { CandidatesModule } from '@werkbrug/candidates';
import { CaseloadController } from './caseload.controller';
import { CaseloadService } from './caseload.service';

@Module({
  imports: [CandidatesModule],
  controllers: [CaseloadController],
  providers: [CaseloadService],
  exports: [CaseloadService],
})
export class CaseloadModule {}
