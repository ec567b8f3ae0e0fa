import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@werkbrug/auth';
import { OrganisationsService } from '@werkbrug/organisations';
import { BREAKDOWNS, ReportsService, type Breakdown, type FermWerkQuery } from '@werkbrug/reports';
import {
  actorOf,
  FormErrors,
  labelChoices,
  PageResponder,
  str,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { barChartSvg } from './bar-chart';
import { labelOf } from '@werkbrug/domain';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CSV_TABLES = ['ferm-werk', 'trechter', 'duurzaamheid', 'ladder'] as const;
type CsvTable = (typeof CSV_TABLES)[number];

/** The report filters from the query string; wrong values become form errors, never a 500. */
function readFilters(req: WebRequest, actor: Actor) {
  const errors = new FormErrors();
  const q: FermWerkQuery = {};
  const from = str(req.query.from);
  const to = str(req.query.to);
  const by = str(req.query.by);
  const gemeente = str(req.query.gemeente);
  const organisationId = str(req.query.organisationId);
  if (from && !ISO.test(from))
    errors.add('from', 'Vul een datum in, bijvoorbeeld 31 januari 2024.');
  else if (from) q.from = from;
  if (to && !ISO.test(to)) errors.add('to', 'Vul een datum in, bijvoorbeeld 31 december 2024.');
  else if (to) q.to = to;
  if (q.from && q.to && q.from > q.to) errors.add('to', 'De einddatum ligt voor de begindatum.');
  if (by && !(BREAKDOWNS as readonly string[]).includes(by))
    errors.add('by', 'Kies een indeling uit de lijst.');
  else if (by) q.by = by as Breakdown;
  if (gemeente.length > 100) errors.add('gemeente', 'Vul een kortere gemeentenaam in.');
  else if (gemeente) q.gemeente = gemeente;
  if (actor.role === 'admin' && organisationId) {
    if (!UUID.test(organisationId))
      errors.add('organisationId', 'Kies een organisatie uit de lijst.');
    else q.organisationId = organisationId;
  }
  return { q, errors, values: { from, to, by, gemeente, organisationId } };
}

const queryString = (q: FermWerkQuery) =>
  new URLSearchParams(Object.entries(q).filter(([, v]) => !!v) as [string, string][]).toString();

/**
 * The outcome reports as pages: for a werkmakelaar their own organisation, for an administrator
 * any organisation or all. Each table has a server-drawn SVG chart beside it and a CSV download.
 */
@WebController()
export class ReportPagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly reports: ReportsService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get('werkmakelaar/rapportages')
  @WebAccess('werkmakelaar')
  broker(@Req() req: WebRequest, @Res() res: Response) {
    return this.page(req, res, '/werkmakelaar/rapportages');
  }

  @Get('beheer/rapportages')
  @WebAccess('admin')
  admin(@Req() req: WebRequest, @Res() res: Response) {
    return this.page(req, res, '/beheer/rapportages');
  }

  @Get('werkmakelaar/rapportages/csv')
  @WebAccess('werkmakelaar')
  brokerCsv(@Req() req: WebRequest, @Res() res: Response) {
    return this.csv(req, res);
  }

  @Get('beheer/rapportages/csv')
  @WebAccess('admin')
  adminCsv(@Req() req: WebRequest, @Res() res: Response) {
    return this.csv(req, res);
  }

  private async csv(req: WebRequest, res: Response) {
    const actor = actorOf(req);
    const { q, errors } = readFilters(req, actor);
    const table = (str(req.query.tabel) || 'ferm-werk') as CsvTable;
    if (errors.any || !CSV_TABLES.includes(table)) {
      res.status(400).type('text/plain; charset=utf-8').send('Onbekende tabel of filter.');
      return;
    }
    const text =
      table === 'ferm-werk'
        ? await this.reports.fermWerkCsv(actor, q)
        : table === 'trechter'
          ? await this.reports.funnelCsv(actor, q)
          : table === 'duurzaamheid'
            ? await this.reports.durabilityCsv(actor, q)
            : await this.reports.ladderProgressCsv(actor, q);
    res
      .status(200)
      .setHeader('Content-Disposition', `attachment; filename="${table}.csv"`)
      .setHeader('Cache-Control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(text);
  }

  private async page(req: WebRequest, res: Response, base: string) {
    const actor = actorOf(req);
    const { q, errors, values } = readFilters(req, actor);
    const organisationOptions =
      actor.role === 'admin'
        ? [
            { value: '', text: 'Alle organisaties' },
            ...(await this.organisations.list(actor, { limit: 100 })).items
              .filter((o) => o.kind !== 'werkgever' && o.kind !== 'beheer')
              .map((o) => ({ value: o.id, text: o.name })),
          ]
        : [];
    const byOptions = labelChoices('reportBreakdown', BREAKDOWNS, 'Geen indeling');
    if (errors.any) {
      return this.pages.send(req, res, 'werkmakelaar/rapportages', {
        title: 'Rapportages',
        base,
        values,
        errors,
        byOptions,
        organisationOptions,
      });
    }
    const [fermWerk, funnel, durability, ladder] = await Promise.all([
      this.reports.fermWerk(actor, q),
      this.reports.funnel(actor, q),
      this.reports.durability(actor, q),
      this.reports.ladderProgress(actor, q),
    ]);
    const chartRows = fermWerk.rows.filter(
      (r) => !r.key.startsWith('voortijdig') || r.key === 'voortijdig',
    );
    const csvBase = `${base}/csv?${queryString(q)}${queryString(q) ? '&' : ''}tabel=`;
    this.pages.send(req, res, 'werkmakelaar/rapportages', {
      title: 'Rapportages',
      base,
      values,
      byOptions,
      organisationOptions,
      scope: fermWerk.scope,
      fermWerk,
      breakdownLabel: fermWerk.by ? labelOf('reportBreakdown', fermWerk.by) : null,
      fermWerkChart: barChartSvg(
        'grafiek-ferm-werk',
        'Trajecten en resultaten',
        chartRows.map((r) => ({ label: r.label, value: r.total })),
      ),
      funnel,
      funnelChart: barChartSvg(
        'grafiek-trechter',
        'Trechter: aantal mensen per stap',
        funnel.steps.map((s) => ({ label: s.label, value: s.value })),
      ),
      durability,
      durabilityChart: barChartSvg(
        'grafiek-duurzaamheid',
        'Nog aan het werk na een contract',
        durability.horizons.map((h) => ({ label: `Na ${h.months} maanden`, value: h.atWork })),
      ),
      ladder,
      ladderChart: barChartSvg(
        'grafiek-ladder',
        'Participatieladder binnen een jaar',
        ladder.rows.map((r) => ({ label: r.label, value: r.value })),
      ),
      csv: {
        fermWerk: `${csvBase}ferm-werk`,
        funnel: `${csvBase}trechter`,
        durability: `${csvBase}duurzaamheid`,
        ladder: `${csvBase}ladder`,
      },
    });
  }
}
