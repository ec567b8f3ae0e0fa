import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { bearer, buildWorld, type World } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, unknown>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  required?: string[];
}

/** A schema a client generator can turn into a type: a component, or an object/array that says what it holds. */
function describesBody(schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref || schema.allOf?.length || schema.oneOf?.length) return true;
  if (schema.type === 'array') return describesBody(schema.items);
  if (schema.type === 'object')
    return !!schema.properties && Object.keys(schema.properties).length > 0;
  return !!schema.type;
}

/**
 * Every 2xx response in the OpenAPI document has a schema, so a client can be
 * generated from it. 204 has no body. Routes outside /api (health, the dev mailbox) are HTML or probes.
 */
describe('OpenAPI: every 2xx response has a schema', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  let doc: { components: { schemas: Record<string, Schema> } };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/api/openapi.json').expect(200)).body;
    paths = (doc as unknown as { paths: typeof paths }).paths;
    // OPENAPI_DUMP=<file> writes the document, to compare it before and after a refactoring.
    if (process.env.OPENAPI_DUMP)
      writeFileSync(process.env.OPENAPI_DUMP, JSON.stringify(doc, null, 2) + '\n');
  });
  afterAll(() => t.close());

  /** Keys of a real response against its schema: documented but missing, or sent but undocumented. */
  function drift(schemaOrRef: Schema | undefined, value: unknown, at: string, out: string[]) {
    const components = doc.components.schemas;
    let schema = schemaOrRef;
    while (schema?.$ref) schema = components[schema.$ref.split('/').pop() as string];
    if (schema?.allOf)
      schema = {
        type: 'object',
        properties: Object.assign(
          {},
          ...schema.allOf.map(
            (part) =>
              (part.$ref ? components[part.$ref.split('/').pop() as string] : part).properties,
          ),
        ),
      };
    if (!schema || value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => drift(schema.items, item, `${at}[${i}]`, out));
      return;
    }
    if (typeof value !== 'object' || !schema.properties) return;
    const documented = new Set(Object.keys(schema.properties));
    for (const key of Object.keys(value)) {
      if (!documented.has(key)) out.push(`${at}.${key} is sent but not documented`);
      else
        drift(
          schema.properties[key] as Schema,
          (value as Record<string, unknown>)[key],
          `${at}.${key}`,
          out,
        );
    }
    for (const key of schema.required ?? [])
      if (!(key in (value as object)))
        out.push(`${at}.${key} is documented as required but not sent`);
  }

  it('matches what the API really sends (vacancy, candidate, user, lists)', async () => {
    const world: World = await buildWorld(t);
    const cases: [string, string, string][] = [
      ['/api/vacancies/{id}', `/api/vacancies/${world.vacancy.id}`, world.adminToken],
      ['/api/vacancies', '/api/vacancies', world.employer.token],
      ['/api/candidates/{id}', `/api/candidates/${world.candidateA.id}`, world.wmA.token],
      ['/api/candidates', '/api/candidates', world.wmA.token],
      ['/api/employers/{id}', `/api/employers/${world.employer.id}`, world.adminToken],
      ['/api/users', '/api/users', world.adminToken],
      ['/api/auth/me', '/api/auth/me', world.candidateA.token],
    ];
    const problems: string[] = [];
    for (const [route, url, token] of cases) {
      const res = await t.http().get(url).set(bearer(token)).set('X-Purpose', 'openapi check');
      expect([url, res.status]).toEqual([url, 200]);
      const schema = paths[route].get.responses?.['200']?.content?.['application/json']?.schema;
      drift(schema, res.body, `GET ${route}`, problems);
    }
    expect(problems).toEqual([]);
  });

  /**
   * Redocly's lint with its recommended rules (redocly.yaml; a few problems ignored on purpose in
   * .redocly.lint-ignore.yaml, which names dist/openapi.json): what client generators choke on.
   * Read the problems in full with `npx redocly lint dist/openapi.json` after this test.
   */
  it('passes the Redocly lint without errors or warnings', () => {
    const root = path.join(__dirname, '..');
    writeFileSync(path.join(root, 'dist', 'openapi.json'), JSON.stringify(doc, null, 2) + '\n');
    const cli = path.join(
      path.dirname(require.resolve('@redocly/cli/package.json')),
      'bin',
      'cli.js',
    );
    const lint = spawnSync(
      process.execPath,
      [
        cli,
        'lint',
        'dist/openapi.json',
        '--config',
        'redocly.yaml',
        '--format=json',
        '--max-problems=1000',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
      },
    );
    if (lint.error) throw lint.error;
    const report = JSON.parse(lint.stdout) as {
      problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
    };
    const problems = report.problems.map(
      (p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`,
    );
    expect(problems).toEqual([]);
    expect(lint.status).toBe(0);
  });

  it('holds for every operation', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        if (!ok.length) {
          missing.push(
            `${method.toUpperCase()} ${path}: no 2xx response declared (add @ApiOkResponse/@ApiCreatedResponse({ type: <Name>Response }), or @ApiNoContentResponse() with @HttpCode(204))`,
          );
          continue;
        }
        for (const [code, response] of ok) {
          checked++;
          if (code === '204') continue;
          // JSON when the route sends JSON; a download (the reports' CSV) documents its own media type
          // (@ApiProduces('text/csv') with a string schema) and is held to the same rule.
          const content = response.content ?? {};
          const schema = (content['application/json'] ?? Object.values(content)[0])?.schema;
          if (!describesBody(schema))
            missing.push(
              `${method.toUpperCase()} ${path}: ${code} has no response schema (add @Api${code === '201' ? 'Created' : 'Ok'}Response({ type: <Name>Response }) with a class of @ApiProperty fields, see libs/vacancies/src/vacancies.responses.ts)`,
            );
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    // Fix: give the handler a typed response class, e.g. @ApiOkResponse({ type: VacancyResponse })
    // (@ApiCreatedResponse for 201, @ApiNoContentResponse + @HttpCode(204) for no body); see docs/api.md, "Conventions".
    expect(missing).toEqual([]);
  });
});
