export * from './werksoort.entity';
export * from './werksoorten.module';
export { WerksoortRefResponse } from './werksoorten.responses';
export * from './werksoorten.seed';
export * from './werksoorten.service';
export * from './standard-codes';
export {
  CreateWerksoortDto,
  MergeWerksoortDto,
  toWerksoortView,
  UpdateWerksoortDto,
  type WerksoortView,
} from './werksoort.dto';
