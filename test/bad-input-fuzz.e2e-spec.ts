import { Agent } from 'node:http';
import { writeFileSync } from 'node:fs';
import type { Response } from 'supertest';
import { hashPassword, LoginThrottle, type Role } from '@werkbrug/auth';
import {
  bearer,
  buildWorld,
  candidateBody,
  insertUser,
  PASSWORD,
  snapshot,
  tokenFor,
  vacancyBody,
  World,
} from './support/fixtures';
import {
  bodyMutations,
  encodeQueryValue,
  junkString,
  kindOf,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
  ODD_UNICODE,
  refName,
  resolveSchema,
  sampleValue,
  seededRandom,
  type Verdict,
} from './support/fuzz-values';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A generated bad-input run over every operation of the OpenAPI document: body mutations from
 * the schemas, invalid path ids, invalid list parameters, sent as admin and werkmakelaar (and
 * werkgever on employer and vacancy routes). No answer may be a 5xx, every 4xx is a problem
 * document, and rejected requests leave the business tables exactly as they were.
 */

const SEED = 20_260_401;
const CONCURRENCY = 8;
const CHUNK = 48;

type FuzzRole = Role;

interface FuzzRequest {
  route: string;
  method: string;
  url: string;
  role: FuzzRole;
  label: string;
  verdict: Verdict;
  body?: unknown;
  raw?: string | Buffer;
  /** 'current' reads the record's version just before sending. */
  ifMatch?: 'current' | string;
  versionOf?: { table: string; id: string };
}

interface Outcome {
  req: FuzzRequest;
  status: number;
  contentType: string;
  text: string;
  code: unknown;
  type: unknown;
}

const BAD_IDS = [
  '1',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  "' OR 1=1 --",
  '../../etc/passwd',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{id}',
  '%00',
  'a'.repeat(2000),
];

const keepAlive = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

const TABLES = ['users', 'organisations', 'werksoorten', 'employers', 'vacancies', 'candidates'];

describe('bad input, generated from the OpenAPI document: never a 5xx, never a change', () => {
  let t: TestApp;
  let w: World;
  let doc: OpenApiDocument;
  const random = seededRandom(SEED);
  const tokens = {} as Record<FuzzRole, string>;
  const selfIds = {} as Record<FuzzRole, string>;
  const logins: Record<FuzzRole, string> = {
    admin: 'admin@test.nl',
    werkmakelaar: 'wm.a@test.nl',
    werkgever: 'werkgever@groenenzo.nl',
    kandidaat: 'sanne@test.nl',
  };
  let fuzzUserId: string;
  let fuzzWerksoortId: string;

  const outcomes: Outcome[] = [];
  const serverErrors: Outcome[] = [];
  const badProblems: string[] = [];
  const dbChanges: string[] = [];
  const accepted: string[] = [];
  const networkErrors: string[] = [];
  const covered = new Set<string>();
  let sent = 0;
  let refusedRoles = 0;

  // ---- world and helpers ----------------------------------------------------------------------

  /** A session that a fuzzed request ended (password change, deactivation) is restored. */
  async function ensureSession(role: FuzzRole) {
    const res = await t.http().get('/api/auth/me').set(bearer(tokens[role]));
    if (res.status === 200) return;
    await t.db.query(
      `UPDATE users SET email = $2, password_hash = $3, active = true WHERE id = $1`,
      [selfIds[role], logins[role], await hashPassword(PASSWORD)],
    );
    t.app.get(LoginThrottle).reset();
    tokens[role] = await tokenFor(t, logins[role]);
  }

  /**
   * Admin and werkmakelaar everywhere, werkgever on employer and vacancy routes, and the
   * candidate on its own routes, except the one that erases the caller.
   */
  const rolesFor = (path: string, method: string): FuzzRole[] => {
    const roles: FuzzRole[] = ['admin', 'werkmakelaar'];
    if (/\/(employers|vacancies)(\/|$)/.test(path)) roles.push('werkgever');
    const own = /^\/api\/(me|candidates)(\/|$)/.test(path);
    if (own && method !== 'delete' && !path.endsWith('/erasure')) roles.push('kandidaat');
    return roles;
  };

  /** The resource an /api path is about, e.g. `vacancies` for /api/vacancies/{id}/matches. */
  const resourceOf = (path: string) => /^\/api\/([^/]+)/.exec(path)?.[1] ?? '';

  /** A real record each role may address, for requests where only the body is fuzzed. */
  function validId(path: string, role: FuzzRole): string | undefined {
    switch (resourceOf(path)) {
      case 'users':
        return role === 'admin' ? fuzzUserId : selfIds[role];
      case 'organisations':
        return role === 'admin' ? w.orgB : w.orgA;
      case 'werksoorten':
        return fuzzWerksoortId;
      case 'employers':
        return w.employer.id;
      case 'vacancies':
        return w.vacancy.id;
      case 'candidates':
        return w.candidateA.id;
      default:
        return undefined;
    }
  }

  /** Fills path parameters with a real record (or, for an unknown resource, a well-formed id). */
  const fillPath = (path: string, role: FuzzRole) =>
    path.replace(/\{[^}]+\}/g, validId(path, role) ?? '00000000-0000-4000-8000-000000000000');

  function validBody(path: string, method: string, schemaName: string) {
    switch (schemaName) {
      case 'TokenRequest':
        // An account that does not exist: wrong passwords must not lock out real users.
        return { email: 'niemand@test.nl', password: PASSWORD };
      case 'CreateUserDto':
        return {
          email: 'fuzz-nieuw@test.nl',
          password: 'Een-heel-lang-wachtwoord',
          role: 'werkmakelaar',
          displayName: 'Fuzz',
          organisationId: w.orgA,
        };
      case 'UpdateUserDto':
        return { displayName: 'Fuzz' };
      case 'CreateOrganisationDto':
        return { kind: 'werkbedrijf', name: 'Fuzz organisatie', region: 'Woerden' };
      case 'UpdateOrganisationDto':
        return { region: 'Woerden', name: 'Gemeente Oudewater' };
      case 'CreateWerksoortDto':
        return { code: 'fuzz', name: 'Fuzz', description: 'x', synonyms: ['fuzzy'] };
      case 'UpdateWerksoortDto':
        return { description: 'fuzz', synonyms: ['fuzzy'], active: true };
      case 'CreateEmployerDto':
        return {
          name: 'Fuzz BV',
          kvkNumber: '99999999',
          sbiCode: '8130',
          sbiVersion: '2025',
          contactName: 'Fuzz',
          contactEmail: 'fuzz@example.nl',
          contactPhone: '030-1234567',
          locations: [{ address: 'Markt 1', postcode: '3441 AB', place: 'Woerden' }],
        };
      case 'UpdateEmployerDto':
        return { contactName: 'Fuzz', locations: [{ postcode: '3441 AB' }] };
      case 'CreateVacancyDto':
        return vacancyBody({ employerId: w.employer.id, startDate: '2026-12-01' });
      case 'UpdateVacancyDto':
        return {
          title: 'Fuzz',
          location: { postcode: '3441 AB' },
          demands: { lifting: 1, standing: 1, pace: 1, stimuli: 1, outdoor: 1 },
          places: 3,
        };
      case 'CreateCandidateDto':
        return candidateBody({ supportNeeds: { jobcoach: true, buddy: false } });
      case 'UpdateCandidateDto':
        return {
          interests: 'fuzz',
          homeArea: { postcode: '3441 AB' },
          personal: { phone: '06-12345678' },
        };
      default: {
        const op = doc.paths[path]?.[method];
        const schema = op?.requestBody?.content?.['application/json']?.schema;
        return schema ? sampleValue(doc, schema) : {};
      }
    }
  }

  async function currentVersion(table: string, id: string): Promise<string> {
    const [row] = await t.db.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
    return `"${row?.version ?? 1}"`;
  }

  async function send(r: FuzzRequest): Promise<Outcome> {
    sent += 1;
    const method = r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete' | 'put';
    let req = t.http()[method](r.url).agent(keepAlive).set(bearer(tokens[r.role]));
    if (r.ifMatch === 'current' && r.versionOf)
      req = req.set('If-Match', await currentVersion(r.versionOf.table, r.versionOf.id));
    else if (r.ifMatch && r.ifMatch !== 'current') req = req.set('If-Match', r.ifMatch);
    if (r.raw !== undefined) req = req.set('Content-Type', 'application/json').send(r.raw);
    else if (r.body !== undefined) req = req.send(r.body as object);
    let res: Response;
    try {
      res = await req;
    } catch (error) {
      networkErrors.push(`${r.method} ${r.url.slice(0, 120)} [${r.label}]: ${String(error)}`);
      return { req: r, status: 0, contentType: '', text: '', code: undefined, type: undefined };
    }
    const body: unknown = res.body;
    const problem = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    return {
      req: r,
      status: res.status,
      contentType: String(res.headers['content-type'] ?? ''),
      text: res.text ?? '',
      code: problem.code,
      type: problem.type,
    };
  }

  async function inPool<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i] as T);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
    return results;
  }

  const describeReq = (r: FuzzRequest) =>
    `${r.method} ${r.url.length > 140 ? `${r.url.slice(0, 140)}…` : r.url} as ${r.role} [${r.label}]`;

  function record(o: Outcome) {
    outcomes.push(o);
    if (o.status >= 500) serverErrors.push(o);
    if (o.status >= 400 && o.status < 500) {
      if (!o.contentType.includes('application/problem+json'))
        badProblems.push(`${describeReq(o.req)}: ${o.status} as ${o.contentType}`);
      else if (typeof o.code !== 'string' || typeof o.type !== 'string')
        badProblems.push(`${describeReq(o.req)}: ${o.status} without code/type`);
    }
    if (o.req.verdict === 'reject' && o.status >= 200 && o.status < 300)
      accepted.push(`${describeReq(o.req)}: ${o.status}`);
  }

  const ok = (o: Outcome) => o.status >= 200 && o.status < 300;

  /**
   * Sends one batch with modest concurrency between two snapshots. Reads and refused writes must
   * leave the tables as they were. When a write in the batch succeeded (so the tables may rightly
   * differ), or when the tables changed anyway, the suspects are sent again one at a time, each
   * between its own snapshots, which also names the request that changed something.
   */
  async function runBatch(batch: FuzzRequest[]): Promise<Outcome[]> {
    const before = await snapshot(t.db);
    const results = await inPool(batch, send);
    results.forEach(record);
    const reads = batch.every((r) => r.method === 'get');
    const changed = (await snapshot(t.db)) !== before;
    if (!changed && (reads || !results.some(ok))) return results;
    const suspects = results.filter((o) => reads || !ok(o));
    let pre = await snapshot(t.db);
    let found = false;
    for (const o of suspects) {
      const again = await send(o.req);
      record(again);
      const post = await snapshot(t.db);
      if ((reads || !ok(again)) && post !== pre) {
        found = true;
        dbChanges.push(`${describeReq(o.req)}: ${again.status} but the database changed`);
      }
      pre = post;
    }
    if (changed && !found && (reads || !results.some(ok)))
      dbChanges.push(
        `a batch of ${batch.length} changed the database, e.g. ${describeReq(batch[0] as FuzzRequest)}`,
      );
    return results;
  }

  /**
   * Writes that may succeed go one at a time, each between snapshots: a success may change the
   * tables, a refusal may not, and no request is refused only because a sibling bumped the version.
   */
  async function runSequentially(batch: FuzzRequest[]): Promise<Outcome[]> {
    const results: Outcome[] = [];
    let pre = await snapshot(t.db);
    for (const req of batch) {
      const o = await send(req);
      record(o);
      results.push(o);
      const post = await snapshot(t.db);
      if (!ok(o) && post !== pre)
        dbChanges.push(`${describeReq(req)}: ${o.status} but the database changed`);
      pre = post;
    }
    return results;
  }

  async function runGroup(requests: FuzzRequest[]) {
    // Must-reject requests first and apart, so their batches stay clean of successes.
    const ordered = [
      ...requests.filter((r) => r.verdict === 'reject'),
      ...requests.filter((r) => r.verdict === 'any'),
    ];
    for (let i = 0; i < ordered.length; i += CHUNK) {
      const chunk = ordered.slice(i, i + CHUNK);
      const reject = chunk.filter((r) => r.verdict === 'reject');
      const any = chunk.filter((r) => r.verdict === 'any');
      const results = [
        ...(reject.length ? await runBatch(reject) : []),
        ...(any.length
          ? await (any.every((r) => r.method === 'get') ? runBatch(any) : runSequentially(any))
          : []),
      ];
      // A role the route refuses outright gets one full batch of 403s; the rest would be the same.
      if (i === 0 && results.length >= 10 && results.every((o) => o.status === 403)) {
        refusedRoles += 1;
        return;
      }
    }
  }

  // ---- generators -----------------------------------------------------------------------------

  function bodyRequests(
    path: string,
    method: string,
    op: OpenApiOperation,
    role: FuzzRole,
  ): FuzzRequest[] {
    const schema = op.requestBody?.content?.['application/json']?.schema;
    if (!schema) return [];
    const url = fillPath(path, role);
    const name = refName(schema) ?? '';
    const base = validBody(path, method, name);
    const table = TABLES.includes(resourceOf(path)) ? resourceOf(path) : undefined;
    const id = path.includes('{') ? validId(path, role) : undefined;
    const versioned = method === 'patch' && table && id;
    const requests: FuzzRequest[] = bodyMutations(doc, schema, base, random).map((m) => ({
      route: `${method.toUpperCase()} ${path}`,
      method,
      url,
      role,
      label: m.label,
      verdict: m.verdict,
      body: m.body,
      raw: m.raw,
      ...(versioned ? { ifMatch: 'current' as const, versionOf: { table, id } } : {}),
    }));
    if (method === 'patch') {
      for (const value of ['abc', '"-1"', '"9999999999"', '*', 'W/"x"', '"1", "2"', '']) {
        requests.push({
          route: `${method.toUpperCase()} ${path}`,
          method,
          url,
          role,
          label: `If-Match ${JSON.stringify(value)}`,
          verdict: 'reject',
          body: base,
          ifMatch: value,
        });
      }
    }
    return requests;
  }

  function pathRequests(
    path: string,
    method: string,
    op: OpenApiOperation,
    role: FuzzRole,
  ): FuzzRequest[] {
    if (!/\{[^}]+\}/.test(path)) return [];
    const schema = op.requestBody?.content?.['application/json']?.schema;
    const body = schema
      ? validBody(path, method, refName(schema) ?? '')
      : method === 'get' || method === 'delete'
        ? undefined
        : {};
    const ids = [...BAD_IDS.map((id) => ({ id, encoded: encodeURIComponent(id) }))];
    ids.push({ id: '../../etc/passwd (raw)', encoded: '../../etc/passwd' });
    return ids.map(({ id, encoded }) => ({
      route: `${method.toUpperCase()} ${path}`,
      method,
      url: path.replace(/\{[^}]+\}/g, encoded),
      role,
      label: `path id ${JSON.stringify(id.length > 40 ? `${id.slice(0, 10)}…(${id.length})` : id)}`,
      verdict: 'reject' as const,
      body,
      ...(method === 'patch' ? { ifMatch: '"1"' } : {}),
    }));
  }

  function queryValues(p: OpenApiParameter): Array<[string, string | string[]]> {
    const s = p.schema ? resolveSchema(doc, p.schema) : { type: 'string' };
    const values: Array<[string, string | string[]]> = [
      ['empty', ''],
      ['repeated', ['1', '2']],
      ['NUL byte', '\u0000'],
      ['quote injection', "' OR 1=1 --"],
      ['LIKE wildcards', '%_%\\'],
      ['long', 'y'.repeat(1_000)],
      ['random junk', junkString(random, 5 + Math.floor(random() * 20))],
      ...ODD_UNICODE.map(([label, v]): [string, string] => [label, v]),
    ];
    if (kindOf(s) === 'number')
      values.push(
        ['zero', '0'],
        ['negative', '-1'],
        ['fraction', '1.5'],
        ['huge', '1e308'],
        ['2**63', '9223372036854775808'],
        ['NaN', 'NaN'],
        ['Infinity', 'Infinity'],
        ['hex', '0x10'],
        ['word', 'abc'],
        ['over maximum', String((s.maximum ?? 100) + 1)],
      );
    if (s.enum?.length) values.push(['invalid enum', 'geen-geldige-waarde']);
    if (s.enum?.length) values.push(['enum in wrong case', String(s.enum[0]).toUpperCase()]);
    if (/id$/i.test(p.name))
      values.push(
        ['not a uuid', 'not-a-uuid'],
        ['nil uuid', '00000000-0000-0000-0000-000000000000'],
      );
    if (p.name === 'cursor') {
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const id = '00000000-0000-4000-8000-000000000000';
      values.push(
        ['bogus', 'bogus'],
        ['not base64 JSON', Buffer.from('hallo').toString('base64url')],
        ['value of the wrong type', b64({ v: 'geen-datum', id })],
        ['number for a date', b64({ v: 1e308, id })],
        ['object value', b64({ v: { a: 1 }, id })],
        ['null value', b64({ v: null, id })],
        ['dashes for an id', b64({ v: '2026-01-01T00:00:00.000Z', id: '-'.repeat(36) })],
        ['id not a uuid', b64({ v: '2026-01-01T00:00:00.000Z', id: 'f'.repeat(36) })],
        ['JSON array', b64([1, 2])],
        ['JSON null', b64(null)],
        ['NUL in value', b64({ v: 'a\u0000b', id })],
        ['over 500 chars', 'A'.repeat(501)],
      );
    }
    if (p.name === 'sort')
      values.push(
        ['unknown field', 'salary'],
        ['only a dash', '-'],
        ['double dash', '--createdAt'],
        ['SQL', 'createdAt;DROP TABLE users'],
        ['snake case', 'created_at'],
        ['id', 'id'],
        ['prototype: constructor', 'constructor'],
        ['prototype: toString', 'toString'],
        ['prototype: hasOwnProperty', '-hasOwnProperty'],
        ['prototype: __proto__', '__proto__'],
        ['prototype: valueOf', 'valueOf'],
      );
    if (p.name === 'near')
      values.push(
        ['outside NL', '48.85,2.35'],
        ['out of range', '99,999'],
        ['one number', '52.1'],
        ['words', 'Woerden'],
      );
    return values;
  }

  /** Operations that take no input still meet unknown parameters and unexpected bodies. */
  function strayRequests(
    path: string,
    method: string,
    op: OpenApiOperation,
    role: FuzzRole,
  ): FuzzRequest[] {
    if (op.requestBody || (op.parameters ?? []).some((p) => p.in === 'path' || p.in === 'query'))
      return [];
    const route = `${method.toUpperCase()} ${path}`;
    const stray = (label: string, url: string, raw?: string): FuzzRequest => ({
      route,
      method,
      url,
      role,
      label,
      verdict: 'any',
      raw,
    });
    const requests = [
      stray('?unknown parameter', `${path}?fuzzUnknown=1`),
      stray('?__proto__ parameter', `${path}?__proto__=1&constructor=2`),
      stray('?NUL byte', `${path}?q=%00`),
    ];
    if (method !== 'get' && method !== 'delete') {
      requests.push(
        stray('unexpected body', path, '{"fuzzUnknown":1}'),
        stray('malformed body', path, '{"x":'),
      );
    }
    return requests;
  }

  function queryRequests(
    path: string,
    method: string,
    op: OpenApiOperation,
    role: FuzzRole,
  ): FuzzRequest[] {
    if (method !== 'get') return [];
    const params = (op.parameters ?? []).filter((p) => p.in === 'query');
    if (!params.length) return [];
    const base = fillPath(path, role);
    const requests: FuzzRequest[] = [];
    const push = (label: string, query: string) =>
      requests.push({
        route: `GET ${path}`,
        method,
        url: `${base}?${query}`,
        role,
        label,
        verdict: 'any',
      });
    for (const p of params) {
      for (const [label, value] of queryValues(p)) {
        const name = encodeURIComponent(p.name);
        const query = Array.isArray(value)
          ? value.map((v) => `${name}=${encodeQueryValue(v)}`).join('&')
          : `${name}=${encodeQueryValue(value)}`;
        push(`?${p.name}: ${label}`, query);
      }
      push(`?${p.name}[]: bracket array`, `${encodeURIComponent(p.name)}%5B%5D=1`);
      push(`?${p.name}[a]: bracket object`, `${encodeURIComponent(p.name)}%5Ba%5D=1`);
    }
    const names = params.map((p) => p.name);
    if (names.includes('sort') && names.includes('limit')) {
      // A sort name that is a property of every object, on a page short enough to need a cursor.
      for (const name of ['constructor', '-toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])
        push(`?sort=${name}&limit=1: prototype property as sort field`, `sort=${name}&limit=1`);
    }
    push('?unknown parameter', 'fuzzUnknown=1');
    push('?__proto__ parameter', '__proto__=1&constructor=2');
    push('?malformed percent-encoding', 'limit=%E0%A4%A');
    return requests;
  }

  // ---- the run --------------------------------------------------------------------------------

  beforeAll(async () => {
    const started = Date.now();
    t = await startTestApp();
    // One listening server (test-app.ts) and kept-alive sockets: thousands of requests without a
    // TCP handshake each.
    // Node closes a kept-alive socket after 5 s idle; on a loaded machine a request can be written to
    // such a socket just as the server closes it ("socket hang up"): a race of keep-alive, not of the API.
    (t.app.getHttpServer() as import('node:http').Server).keepAliveTimeout = 10 * 60_000;
    w = await buildWorld(t);
    // Search and matching read Meilisearch: index the world the way the worker would.
    await (await searchWorker(t)).drain();
    tokens.admin = w.adminToken;
    tokens.werkmakelaar = w.wmA.token;
    tokens.werkgever = w.employer.token;
    tokens.kandidaat = w.candidateA.token;
    for (const role of Object.keys(tokens) as FuzzRole[]) {
      const me = await t.http().get('/api/auth/me').set(bearer(tokens[role])).expect(200);
      selfIds[role] = me.body.id;
    }
    fuzzUserId = await insertUser(t.db, 'werkmakelaar', 'fuzz-doel@test.nl', w.orgB);
    const ws = await t
      .http()
      .post('/api/werksoorten')
      .set(bearer(w.adminToken))
      .send({ code: 'fuzz-doel', name: 'Fuzz doel' })
      .expect(201);
    fuzzWerksoortId = ws.body.id;

    const res = await t.http().get('/api/openapi.json').expect(200);
    doc = res.body as OpenApiDocument;

    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        // Logging out is not fuzzable (no input) and would end the session the run uses.
        if (method === 'delete' && path === '/api/auth/token') continue;
        for (const role of rolesFor(path, method)) {
          const requests = [
            ...bodyRequests(path, method, op, role),
            ...pathRequests(path, method, op, role),
            ...queryRequests(path, method, op, role),
            ...strayRequests(path, method, op, role),
          ];
          if (!requests.length) continue;
          covered.add(`${method.toUpperCase()} ${path}`);
          await runGroup(requests);
          await ensureSession(role);
          t.app.get(LoginThrottle).reset();
        }
      }
    }
    // FUZZ_REPORT=/tmp/fuzz.json keeps every server error and accepted bad input for a closer look.
    if (process.env.FUZZ_REPORT) {
      const keep = outcomes.filter((o) => o.status >= 500 || (o.req.verdict === 'reject' && ok(o)));
      writeFileSync(
        process.env.FUZZ_REPORT,
        JSON.stringify(
          keep.map((o) => ({
            route: o.req.route,
            role: o.req.role,
            label: o.req.label,
            status: o.status,
            url: o.req.url.slice(0, 300),
            text: o.text.slice(0, 300),
          })),
          null,
          1,
        ),
      );
    }
    const count = (from: number, to: number) =>
      outcomes.filter((o) => o.status >= from && o.status < to).length;
    console.log(
      `bad-input fuzz: ${covered.size} routes covered, ${sent} requests sent, ` +
        `${count(400, 500)} 4xx, ${count(200, 300)} 2xx, ${count(500, 600)} 5xx ` +
        `(${refusedRoles} route×role pairs refused with 403 after the first batch) ` +
        `(seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    // Over ten thousand requests: on a loaded shared 2-core machine this took 190 s, so the hook may
    // take up to 10 minutes; the assertions below are what matters, not the speed.
  }, 600_000);

  afterAll(async () => {
    keepAlive.destroy();
    await t?.close();
  });

  const sample = (o: Outcome) =>
    `${describeReq(o.req)} → ${o.status} ${o.text.replace(/\s+/g, ' ').slice(0, 200)}`;

  it('sends at least 3,000 requests over every operation of the document', () => {
    expect(sent).toBeGreaterThanOrEqual(3_000);
    expect(networkErrors).toEqual([]);
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.filter((k) => !covered.has(k) && k !== 'DELETE /api/auth/token')).toEqual([]);
  });

  it('never answers with a server error', () => {
    // The first 20, one per route and mutation (the same input often fails for every role).
    const seen = new Set<string>();
    const distinct = serverErrors.filter((o) => {
      const key = `${o.req.route} ${o.req.label}`;
      return !seen.has(key) && seen.add(key);
    });
    const listed = distinct.slice(0, 20).map(sample);
    if (serverErrors.length > listed.length)
      listed.push(`… ${serverErrors.length} server errors in all, ${distinct.length} distinct`);
    expect(listed).toEqual([]);
  });

  it('answers every 4xx with a problem document carrying code and type', () => {
    expect(badProblems.slice(0, 20)).toEqual([]);
  });

  it('leaves the database unchanged after every rejected request', () => {
    expect(dbChanges.slice(0, 20)).toEqual([]);
  });

  it('never pollutes Object.prototype', () => {
    const probe: Record<string, unknown> = {};
    expect([probe.polluted, probe.role]).toEqual([undefined, undefined]);
  });

  it('refuses input that breaks the schema (missing, wrong type, unknown, oversized)', () => {
    expect(accepted.slice(0, 20)).toEqual([]);
  });
});
