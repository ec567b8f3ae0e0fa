import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AlertsModule } from '@werkbrug/alerts';
import { AuditModule } from '@werkbrug/audit';
import { AuthModule } from '@werkbrug/auth';
import { CandidatesModule } from '@werkbrug/candidates';
import { CaseloadModule } from '@werkbrug/caseload';
import { ConfigModule, loadConfig } from '@werkbrug/config';
import { DatabaseModule } from '@werkbrug/database';
import { EmployersModule } from '@werkbrug/employers';
import { GeoModule } from '@werkbrug/geo';
import { HealthModule } from '@werkbrug/health';
import { ImportModule } from '@werkbrug/import';
import { InterestsModule } from '@werkbrug/interests';
import { InstrumentsModule } from '@werkbrug/instruments';
import { loggerParams } from '@werkbrug/http';
import { MailModule } from '@werkbrug/mail';
import { MatchingModule } from '@werkbrug/matching';
import { MetricsModule } from '@werkbrug/metrics';
import { OrganisationsModule } from '@werkbrug/organisations';
import { PlacementsModule } from '@werkbrug/placements';
import { ProposalsModule } from '@werkbrug/proposals';
import { OutboxModule } from '@werkbrug/outbox';
import { PrivacyModule } from '@werkbrug/privacy';
import { ReportsModule } from '@werkbrug/reports';
import { SearchModule } from '@werkbrug/search';
import { TrajectoriesModule } from '@werkbrug/trajectories';
import { VacanciesModule } from '@werkbrug/vacancies';
import { MailedLinksModule, WebModule, WebNotFoundModule } from '@werkbrug/web';
import { BeheerPagesModule } from '@werkbrug/beheer-pages';
import { KandidaatPagesModule } from '@werkbrug/kandidaat-pages';
import { WerkgeverPagesModule } from '@werkbrug/werkgever-pages';
import { WerkmakelaarPagesModule } from '@werkbrug/werkmakelaar-pages';
import { WerksoortenModule } from '@werkbrug/werksoorten';
import { OpsModule } from './ops.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ useFactory: () => loggerParams(loadConfig().logLevel) }),
    DatabaseModule,
    // Postcode → place and coordinates (PDOK when GEOCODER_URL is set, then the embedded table).
    GeoModule,
    OutboxModule,
    // Queues e-mail.
    MailModule,
    // The outbox's operator view (/api/admin/outbox) and the development mailbox (/dev/mail).
    OpsModule,
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
    TrajectoriesModule,
    ReportsModule,
    // Subsidy instruments as versioned rules: amounts change every year, so they are data.
    InstrumentsModule,
    PrivacyModule,
    // Import and export of candidates, employers and workplaces (CSV, XLSX); the worker runs the jobs.
    ImportModule,
    // The backend of the candidate's own pages and the werkmakelaar's console: interest, alerts, caseload.
    InterestsModule,
    AlertsModule,
    CaseloadModule,
    HealthModule,
    // Prometheus figures on METRICS_PORT (off unless set).
    MetricsModule,
    // Server-rendered pages for people: the foundation (libs/web), then one lib per audience.
    WebModule,
    WerkgeverPagesModule,
    KandidaatPagesModule,
    WerkmakelaarPagesModule,
    BeheerPagesModule,
    // Links in mails (/voorstellen/{id}, …): each role to its own page.
    MailedLinksModule,
    // Keep last: the HTML 404 page for unknown addresses in the web areas (a catch-all route).
    WebNotFoundModule,
  ],
})
export class AppModule {}
