import { ApiMetrics } from '@werkbrug/metrics';
import { freePort } from '@werkbrug/embedded';
import { buildWorld } from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';

const TOKEN = 'metrics-token-for-the-test-0123456789';

/** The value of one series in a Prometheus text exposition (0 when absent). */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const total = text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return total;
}

describe('GET /metrics (Prometheus, own port, token)', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_PORT: String(await freePort()), METRICS_TOKEN: TOKEN });
    url = `http://127.0.0.1:${t.app.get(ApiMetrics).port}/metrics`;
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  it('is not on the API port, and refuses a scrape without the token', async () => {
    await t.http().get('/metrics').expect(404);
    await t.http().get('/api/metrics').expect(404);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('outbox gauges rise with writes and fall back when the worker drains them', async () => {
    const before = await scrape();
    expect(value(before, 'werkbrug_outbox_messages')).toBe(0);
    expect(value(before, 'werkbrug_outbox_oldest_pending_age_seconds')).toBe(0);
    await buildWorld(t); // employers, vacancies and candidates through the API: outbox rows
    const written = await scrape();
    expect(
      value(written, 'werkbrug_outbox_messages', { topic: 'search.candidate', status: 'pending' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      value(written, 'werkbrug_outbox_messages', { topic: 'search.vacancy', status: 'pending' }),
    ).toBeGreaterThanOrEqual(2);
    expect(value(written, 'werkbrug_outbox_oldest_pending_age_seconds')).toBeGreaterThan(0);
    const { drain } = await searchWorker(t);
    expect(await drain()).toBeGreaterThan(0);
    const drained = await scrape();
    expect(value(drained, 'werkbrug_outbox_messages', { topic: 'search.candidate' })).toBe(0);
    expect(value(drained, 'werkbrug_outbox_messages')).toBe(0);
    expect(value(drained, 'werkbrug_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(value(drained, 'werkbrug_outbox_dead_messages')).toBe(0);
    // buildWorld logged in several users.
    expect(value(drained, 'werkbrug_active_sessions')).toBeGreaterThanOrEqual(3);
    expect(value(drained, 'werkbrug_search_up')).toBe(1);
    expect(value(drained, 'werkbrug_meilisearch_failed_tasks')).toBeGreaterThanOrEqual(0);
  });

  it('counts requests per route template and errors per problem code, plus memory and event-loop lag', async () => {
    await t.http().get('/api/candidates/not-a-uuid').expect(401);
    await t.http().get('/health').expect(200);
    const text = await scrape();
    expect(
      value(text, 'werkbrug_http_requests_total', { route: '/health', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(text, 'werkbrug_problems_total', { status: '401', code: 'UNAUTHENTICATED' }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/werkbrug_http_request_duration_seconds_bucket\{.*route="\/health"/);
    // Never a raw path with an id in it.
    expect(text).not.toMatch(/not-a-uuid/);
    expect(value(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds/);
  });
});
