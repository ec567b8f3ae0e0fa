import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';
import { secretBoxFor, type SecretBox } from './secret-box';

export const APP_CONFIG = Symbol('APP_CONFIG');
/** The server's SecretBox (secret-box.ts): inject with @Inject(SECRET_BOX). */
export const SECRET_BOX = Symbol('SECRET_BOX');

@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() },
    {
      provide: SECRET_BOX,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): SecretBox => secretBoxFor(config),
    },
  ],
  exports: [APP_CONFIG, SECRET_BOX],
})
export class ConfigModule {}
