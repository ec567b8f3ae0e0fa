import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Query parameters PDOK Locatieserver v3_1 `free` accepts; anything else is a 400 there too. */
const ALLOWED = new Set(['q', 'fq', 'fl', 'rows', 'start', 'sort', 'df', 'bq', 'lat', 'lon', 'wt']);
const FIXTURES = path.join(__dirname, 'pdok');

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as {
    response: { docs: Record<string, unknown>[] };
  };

export interface PdokServer {
  /** Base URL, as GEOCODER_URL: http://127.0.0.1:<port>/bzk/locatieserver/search/v3_1 */
  url: string;
  /** Every request's path and query, in order. */
  requests: string[];
  /** Answer every request with this HTTP status instead (an outage). */
  failWith: number | null;
  close(): Promise<void>;
}

/**
 * A local stand-in for PDOK Locatieserver on loopback, answering recorded `free` responses
 * (test/support/pdok/free-postcode-<PC6>.json; no file: the recorded empty answer). Like PDOK it
 * refuses unknown query parameters and returns only the fields asked for in `fl`.
 */
export async function startPdokServer(): Promise<PdokServer> {
  const state = { requests: [] as string[], failWith: null as number | null };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    state.requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (state.failWith) return send(state.failWith, { message: 'Service Unavailable' });
    if (url.pathname !== '/bzk/locatieserver/search/v3_1/free')
      return send(404, { message: 'Not Found' });
    const unknown = [...url.searchParams.keys()].filter((k) => !ALLOWED.has(k));
    if (unknown.length) return send(400, { message: `unknown query parameter(s): ${unknown}` });
    const q = url.searchParams.get('q') ?? '';
    const match = /^postcode:([1-9][0-9]{3}[A-Z]{2})$/.exec(q);
    let body;
    try {
      body = match ? fixture(`free-postcode-${match[1]}.json`) : fixture('free-empty.json');
    } catch {
      body = fixture('free-empty.json');
    }
    const fl = url.searchParams.get('fl');
    if (fl) {
      const keep = new Set(fl.split(','));
      body.response.docs = body.response.docs.map((d) =>
        Object.fromEntries(Object.entries(d).filter(([k]) => keep.has(k))),
      );
    }
    send(200, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1`,
    get requests() {
      return state.requests;
    },
    get failWith() {
      return state.failWith;
    },
    set failWith(value: number | null) {
      state.failWith = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } as PdokServer;
}
