export * from './consent.entity';
export * from './proposal.entity';
export * from './proposal-event.entity';
export * from './proposal-status';
export * from './proposals.module';
export * from './proposals.service';
export * from './shared-parts';
export {
  employerProposalView,
  isEmployerProposalView,
  type BrokerProposalView,
  type EmployerProposalView,
  type ProposalViewFor,
  type SharedPartValues,
} from './proposal.views';
export { EmployerAnswerDto } from './proposal.dto';
