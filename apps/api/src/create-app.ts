import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import {
  bodyParserErrors,
  createValidationPipe,
  etagFromVersion,
  jsonBodyParser,
  noStore,
  requireJsonBody,
} from '@werkbrug/http';
import { ApiMetrics, metricsOptions } from '@werkbrug/metrics';
import { installWeb, WEB_PATHS, WebExceptionFilter } from '@werkbrug/web';
import { AppModule } from './app.module';

/** The operation tags, in the order the documentation shows them. */
const OPENAPI_TAGS: [string, string][] = [
  ['auth', 'Bearer tokens, sign-in links and the signed-in user'],
  ['users', 'User accounts (administrators)'],
  ['organisations', 'Municipalities and re-integration organisations'],
  ['werksoorten', 'Kinds of work that vacancies and candidate wishes refer to'],
  ['employers', 'Employers and their details'],
  ['vacancies', 'Vacancies of employers'],
  ['candidates', 'Candidates (job seekers) and their wishes'],
  ['caseload', "A werkmakelaar's candidates and what needs attention"],
  ['matching', 'Vacancies for a candidate and candidates for a vacancy, with reasons'],
  ['proposals', 'Proposing a candidate to an employer, and the answer'],
  ['placements', 'Placements that follow an accepted proposal'],
  ['trajectories', 'Re-integration trajectories: steps, hours and reports'],
  ['instruments', 'Subsidies and arrangements (instruments) and their conditions'],
  ['interests', "Candidates' interest in vacancies"],
  ['alerts', 'Mailed alerts for new matches'],
  ['reports', 'Aggregated reports and their CSV downloads'],
  ['privacy', 'Audit trail, export and erasure of personal data'],
  ['admin', 'Operations: the outbox of background work'],
  ['health', 'Liveness and readiness probes (outside /api)'],
];

/**
 * @nestjs/swagger writes a nullable reference as `{ nullable: true, allOf: [{ $ref }] }` and drops
 * any `type` declared next to `allOf`; OpenAPI 3.0 only honours `nullable` beside a `type`, so a
 * generator may make the field non-null. The referenced schemas are objects: say so.
 */
function typeNullableReferences(document: OpenAPIObject) {
  type Schema = { type?: string; nullable?: boolean; allOf?: { $ref?: string }[] };
  const schemas = (document.components?.schemas ?? {}) as Record<
    string,
    Schema & { properties?: Record<string, Schema> }
  >;
  for (const schema of Object.values(schemas))
    for (const property of Object.values(schema.properties ?? {})) {
      const ref = property.allOf?.length === 1 ? property.allOf[0].$ref : undefined;
      const target = ref ? schemas[ref.split('/').pop() as string] : undefined;
      if (property.nullable && !property.type && target?.type === 'object')
        property.type = 'object';
    }
  return document;
}

export function buildOpenApiDocument(app: INestApplication) {
  const builder = new DocumentBuilder()
    .setTitle('Werkbrug API')
    .setDescription(
      'Matching and placement marketplace for re-integration. Errors are RFC 9457 application/problem+json. ' +
        'Any operation may answer 503 with Retry-After while a part is away: DATABASE_UNAVAILABLE (PostgreSQL; ' +
        'the request was not carried out) or SEARCH_UNAVAILABLE (Meilisearch; matching and search).',
    )
    .setVersion('0.1.0')
    .addServer('/', 'This server')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'Token from POST /api/auth/token',
    })
    // Every operation needs the token unless it says otherwise (@Public: `security: []`).
    .addSecurityRequirements('bearer');
  for (const [name, description] of OPENAPI_TAGS) builder.addTag(name, description);
  return typeNullableReferences(SwaggerModule.createDocument(app, builder.build()));
}

/** Builds the HTTP app with every cross-cutting concern; used by main.ts and by the tests. */
export async function createApiApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
  });
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  // X-Forwarded-For only from the configured proxies (TRUST_PROXY, default none): otherwise any
  // client could pick its own address and walk past the per-address login limits.
  app.set('trust proxy', config.trustProxy.length ? config.trustProxy : false);
  app.disable('x-powered-by');
  // Resource ETags carry the record version (set by controllers), not a body hash.
  app.set('etag', false);
  // <, > and & leave as \u003c etc., so stored HTML can never be sniffed as markup.
  app.set('json escape', true);
  // First, so every request is counted and timed, refused ones included; only when /metrics is
  // served (METRICS_PORT): counting costs every request (measured ~10% of GET one vacancy).
  if (metricsOptions('METRICS_PORT')) app.use(app.get(ApiMetrics).middleware());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
      },
    }),
  );
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After', 'Location'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'X-Purpose', 'X-Request-Id'],
  });
  app.use(noStore);
  app.use(etagFromVersion);
  app.use(requireJsonBody);
  app.use(jsonBodyParser());
  // The web pages: form bodies and stylesheets (libs/web).
  installWeb(app);
  app.use(bodyParserErrors);
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      // The development mailbox (apps/api/src/dev) is a page, not part of the JSON API.
      { path: 'dev/mail', method: RequestMethod.GET },
      { path: 'dev/mail/:file', method: RequestMethod.GET },
      // The web pages (libs/web) live outside /api.
      ...WEB_PATHS,
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  // Problem documents for the JSON API (/api and clients that ask for JSON); a Dutch HTML page for
  // a person on any other path, an unknown one included (libs/web).
  app.useGlobalFilters(app.get(WebExceptionFilter));
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Werkbrug API',
  });
  return app;
}
