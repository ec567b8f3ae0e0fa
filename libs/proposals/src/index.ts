export * from './consent.entity';
export * from './proposal.entity';
export * from './proposal-event.entity';
export * from './proposal-status';
export * from './proposals.module';
export * from './proposals.service';
export * from './shared-parts';
export * from './proposal-access';
export {
  asProposalView,
  employerProposalView,
  isEmployerProposalView,
  isProposalView,
  type AnyProposalView,
  type EmployerProposalView,
  type ProposalView,
  type SharedPartValues,
} from './proposal.views';
export * from './proposal.dto';
export {
  IDENTIFYING_KINDS,
  type IdentifyingKind,
  identifyingKinds,
  identifyingTextMessage,
  maskIdentifying,
} from './identifying-text';
/** The employer's addresses (contact address and active users), for mail about a workplace's candidates. */
export { employerEmails } from './proposal-mails';
export * from './meeting.entity';
export * from './meeting-status';
export * from './meeting.dto';
export * from './meeting-options';
export * from './meeting.views';
export * from './meetings.service';
export * from './answer-rules';
