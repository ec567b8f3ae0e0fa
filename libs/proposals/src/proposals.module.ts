import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CandidatesModule } from '@werkbrug/candidates';
import { MailModule } from '@werkbrug/mail';
import { PrivacyCoreModule } from '@werkbrug/privacy';
import { Consent } from './consent.entity';
import { Meeting, MeetingOption, MeetingOutcomeRecord } from './meeting.entity';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { Proposal } from './proposal.entity';
import { ProposalErasure } from './proposal-erasure';
import { ProposalEvent } from './proposal-event.entity';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';
import { SharedParts } from './shared-parts';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Proposal,
      ProposalEvent,
      Consent,
      Meeting,
      MeetingOption,
      MeetingOutcomeRecord,
    ]),
    // First names and the candidate's mail address through CandidatesService.protectedFactsFor.
    CandidatesModule,
    MailModule,
    PrivacyCoreModule,
  ],
  controllers: [ProposalsController, MeetingsController],
  providers: [ProposalsService, MeetingsService, ProposalErasure, SharedParts],
  // MeetingsService also runs the day-before reminders in the worker (startReminders).
  exports: [ProposalsService, MeetingsService, SharedParts],
})
export class ProposalsModule {}
