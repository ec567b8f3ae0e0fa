import { Global, Inject, Logger, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@werkbrug/config';
import { cachedGeocoder, chainGeocoder, pc4TableGeocoder, type Geocoder } from './geocoder';
import { pdokGeocoder } from './pdok-geocoder';

export const GEOCODER = Symbol('GEOCODER');

/** PDOK (cached in PostgreSQL) then the embedded table when GEOCODER_URL is set; else the table alone. */
export function buildGeocoder(geocoderUrl: string | null, logger?: { warn(m: string): void }) {
  if (!geocoderUrl) return pc4TableGeocoder;
  return chainGeocoder([cachedGeocoder(pdokGeocoder(geocoderUrl)), pc4TableGeocoder], logger);
}

let current: Geocoder = pc4TableGeocoder;

/**
 * The geocoder location resolution uses. Set once by GeoModule from the config; the embedded table
 * when no module set one (CLI scripts, unit tests). A process-wide value, so the many call sites of
 * resolveLocation() need no extra parameter.
 */
export const currentGeocoder = (): Geocoder => current;

@Global()
@Module({
  providers: [
    {
      provide: GEOCODER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => buildGeocoder(config.geocoderUrl, new Logger('Geocoder')),
    },
  ],
  exports: [GEOCODER],
})
export class GeoModule implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(GEOCODER) private readonly geocoder: Geocoder) {}

  onModuleInit() {
    current = this.geocoder;
  }

  onModuleDestroy() {
    if (current === this.geocoder) current = pc4TableGeocoder;
  }
}
