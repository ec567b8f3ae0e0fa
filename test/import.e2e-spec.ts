import ExcelJS from 'exceljs';
import { ImportService, type ImportJobView } from '@werkbrug/import';
import {
  bearer,
  buildWorld,
  insertOrganisation,
  insertUser,
  snapshot,
  tokenFor,
  World,
} from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 22: import and export of candidates, employers and workplaces, in the files a Dutch office
 * has (XLSX made with exceljs; CSV with ;, a BOM, ja/nee, Dutch dates and decimals). The worker's
 * part (ImportService.processNext) runs in the test.
 */

const PC4 = ['3441', '3442', '3443', '3444', '3445', '3446', '3447', '3448'];
const LETTERS = ['AB', 'BC', 'CD', 'DE', 'EF', 'GH'];
const WERKSOORTEN = ['Groen', 'Productie', 'Schoonmaak', 'Logistiek', 'Catering'];

const CANDIDATE_HEADERS = [
  'Registratienummer',
  'Voornaam',
  'Achternaam',
  'Geboortedatum',
  'Postcode',
  'Woonplaats',
  'Werksoort',
  'Uren per week',
  'Dagen',
  'Dagdelen',
  'Vervoer',
  'Reisafstand (km)',
  'Trede',
  'Route',
  'Jobcoach nodig',
  'Interesses',
];

/** One candidate row as an office writes it; `i` makes it unique, `changed` alters the wishes. */
function candidateRow(i: number, changed = false): (string | number | Date)[] {
  return [
    `REG-${10_000 + i}`,
    `Voornaam${i}`,
    `Achternaam ${i}`,
    new Date(Date.UTC(1970 + (i % 35), i % 12, 1 + (i % 27))),
    `${PC4[i % PC4.length]}${(LETTERS[i % LETTERS.length] ?? 'AB').toLowerCase()}`,
    'Woerden',
    `${WERKSOORTEN[i % WERKSOORTEN.length]}, ${WERKSOORTEN[(i + 2) % WERKSOORTEN.length]}`,
    i % 3 === 0 ? 24 : '16-32',
    i % 2 ? 'ma, di, wo, do' : 'maandag, woensdag en vrijdag',
    i % 4 ? 'ochtend, middag' : 'Ochtend',
    ['Fiets', 'OV', 'auto', 'e-bike'][i % 4] ?? 'fiets',
    changed ? '25' : `${5 + (i % 10)},5`,
    (i % 5) + 2,
    ['participatie', 'werk', 'jongeren'][i % 3] ?? 'werk',
    i % 2 ? 'ja' : 'Nee',
    changed ? 'houdt van koken' : `buiten werken ${i}`,
  ];
}

async function candidatesXlsx(
  count: number,
  changedRows: number[] = [],
  edit?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kandidaten');
  sheet.addRow(CANDIDATE_HEADERS);
  for (let i = 0; i < count; i++) sheet.addRow(candidateRow(i, changedRows.includes(i)));
  edit?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const BOM = '\ufeff';
const csv = (lines: string[]) => Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');

const WORKPLACE_HEADER =
  'Vacaturenummer;KvK-nummer werkgever;Functie;Werksoort;Postcode;Soort plek;Uren per week;Werkdagen;Dagdelen;Uren aanpasbaar;Startdatum;Tillen;Aantal plekken;Omschrijving';
const workplaceLine = (i: number) =>
  [
    `VAC-${i}`,
    '12345678',
    `Medewerker ${i}`,
    WERKSOORTEN[i % WERKSOORTEN.length],
    `${PC4[i % PC4.length]} ${LETTERS[i % LETTERS.length]}`,
    i % 2 ? 'Proefplaatsing, Werkervaringsplaats' : 'gewone baan',
    i % 2 ? '16-24' : '32',
    'ma, di, wo, do, vr',
    '"ochtend; middag"',
    i % 3 ? 'ja' : 'nee',
    `${String(1 + (i % 28)).padStart(2, '0')}-02-2027`,
    i % 4,
    1 + (i % 3),
    `"Werk met ""uitleg"" ${i}; ook op zaterdag"`,
  ].join(';');
const workplacesCsv = (count: number) =>
  csv([WORKPLACE_HEADER, ...Array.from({ length: count }, (_, i) => workplaceLine(i))]);

describe('import and export (issue 22)', () => {
  let t: TestApp;
  let w: World;
  let imports: ImportService;
  let drainSearch: () => Promise<unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    imports = t.app.get(ImportService);
    drainSearch = (await searchWorker(t)).drain;
  });
  afterAll(() => t?.close());

  /** The worker's part: takes queued jobs until none is left. */
  const work = async () => {
    while (await imports.processNext());
  };

  const upload = (
    token: string,
    kind: string,
    file: Buffer,
    name: string,
    fields: Record<string, string> = {},
  ) => {
    let req = t.http().post(`/api/import/${kind}`).set(bearer(token)).attach('file', file, name);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req;
  };

  /** Upload, let the worker run it, and answer the finished job. */
  async function importFile(
    token: string,
    kind: string,
    file: Buffer,
    name: string,
    fields: Record<string, string> = {},
  ): Promise<ImportJobView> {
    const res = await upload(token, kind, file, name, fields);
    if (res.status !== 202) throw new Error(`upload ${res.status} ${res.text}`);
    expect(res.headers.location).toBe(`/api/import/jobs/${res.body.id}`);
    await work();
    const job = await t.http().get(res.headers.location).set(bearer(token)).expect(200);
    return job.body as ImportJobView;
  }

  async function runFor(token: string, dry: ImportJobView): Promise<ImportJobView> {
    const res = await t.http().post(`/api/import/jobs/${dry.id}/run`).set(bearer(token));
    if (res.status !== 202) throw new Error(`run ${res.status} ${res.text}`);
    await work();
    return (await t.http().get(`/api/import/jobs/${res.body.id}`).set(bearer(token))).body;
  }

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.db.query(sql, params))[0].n);
  const versions = async (orgId: string) =>
    new Map<string, number>(
      (
        await t.db.query(`SELECT c.id, c.version FROM candidates c WHERE c.organisation_id = $1`, [
          orgId,
        ])
      ).map((r: { id: string; version: number }) => [r.id, r.version]),
    );

  it('serves the documented templates, with one example row', async () => {
    const res = await t
      .http()
      .get('/api/import/templates/candidates.csv')
      .set(bearer(w.wmA.token))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const body = res.body as Buffer;
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, example] = body.toString('utf8').slice(1).split('\r\n');
    expect(header).toContain('Voornaam;Achternaam');
    expect(example).toContain('Noor;Visser');
    const xlsx = await t
      .http()
      .get('/api/import/templates/workplaces.xlsx')
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    await t.http().get('/api/import/templates/vacatures.csv').set(bearer(w.wmA.token)).expect(404);
  });

  let firstRun: ImportJobView;
  it('imports 600 candidates from an XLSX: a dry run writes nothing, the real run writes them', async () => {
    const before = await snapshot(t.db);
    const file = await candidatesXlsx(600);
    const dry = await importFile(w.wmA.token, 'candidates', file, 'kandidaten.xlsx');
    expect(dry).toMatchObject({ status: 'done', dryRun: true, failure: null });
    expect(dry.totals).toEqual({ new: 600, changed: 0, unchanged: 0, refused: 0, duplicates: 0 });
    expect(dry.progress).toEqual({ rowsDone: 600, rowsTotal: 600 });
    expect(await snapshot(t.db)).toBe(before);

    const started = Date.now();
    firstRun = await runFor(w.wmA.token, dry);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `import: 600 candidates written in ${seconds.toFixed(1)} s (${Math.round(600 / seconds)} rows/s)`,
    );
    expect(firstRun).toMatchObject({ status: 'done', dryRun: false, dryRunJobId: dry.id });
    expect(firstRun.totals).toEqual({
      new: 600,
      changed: 0,
      unchanged: 0,
      refused: 0,
      duplicates: 0,
    });
    expect(
      await count(`SELECT count(*) AS n FROM import_links WHERE organisation_id = $1`, [w.orgA]),
    ).toBe(600);
    // The values as people wrote them became the API's codes.
    const [c] = await t.db.query(
      `SELECT c.* FROM candidates c JOIN import_links l ON l.record_id = c.id
        WHERE l.extern_id = 'REG-10001'`,
    );
    expect(c).toMatchObject({
      postcode: '3442BC',
      werksoort_wishes: ['productie', 'logistiek'],
      hours_min: 16,
      hours_max: 32,
      days: ['ma', 'di', 'wo', 'do'],
      dayparts: ['ochtend', 'middag'],
      travel_mode: 'ov',
      ladder_rung: 3,
      route: 'werk',
      needs_jobcoach: true,
    });
    expect(Number(c.max_travel_km)).toBe(6.5);
    const [p] = await t.db.query(
      `SELECT first_name, date_of_birth::text AS born FROM candidate_protected WHERE candidate_id = $1`,
      [c.id],
    );
    expect(p).toEqual({ first_name: 'Voornaam1', born: '1971-02-02' });
    // Audited as the werkmakelaar's creates; search follows through the outbox; no mail.
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'candidate.create' AND details->>'importJobId' = $1`,
        [firstRun.id],
      ),
    ).toBe(600);
    expect(
      await count(
        `SELECT count(*) AS n FROM outbox_messages WHERE topic = 'search.candidate' AND aggregate_id::text IN (
           SELECT record_id::text FROM import_links WHERE organisation_id = $1)`,
        [w.orgA],
      ),
    ).toBe(600);
    expect(
      await count(
        `SELECT count(*) AS n FROM outbox_messages WHERE topic = 'mail.send' AND created_at >= $1`,
        [new Date(started)],
      ),
    ).toBe(0);
    // The report downloads as CSV and XLSX.
    const report = await t
      .http()
      .get(`/api/import/jobs/${firstRun.id}/report.csv`)
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(report.text).toContain('Nieuw: 600');
    await t
      .http()
      .get(`/api/import/jobs/${firstRun.id}/report.xlsx`)
      .set(bearer(w.wmA.token))
      .expect(200);
    // A dry run runs once.
    const again = await t.http().post(`/api/import/jobs/${dry.id}/run`).set(bearer(w.wmA.token));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('IMPORT_NOT_RUNNABLE');
  });

  it('imports the same file again and nothing changes', async () => {
    const before = await versions(w.orgA);
    const dry = await importFile(
      w.wmA.token,
      'candidates',
      await candidatesXlsx(600),
      'kandidaten.xlsx',
    );
    expect(dry.totals).toEqual({ new: 0, changed: 0, unchanged: 600, refused: 0, duplicates: 0 });
    const real = await runFor(w.wmA.token, dry);
    expect(real.totals.unchanged).toBe(600);
    expect(await versions(w.orgA)).toEqual(before);
  });

  it('changes exactly the two records whose rows changed, versions up by one, audited', async () => {
    const before = await versions(w.orgA);
    const dry = await importFile(
      w.wmA.token,
      'candidates',
      await candidatesXlsx(600, [7, 300]),
      'kandidaten.xlsx',
    );
    expect(dry.totals).toEqual({ new: 0, changed: 2, unchanged: 598, refused: 0, duplicates: 0 });
    const real = await runFor(w.wmA.token, dry);
    expect(real.totals.changed).toBe(2);
    const after = await versions(w.orgA);
    const changed = [...after].filter(([id, v]) => before.get(id) !== v);
    expect(changed).toHaveLength(2);
    for (const [id, v] of changed) expect(v).toBe((before.get(id) as number) + 1);
    const ids = (
      await t.db.query(
        `SELECT record_id FROM import_links WHERE extern_id IN ('REG-10007', 'REG-10300') AND organisation_id = $1`,
        [w.orgA],
      )
    ).map((r: { record_id: string }) => r.record_id);
    expect(changed.map(([id]) => id).sort()).toEqual(ids.sort());
    const audits = await t.db.query(
      `SELECT candidate_id, details FROM audit_log WHERE action = 'candidate.update' AND details->>'importJobId' = $1`,
      [real.id],
    );
    expect(audits.map((a: { candidate_id: string }) => a.candidate_id).sort()).toEqual(ids.sort());
    expect(audits[0].details.fields).toEqual(expect.arrayContaining(['maxTravelKm', 'interests']));
  });

  it('reports rows without an Extern ID that look like someone already here, and creates none', async () => {
    const file = await candidatesXlsx(3, [], (sheet) => {
      sheet.getColumn(1).eachCell((cell, row) => {
        if (row > 1) cell.value = null;
      });
      // Row 2 (REG-10000) with a typo in the name: still the same person.
      sheet.getCell('B2').value = 'Voornam0';
    });
    const dry = await importFile(w.wmA.token, 'candidates', file, 'zonder-nummer.xlsx');
    expect(dry.totals).toMatchObject({ new: 0, duplicates: 3 });
    expect(dry.problems[0]?.message).toMatch(/Lijkt dezelfde persoon als kandidaat K-\d{6}/);
  });

  it('imports 240 workplaces from a Dutch CSV (;, BOM, ja/nee, dates), then again without change', async () => {
    const file = workplacesCsv(240);
    const dry = await importFile(w.wmA.token, 'workplaces', file, 'werkplekken.csv');
    expect(dry.totals).toEqual({ new: 240, changed: 0, unchanged: 0, refused: 0, duplicates: 0 });
    const real = await runFor(w.wmA.token, dry);
    expect(real.totals.new).toBe(240);
    const [v] = await t.db.query(
      `SELECT v.* FROM vacancies v JOIN import_links l ON l.record_id = v.id WHERE l.extern_id = 'VAC-3'`,
    );
    expect(v).toMatchObject({
      title: 'Medewerker 3',
      arrangements: ['proefplaatsing', 'werkervaringsplaats'],
      hours_min: 16,
      hours_max: 24,
      hours_adjustable: false,
      demand_lifting: 3,
      places: 1,
      description: 'Werk met "uitleg" 3; ook op zaterdag',
    });
    const again = await importFile(w.wmA.token, 'workplaces', file, 'werkplekken.csv');
    expect(again.totals).toEqual({
      new: 0,
      changed: 0,
      unchanged: 240,
      refused: 0,
      duplicates: 0,
    });
  });

  it('a job whose worker died is taken again once its lease ran out, and goes on idempotently', async () => {
    const lines = [
      'Extern ID;Naam;KvK-nummer;Postcode;Adres',
      'W-1;Bakkerij Brood;11112222;3441 AB;Kerkstraat 1',
      'W-1;Bakkerij Brood;11112222;3442 BC;Molenweg 2',
      'W-2;Fietsmaker Wiel;33334444;3443 CD;Dorpsstraat 3',
    ];
    const dry = await importFile(w.wmA.token, 'employers', csv(lines), 'werkgevers.csv');
    expect(dry.totals).toMatchObject({ new: 2, refused: 0 });
    const run = await t.http().post(`/api/import/jobs/${dry.id}/run`).set(bearer(w.wmA.token));
    // A worker claimed it and died: running, with a lease that still holds.
    await t.db.query(
      `UPDATE import_jobs SET status = 'running', attempts = 1, lease_until = now() + interval '1 minute' WHERE id = $1`,
      [run.body.id],
    );
    expect(await imports.processNext()).toBe(false);
    await t.db.query(
      `UPDATE import_jobs SET lease_until = now() - interval '1 second' WHERE id = $1`,
      [run.body.id],
    );
    await work();
    const job = (await t.http().get(`/api/import/jobs/${run.body.id}`).set(bearer(w.wmA.token)))
      .body as ImportJobView;
    expect(job).toMatchObject({ status: 'done', totals: { new: 2, refused: 0 } });
    expect(
      await count(
        `SELECT count(*) AS n FROM employer_locations l JOIN employers e ON e.id = l.employer_id WHERE e.kvk_number = '11112222'`,
      ),
    ).toBe(2);
    // The same file once more: both employers unchanged, no second copy.
    const again = await importFile(w.wmA.token, 'employers', csv(lines), 'werkgevers.csv');
    expect(again.totals).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
  });

  describe('bad input: a Dutch answer, never a 500, nothing written', () => {
    let before: string;
    beforeEach(async () => {
      await work();
      before = await snapshot(t.db);
    });
    afterEach(async () => {
      await work();
      expect(await snapshot(t.db)).toBe(before);
    });

    /** The answer: at upload (4xx) or as the failed job's message. */
    async function answer(file: Buffer, name: string, fields: Record<string, string> = {}) {
      const res = await upload(w.wmA.token, 'candidates', file, name, fields);
      expect(res.status).toBeLessThan(500);
      if (res.status !== 202)
        return { status: res.status, code: res.body.code, text: res.body.detail };
      await work();
      const job = (await t.http().get(`/api/import/jobs/${res.body.id}`).set(bearer(w.wmA.token)))
        .body as ImportJobView;
      return { status: job.status, code: null, text: job.failure ?? JSON.stringify(job.problems) };
    }

    it('an empty file', async () => {
      expect(await answer(Buffer.alloc(0), 'leeg.csv')).toMatchObject({
        status: 422,
        code: 'IMPORT_FILE_UNREADABLE',
        text: 'Het bestand is leeg.',
      });
      expect((await answer(Buffer.from(BOM + '\r\n'), 'leeg.csv')).text).toBe(
        'Het bestand is leeg.',
      );
    });

    it('a PDF renamed .xlsx', async () => {
      const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
      expect(await answer(pdf, 'kandidaten.xlsx')).toMatchObject({
        status: 422,
        code: 'IMPORT_FILE_UNREADABLE',
        text: 'Dit is een PDF-bestand, ook al eindigt de naam op .xlsx. Werkbrug leest alleen Excel (.xlsx) en CSV.',
      });
    });

    it('a file over 50 MB', async () => {
      const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x61);
      const res = await answer(big, 'groot.csv');
      expect(res).toMatchObject({ status: 413, code: 'IMPORT_FILE_TOO_LARGE' });
      expect(res.text).toContain('tot 50 MB');
    });

    it('formulas: the saved result is taken, a formula without one refuses its row', async () => {
      const file = await candidatesXlsx(2, [], (sheet) => {
        sheet.getCell('H2').value = { formula: '8*3', result: 24 };
        sheet.getCell('H3').value = { formula: 'SUM(Z1:Z9)' } as ExcelJS.CellFormulaValue;
      });
      const res = await upload(w.wmA.token, 'candidates', file, 'formules.xlsx');
      await work();
      const job = (await t.http().get(`/api/import/jobs/${res.body.id}`).set(bearer(w.wmA.token)))
        .body as ImportJobView;
      // Row 2 is REG-10000, already here with 24 hours: unchanged; row 3 refused.
      expect(job.totals).toMatchObject({ unchanged: 1, refused: 1 });
      expect(job.problems).toContainEqual(
        expect.objectContaining({
          row: 3,
          column: 'Uren per week',
          message:
            'Deze cel bevat een formule zonder opgeslagen uitkomst. Open het bestand in Excel en sla het op, of zet de waarde zelf in de cel.',
        }),
      );
    });

    it('100,001 rows', async () => {
      const lines = [
        'Voornaam;Achternaam;Postcode;Werksoort;Uren per week;Dagen;Dagdelen;Vervoer;Trede;Route',
      ];
      for (let i = 0; i < 100_001; i++)
        lines.push(`A${i};B;3441 AB;groen;8;ma;ochtend;fiets;3;werk`);
      const res = await answer(csv(lines), 'heel-veel.csv');
      expect(res).toMatchObject({ status: 'failed' });
      expect(res.text).toBe(
        'Het bestand heeft 100.001 rijen. Werkbrug leest hooguit 100.000 rijen per bestand: splits het bestand in delen.',
      );
    });

    it('an unknown column, then accepted with a mapping', async () => {
      const lines = [
        'Voornaam;Achternaam;Postcode;Werksoort;Uren per week;Dagen;Dagdelen;Vervoer;Trede;Route;Schoenmaat',
        'Piet;Jansen;3441 AB;groen;8;ma;ochtend;fiets;3;werk;44',
      ];
      const res = await answer(csv(lines), 'onbekend.csv');
      expect(res).toMatchObject({ status: 'failed' });
      expect(res.text).toBe(
        'Onbekende kolom: "Schoenmaat". Geef in de koppeling aan welke kolom van Werkbrug het is, of haal de kolom weg.',
      );
      const mapped = await answer(csv(lines), 'onbekend.csv', {
        mapping: JSON.stringify({ Schoenmaat: 'Interesses' }),
      });
      expect(mapped.status).toBe('done');
    });

    it('the header row missing', async () => {
      const lines = [
        'Piet;Jansen;3441 AB;groen;8;ma;ochtend;fiets;3;werk',
        'Kees;Bakker;3442 AB;groen;8;ma;ochtend;fiets;3;werk',
      ];
      const res = await answer(csv(lines), 'zonder-kop.csv');
      expect(res.status).toBe('failed');
      expect(res.text).toMatch(
        /^De eerste rij is geen kopregel: Werkbrug vindt er geen kolomnamen in/,
      );
    });

    it('mixed encodings', async () => {
      const head = Buffer.from(
        'Voornaam;Achternaam;Postcode;Werksoort;Uren per week;Dagen;Dagdelen;Vervoer;Trede;Route\r\n',
      );
      const utf8 = Buffer.from('Zoë;Hé;3441 AB;groen;8;ma;ochtend;fiets;3;werk\r\n', 'utf8');
      const latin1 = Buffer.from(
        'Noël;Brûlé;3441 AB;groen;8;ma;ochtend;fiets;3;werk\r\n',
        'latin1',
      );
      const res = await answer(Buffer.concat([head, utf8, latin1]), 'gemengd.csv');
      expect(res).toMatchObject({ status: 422, code: 'IMPORT_FILE_UNREADABLE' });
      expect(res.text).toContain('mengt twee tekensets');
    });

    it('protected columns without a purpose, or from an administrator', async () => {
      const lines = [
        'Voornaam;Achternaam;Postcode;Werksoort;Uren per week;Dagen;Dagdelen;Vervoer;Trede;Route;Uitkering;Loonwaarde',
        'Piet;Jansen;3441 AB;groen;8;ma;ochtend;fiets;3;werk;bijstand;60',
      ];
      const res = await answer(csv(lines), 'beschermd.csv');
      expect(res.status).toBe('failed');
      expect(res.text).toBe(
        'De kolommen "Uitkering" en "Loonwaarde" bevatten beschermde gegevens. Die importeert alleen een werkmakelaar van deze organisatie, met een doel (bijvoorbeeld "overdracht caseload"). Geef een doel op, of laat die kolommen weg.',
      );
      const admin = await upload(w.adminToken, 'candidates', csv(lines), 'beschermd.csv', {
        organisationId: w.orgA,
        purpose: 'overdracht caseload',
      });
      expect(admin.status).toBe(202);
      await work();
      const job = await t.http().get(`/api/import/jobs/${admin.body.id}`).set(bearer(w.adminToken));
      expect(job.body.status).toBe('failed');
      expect(job.body.failure).toContain('beschermde gegevens');
    });

    it('a werkmakelaar of another organisation', async () => {
      const res = await upload(w.wmB.token, 'candidates', csv(['Voornaam']), 'x.csv', {
        organisationId: w.orgA,
      });
      expect(res.status).toBe(403);
      const mine = await upload(
        w.wmA.token,
        'employers',
        csv(['Naam;KvK-nummer;Postcode']),
        'x.csv',
      );
      expect(mine.status).toBe(202);
      await t.http().get(`/api/import/jobs/${mine.body.id}`).set(bearer(w.wmB.token)).expect(404);
      await t
        .http()
        .post(`/api/import/jobs/${mine.body.id}/run`)
        .set(bearer(w.wmB.token))
        .expect(404);
      await t
        .http()
        .get(`/api/export/candidates.csv?organisationId=${w.orgA}`)
        .set(bearer(w.wmB.token))
        .expect(403);
      await t
        .http()
        .get(`/api/export/candidates.csv?organisationId=${w.orgA}`)
        .set(bearer(w.adminToken))
        .expect(403);
    });
  });

  it('imports protected columns from a werkmakelaar of the organisation with a purpose, audited', async () => {
    const lines = [
      'Extern ID;Voornaam;Achternaam;Postcode;Werksoort;Uren per week;Dagen;Dagdelen;Vervoer;Trede;Route;Uitkering;Loonwaarde;Banenafspraak',
      'P-1;Piet;Jansen;3441 AB;groen;8;ma;ochtend;fiets;3;werk;bijstand;60%;ja',
    ];
    const dry = await importFile(w.wmA.token, 'candidates', csv(lines), 'beschermd.csv', {
      purpose: 'overdracht caseload',
    });
    expect(dry.totals.new).toBe(1);
    const real = await runFor(w.wmA.token, dry);
    expect(real.totals.new).toBe(1);
    const [p] = await t.db.query(
      `SELECT p.benefit_type, p.loonwaarde_pct, p.banenafspraak FROM candidate_protected p
         JOIN import_links l ON l.record_id = p.candidate_id WHERE l.extern_id = 'P-1'`,
    );
    expect(p).toEqual({ benefit_type: 'participatiewet', loonwaarde_pct: 60, banenafspraak: true });
    const [audit] = await t.db.query(
      `SELECT purpose FROM audit_log WHERE action = 'candidate.create' AND details->>'importJobId' = $1`,
      [real.id],
    );
    expect(audit.purpose).toBe('overdracht caseload');
  });

  it('exports with CSV injection neutralised, and export → import into an empty organisation round-trips', async () => {
    await t.db.query(
      `UPDATE candidates SET interests = '=HYPERLINK("http://x")' WHERE id = (
         SELECT record_id FROM import_links WHERE extern_id = 'REG-10002' AND organisation_id = $1)`,
      [w.orgA],
    );
    const exported = await t
      .http()
      .get(`/api/export/candidates.csv?organisationId=${w.orgA}`)
      .set(bearer(w.wmA.token))
      .set('X-Purpose', 'overdracht naar de nieuwe gemeente')
      .expect(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(exported.text).not.toMatch(/;=HYPERLINK/);
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'candidate.protected.read' AND purpose = 'overdracht naar de nieuwe gemeente'`,
      ),
    ).toBeGreaterThanOrEqual(600);

    const xlsx = await t
      .http()
      .get(`/api/export/candidates.xlsx?organisationId=${w.orgA}&purpose=overdracht`)
      .set(bearer(w.wmA.token))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);

    const orgC = await insertOrganisation(t.db, 'gemeente', 'Gemeente Nieuw');
    await insertUser(t.db, 'werkmakelaar', 'wm.c@test.nl', orgC);
    const wmC = await tokenFor(t, 'wm.c@test.nl');
    const dry = await importFile(wmC, 'candidates', xlsx.body as Buffer, 'export.xlsx', {
      purpose: 'overdracht',
    });
    const total = await count(
      `SELECT count(*) AS n FROM candidates WHERE organisation_id = $1 AND erased_at IS NULL`,
      [w.orgA],
    );
    expect(dry.totals).toMatchObject({ new: total, refused: 0 });
    const real = await runFor(wmC, dry);
    expect(real.totals.new).toBe(total);

    // The same work profiles, field by field.
    const profile = `werksoort_wishes, interests, hours_min, hours_max, days, dayparts, postcode, place,
      lat, lng, travel_mode, max_travel_km, max_travel_minutes, ladder_rung, ladder_measured_on::text,
      route, arrangements, certificates, language_level, ability_lifting, ability_standing, ability_pace,
      ability_stimuli, ability_outdoor, needs_jobcoach, needs_buddy, needs_wheelchair_access,
      trajectory_ended_on::text`;
    const profiles = async (org: string) =>
      (
        await t.db.query(
          `SELECT ${profile}, p.first_name, p.last_name, p.benefit_type, p.loonwaarde_pct
             FROM candidates c JOIN candidate_protected p ON p.candidate_id = c.id
            WHERE c.organisation_id = $1 AND c.erased_at IS NULL`,
          [org],
        )
      )
        .map((r: Record<string, unknown>) => JSON.stringify(r))
        .sort();
    expect(await profiles(orgC)).toEqual(await profiles(w.orgA));

    // The same matches for a sample of candidates.
    await drainSearch();
    const sample = ['REG-10001', 'REG-10050', 'REG-10123', 'REG-10404', 'REG-10599'];
    for (const extern of sample) {
      const [a] = await t.db.query(
        `SELECT record_id FROM import_links WHERE organisation_id = $1 AND extern_id = $2`,
        [w.orgA, extern],
      );
      const [c] = await t.db.query(
        `SELECT record_id FROM import_links WHERE organisation_id = $1 AND extern_id = $2`,
        [orgC, extern],
      );
      const matches = async (token: string, id: string) => {
        const res = await t
          .http()
          .get(`/api/candidates/${id}/matches`)
          .set(bearer(token))
          .expect(200);
        return JSON.stringify(
          (res.body.matches ?? res.body.items ?? []).map(
            (m: { vacancy?: { id: string }; vacancyId?: string; score?: number }) => [
              m.vacancy?.id ?? m.vacancyId,
              m.score,
            ],
          ),
        );
      };
      expect(await matches(wmC, c.record_id)).toBe(await matches(w.wmA.token, a.record_id));
    }
  });

  it('exports employers and workplaces in the template columns', async () => {
    const employers = await t
      .http()
      .get('/api/export/employers.csv')
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(employers.text).toContain('Hoveniersbedrijf Groen & Zo;12345678');
    const workplaces = await t
      .http()
      .get('/api/export/workplaces.csv')
      .set(bearer(w.wmA.token))
      .expect(200);
    expect(workplaces.text.split('\r\n')[0]).toContain('Extern ID;KvK-nummer werkgever;Functie');
    expect(workplaces.text).toContain('VAC-3;12345678;Medewerker 3');
    // Import of the export into the same organisation: nothing changes.
    const again = await importFile(
      w.wmA.token,
      'workplaces',
      Buffer.from(workplaces.text, 'utf8'),
      'export.csv',
    );
    expect(again.totals).toMatchObject({ new: 0, changed: 0, refused: 0 });
  });
});
