export * from './attention-scheduler';
export * from './arrangement-rule.entity';
export * from './arrangement-rules.service';
export * from './checkin.entity';
export * from './placement-attention.service';
export * from './placement.entity';
export * from './placement.view';
export * from './placements.module';
export * from './placements.service';
export * from './placement-access';
export * from './placement.dto';
export {
  employerPlacementView,
  isEmployerPlacementView,
  isPlacementView,
  type AnyPlacementView,
  type EmployerPlacementView,
  type PlacementView,
} from './placement.view';
