export {
  DEFAULT_DEMO_SEED,
  seedDemo,
  type SeedDemoOptions,
  type SeedDemoResult,
} from './seed-demo';
export { FERM_WERK } from './demo-organisations';
