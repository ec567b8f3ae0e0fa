import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, RunningMeilisearch, startMeilisearch } from '@werkbrug/embedded';
import { SearchIndexer, SearchOutboxHandlers } from '@werkbrug/matching';
import { OutboxProcessor } from '@werkbrug/outbox';
import { DataSource } from 'typeorm';
import { bearer, buildWorld, candidateBody, vacancyBody, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Kills the real Meilisearch process during a stream of writes, restarts it, and proves nothing is lost:
 * every id and update stamp in PostgreSQL is in the index afterwards.
 */
describe('when Meilisearch is down', () => {
  let t: TestApp;
  let w: World;
  let meili: RunningMeilisearch;
  let dataDir: string;
  let port: number;
  let processor: OutboxProcessor;
  const key = 'outage-test-master-key-0123456789';
  const noop = () => undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'wb-meili-'));
    port = await freePort();
    meili = await startMeilisearch({ dataDir, port, masterKey: key, log: noop });
    t = await startTestApp({ MEILI_URL: meili.url, MEILI_MASTER_KEY: key });
    w = await buildWorld(t);
    await t.app.get(SearchIndexer).ensureSettings();
    processor = new OutboxProcessor(t.app.get(DataSource), t.app.get(SearchOutboxHandlers).all(), {
      baseDelayMs: 100,
      maxDelayMs: 500,
      idlePollMs: 20,
    });
    processor.start();
  });
  afterAll(async () => {
    await processor.stop();
    await t.close();
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const waitFor = async (check: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('condition not reached in time');
  };

  it('keeps accepting writes, reports search down, answers 503, and catches up after a restart', async () => {
    const created: string[] = [];
    const write = async (i: number) => {
      const res = await t
        .http()
        .post('/api/vacancies')
        .set(bearer(w.wmA.token))
        .send(vacancyBody({ employerId: w.employer.id, title: `Groenwerk ${i}` }));
      expect(res.status).toBe(201);
      created.push(res.body.id);
      if (i % 5 === 0) {
        const c = await t
          .http()
          .post('/api/candidates')
          .set(bearer(w.wmA.token))
          .send(candidateBody({ interests: `schrijven ${i}` }));
        expect(c.status).toBe(201);
      }
    };
    for (let i = 0; i < 20; i++) await write(i);
    // Kill -9: no graceful shutdown, mid-stream.
    meili.process.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 20; i < 60; i++) await write(i);
    const current = await t
      .http()
      .get(`/api/vacancies/${created[0]}`)
      .set(bearer(w.wmA.token))
      .expect(200);
    await t
      .http()
      .patch(`/api/vacancies/${created[0]}`)
      .set(bearer(w.wmA.token))
      .send({ version: current.body.version, status: 'closed' })
      .expect(200);
    await t.http().delete(`/api/vacancies/${created[1]}`).set(bearer(w.wmA.token)).expect(204);

    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({
      database: { status: 'up' },
      search: { status: 'down' },
    });
    const match = await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}/matches`)
      .set(bearer(w.wmA.token));
    expect(match.status).toBe(503);
    // The seconds until the circuit breaker's next probe (1, 2, 4 … at most 5).
    expect(match.headers['retry-after']).toMatch(/^[1-5]$/);
    expect(match.body.code).toBe('SEARCH_UNAVAILABLE');
    const search = await t.http().get('/api/search/vacancies?q=groen').set(bearer(w.wmA.token));
    expect(search.status).toBe(503);
    const [{ waiting }] = await t.db.query(
      `SELECT count(*)::int AS waiting FROM outbox_messages WHERE status <> 'done'`,
    );
    expect(waiting).toBeGreaterThan(0);
    const [{ withError }] = await t.db.query(
      `SELECT count(*)::int AS "withError" FROM outbox_messages WHERE last_error IS NOT NULL AND status <> 'done'`,
    );
    expect(withError).toBeGreaterThan(0);

    meili = await startMeilisearch({ dataDir, port, masterKey: key, log: noop });
    await waitFor(async () => {
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE status <> 'done'`,
      );
      return n === 0;
    }, 30_000);
    await t.http().get('/health/ready').expect(200);
    const report = await t.app.get(SearchIndexer).reconcile(false);
    for (const r of Object.values(report)) {
      expect({ missing: r.missing, extra: r.extra, stale: r.stale }).toEqual({
        missing: [],
        extra: [],
        stale: [],
      });
      expect(r.index).toBe(r.database);
    }
    expect(report.vacancies.database).toBeGreaterThanOrEqual(60);
    const afterMatch = await t
      .http()
      .get('/api/search/vacancies?q=Groenwerk')
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(afterMatch.body.items.map((v: { id: string }) => v.id)).not.toContain(created[0]);
  });
});
