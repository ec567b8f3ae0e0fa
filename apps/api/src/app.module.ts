import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@werkbrug/audit';
import { AuthModule } from '@werkbrug/auth';
import { CandidatesModule } from '@werkbrug/candidates';
import { ConfigModule, loadConfig } from '@werkbrug/config';
import { DatabaseModule } from '@werkbrug/database';
import { EmployersModule } from '@werkbrug/employers';
import { GeoModule } from '@werkbrug/geo';
import { HealthModule } from '@werkbrug/health';
import { loggerParams } from '@werkbrug/http';
import { MailModule } from '@werkbrug/mail';
import { MatchingModule } from '@werkbrug/matching';
import { OrganisationsModule } from '@werkbrug/organisations';
import { PlacementsModule } from '@werkbrug/placements';
import { ProposalsModule } from '@werkbrug/proposals';
import { OutboxModule } from '@werkbrug/outbox';
import { PrivacyModule } from '@werkbrug/privacy';
import { SearchModule } from '@werkbrug/search';
import { VacanciesModule } from '@werkbrug/vacancies';
import { WerksoortenModule } from '@werkbrug/werksoorten';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ useFactory: () => loggerParams(loadConfig().logLevel) }),
    DatabaseModule,
    // Postcode → place and coordinates (PDOK when GEOCODER_URL is set, then the embedded table).
    GeoModule,
    OutboxModule,
    // Queues e-mail; serves the development mailbox at /dev/mail.
    MailModule,
    AuditModule,
    SearchModule,
    AuthModule,
    OrganisationsModule,
    WerksoortenModule,
    EmployersModule,
    VacanciesModule,
    CandidatesModule,
    MatchingModule,
    ProposalsModule,
    PlacementsModule,
    PrivacyModule,
    HealthModule,
  ],
})
export class AppModule {}
