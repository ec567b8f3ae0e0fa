export * from './attention-scheduler';
export * from './arrangement-rule.entity';
export * from './checkin.entity';
export * from './placement-attention.service';
export * from './placement.entity';
export * from './placements.module';
export * from './placements.service';
export {
  employerPlacementView,
  isEmployerPlacementView,
  type EmployerPlacementView,
  type PlacementView,
  type PlacementViewFor,
} from './placement.view';
