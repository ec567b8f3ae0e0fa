import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { DatabaseBreaker } from './database-breaker';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, config.databasePoolSize),
        migrations: [],
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [DatabaseBreaker],
  exports: [DatabaseBreaker],
})
export class DatabaseModule {}
