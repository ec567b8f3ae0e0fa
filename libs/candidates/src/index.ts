export * from './candidate.entity';
export * from './candidate-protected.entity';
export * from './candidate.view';
export * from './candidates.module';
export * from './candidates.service';
export * from './candidate-membership';
export * from './wishes.dto';
export * from './protected-facts';
export { CreateCandidateDto, UpdateCandidateDto } from './candidate.dto';
