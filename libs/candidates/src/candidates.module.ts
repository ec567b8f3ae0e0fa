import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WerksoortenModule } from '@werkbrug/werksoorten';
import { Candidate } from './candidate.entity';
import { CandidateProtected } from './candidate-protected.entity';
import { CandidatesController } from './candidates.controller';
import { CandidatesService } from './candidates.service';
import { MyWishesController } from './my-wishes.controller';
import { CandidateWerksoortHolder } from './candidate-werksoort-holder';

@Module({
  imports: [TypeOrmModule.forFeature([Candidate, CandidateProtected]), WerksoortenModule],
  controllers: [CandidatesController, MyWishesController],
  providers: [CandidatesService, CandidateWerksoortHolder],
  exports: [CandidatesService],
})
export class CandidatesModule {}
