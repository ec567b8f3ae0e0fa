import { Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { addDays, defaultKnownUntil, dutchDate, labelOf, today } from '@werkbrug/domain';
import { ProblemException } from '@werkbrug/http';
import {
  CreateRuleVersionDto,
  type InstrumentRuleVersion,
  InstrumentsService,
  RuleHorizonsService,
  SAMPLE_SCENARIOS,
} from '@werkbrug/instruments';
import { ArrangementRulesService } from '@werkbrug/placements';
import { TrajectoryRulesService } from '@werkbrug/trajectories';
import { OrganisationsService } from '@werkbrug/organisations';
import {
  actorOf,
  field,
  formBody,
  FormErrors,
  PageResponder,
  str,
  WebAccess,
  WebController,
  webId,
  type WebRequest,
} from '@werkbrug/web';
import {
  type ArrangementValues,
  type HourValues,
  paramFields,
  parseArrangementForm,
  parseHourForm,
  parseVersionForm,
  readArrangementForm,
  readHourForm,
  readVersionForm,
  type VersionValues,
  versionHidden,
} from './rule-forms';
import { instrumentRows, paramRows, previewRows, runningOutRows, sampleRows } from './rules.view';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The check-your-answers page of a new arrangement or hour rule version: its own figures (label and
 * form field), then the period and source every dated rule has, the form's answers carried along as
 * hidden fields, and where "Wijzig" and "Opslaan" go (`path`/nieuw and `path`/opslaan).
 */
const datedRuleCheck = <V extends ArrangementValues | HourValues>(
  title: string,
  path: string,
  values: V,
  figures: [label: string, field: keyof V & string][],
) => {
  const answers = values as V & Record<string, string>;
  return {
    title,
    rows: [
      ...figures.map(([key, field]) => ({ key, value: answers[field], changeField: field })),
      { key: 'Geldt vanaf', value: dutchDate(values.validFrom), changeField: 'validFrom' },
      { key: 'Bekend tot en met', value: dutchDate(values.knownUntil), changeField: 'knownUntil' },
      { key: 'Bron', value: values.source, changeField: 'source' },
    ],
    changeAction: `${path}/nieuw`,
    submitAction: `${path}/opslaan`,
    hidden: Object.entries(answers).map(([name, value]) => ({ name, value })),
    previousEnd: dutchDate(addDays(values.validFrom, -1)),
  };
};

/** The Dutch words for a refusal by the rules service, at the field it concerns. */
function refusal(error: unknown, errors: FormErrors): boolean {
  if (!(error instanceof ProblemException)) return false;
  if (error.code === 'RULE_VERSION_OVERLAP' || error.code === 'RULE_PERIOD_TAKEN') {
    const later = (error.problem as { overlapsWith?: { validFrom: string }[] }).overlapsWith;
    errors.add(
      'validFrom',
      later?.length
        ? `Er is al een versie die begint op ${dutchDate(later[0].validFrom)}. Kies een eerste dag daarvoor, of voer geen nieuwe versie in.`
        : 'Er is al een versie die op of na deze dag begint. Versies volgen elkaar op; kies een eerdere eerste dag.',
    );
    return true;
  }
  if (error.code === 'RULE_VERSION_IN_PAST') {
    errors.add('validFrom', 'De eerste dag mag niet in het verleden liggen');
    return true;
  }
  if (error.code === 'VALIDATION_FAILED' || error.code === 'RULE_NOT_IN_FORCE') {
    errors.add(
      'validFrom',
      'Deze versie past niet bij de regels. Controleer de dagen en de bedragen',
    );
    return true;
  }
  return false;
}

/**
 * The rules as data, for administrators: every instrument's versions with their validity, horizon,
 * figures and sources, the arrangement rules and the trajectory hour rules. A new instrument version
 * goes form → preview (sample scenarios on the current and the new version side by side, which is
 * also the check of the answers) → save; arrangement and hour rules go form → check → save.
 */
@WebController('beheer/regels')
export class RulesPagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly instruments: InstrumentsService,
    private readonly horizons: RuleHorizonsService,
    private readonly arrangements: ArrangementRulesService,
    private readonly trajectories: TrajectoryRulesService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get()
  @WebAccess('admin')
  async overview(@Req() req: WebRequest, @Res() res: Response, @Query('datum') datum: unknown) {
    const actor = actorOf(req);
    const now = today();
    const { instruments, versions } = await this.instruments.rules();
    const [arrangementRules, hourRules, runningOut] = [
      await this.arrangements.list(),
      (await this.trajectories.list(actor)).items,
      await this.horizons.runningOut(now),
    ];
    const names = new Map<string, string>();
    for (const id of new Set(hourRules.map((r) => r.organisationId)))
      names.set(id, (await this.organisations.get(actor, id)).name);
    // A calculation on a chosen day: whether its figures are known or provisional then.
    const date = str(datum);
    const errors = new FormErrors();
    let sample: ReturnType<typeof sampleRows> | null = null;
    if (date && !ISO.test(date)) errors.add('datum', 'Vul een datum in, bijvoorbeeld 1-3-2027');
    else if (date) {
      try {
        sample = sampleRows(
          await this.instruments.evaluate({
            ...SAMPLE_SCENARIOS[0].facts,
            date,
            organisationId: actor.organisationId,
          }),
        );
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
        errors.add('datum', 'Op deze dag geldt nog geen enkele versie. Kies een latere dag');
      }
    }
    this.pages.send(req, res, 'beheer/regels/overzicht', {
      title: 'Regels',
      runningOut: runningOutRows(runningOut, now),
      instruments: instruments.map((i) =>
        instrumentRows(
          i,
          versions.filter((v) => v.instrumentCode === i.code),
          now,
        ),
      ),
      arrangements: arrangementRules.map((r) => ({
        ...r,
        name: labelOf('arrangement', r.arrangement),
        current: r.validTo === null,
      })),
      hourRules: hourRules.map((r) => ({
        ...r,
        organisation: names.get(r.organisationId) ?? '',
        current: r.validTo === null,
      })),
      sample: {
        date,
        scenario: SAMPLE_SCENARIOS[0].name,
        rows: sample,
        dateText: date && ISO.test(date) ? dutchDate(date) : '',
      },
      errors,
    });
  }

  // ---- instrument rule versions --------------------------------------------------------------

  /** The version a new one follows: the newest without an end, else the newest. */
  private async base(code: string): Promise<{ name: string; version: InstrumentRuleVersion }> {
    const { instruments, versions } = await this.instruments.rules();
    const instrument = instruments.find((i) => i.code === code);
    const own = versions
      .filter((v) => v.instrumentCode === code)
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    const version = own.find((v) => v.validTo === null) ?? own[0];
    if (!instrument || !version) throw new NotFoundException();
    return { name: instrument.name, version };
  }

  private formPage(
    req: WebRequest,
    res: Response,
    code: string,
    base: { name: string; version: InstrumentRuleVersion },
    values: VersionValues,
    errors: FormErrors | null = null,
    focusField?: string,
  ) {
    this.pages.send(req, res, 'beheer/regels/instrument-formulier', {
      title: `Nieuwe versie: ${base.name}`,
      code,
      base: {
        validFrom: base.version.validFrom,
        knownUntil: base.version.knownUntil,
        params: paramRows(base.version.params),
      },
      values,
      // Each figure with its own error and keyboard (a comma for decimals).
      paramInputs: values.params.map((p) => ({
        ...p,
        inputmode: p.kind === 'text' ? 'text' : 'decimal',
        error: errors?.toView()?.fields[p.name] ?? null,
      })),
      errors,
      focusField,
    });
  }

  @Get('instrumenten/:code/nieuw')
  @WebAccess('admin')
  async newVersion(@Req() req: WebRequest, @Res() res: Response, @Param('code') code: string) {
    const base = await this.base(code);
    const v = base.version;
    // The day after the horizon is where a new version is needed; never before today.
    const after = addDays(v.knownUntil, 1);
    const validFrom = after < today() ? today() : after;
    const wml = code === 'wml';
    this.formPage(req, res, code, base, {
      validFrom,
      knownUntil: defaultKnownUntil(validFrom, wml),
      sourceUrl: v.sourceUrls[0] ?? '',
      explanationUrl: v.explanationUrls[0] ?? '',
      lastChecked: today(),
      note: '',
      params: paramFields(v.params),
    });
  }

  /** The form posts here; "Wijzig" on the preview too (with `wijzig` = the field). */
  @Post('instrumenten/:code/nieuw')
  @WebAccess('admin')
  async preview(@Req() req: WebRequest, @Res() res: Response, @Param('code') code: string) {
    const base = await this.base(code);
    const body = formBody(req);
    const values = readVersionForm(body, base.version.params);
    const change = field(body, 'wijzig');
    if (change) return this.formPage(req, res, code, base, values, null, change);
    const { errors, dto } = await parseVersionForm(
      values,
      base.version,
      CreateRuleVersionDto,
      today(),
    );
    if (!dto) return this.formPage(req, res, code, base, values, errors);
    let preview: Awaited<ReturnType<InstrumentsService['previewVersion']>>;
    try {
      preview = await this.instruments.previewVersion(actorOf(req), code, dto);
    } catch (error) {
      if (!refusal(error, errors)) throw error;
      return this.formPage(req, res, code, base, values, errors);
    }
    this.pages.send(req, res, 'beheer/regels/instrument-voorbeeld', {
      title: `Controleer de nieuwe versie: ${base.name}`,
      code,
      dateText: dutchDate(preview.date),
      scenarios: previewRows(preview.scenarios),
      rows: [
        { key: 'Geldt vanaf', value: dutchDate(values.validFrom), changeField: 'validFrom' },
        {
          key: 'Bedragen bekend tot en met',
          value: dutchDate(values.knownUntil),
          changeField: 'knownUntil',
        },
        ...values.params.map((p) => ({ key: p.label, value: p.value, changeField: p.name })),
        { key: 'Bron', value: values.sourceUrl, changeField: 'sourceUrl' },
        { key: 'Uitleg', value: values.explanationUrl, changeField: 'explanationUrl' },
        {
          key: 'Laatst gecontroleerd',
          value: dutchDate(values.lastChecked),
          changeField: 'lastChecked',
        },
        { key: 'Opmerking', value: values.note, changeField: 'note' },
      ],
      changeAction: `/beheer/regels/instrumenten/${code}/nieuw`,
      hidden: versionHidden(values),
      endsPrevious: base.version.validTo === null && base.version.validFrom < values.validFrom,
      previousEnd: dutchDate(addDays(values.validFrom, -1)),
    });
  }

  @Post('instrumenten/:code/opslaan')
  @WebAccess('admin')
  async saveVersion(@Req() req: WebRequest, @Res() res: Response, @Param('code') code: string) {
    const base = await this.base(code);
    const values = readVersionForm(formBody(req), base.version.params);
    const { errors, dto } = await parseVersionForm(
      values,
      base.version,
      CreateRuleVersionDto,
      today(),
    );
    if (!dto) return this.formPage(req, res, code, base, values, errors);
    try {
      await this.instruments.createVersion(actorOf(req), code, dto);
    } catch (error) {
      if (!refusal(error, errors)) throw error;
      return this.formPage(req, res, code, base, values, errors);
    }
    await this.pages.tell(
      req,
      `De nieuwe versie van ${base.name} is opgeslagen. Hij geldt vanaf ${dutchDate(values.validFrom)}.`,
    );
    res.redirect(303, `/beheer/regels#regel-${code}`);
  }

  // ---- arrangement rules ---------------------------------------------------------------------

  private async arrangementBase(arrangement: string) {
    const rules = await this.arrangements.list();
    const rule = rules.find((r) => r.arrangement === arrangement && r.validTo === null);
    if (!rule) throw new NotFoundException();
    return rule;
  }

  private arrangementForm(
    req: WebRequest,
    res: Response,
    arrangement: string,
    values: ArrangementValues,
    errors: FormErrors | null = null,
    focusField?: string,
  ) {
    this.pages.send(req, res, 'beheer/regels/plaatsingsvorm-formulier', {
      title: `Nieuwe regel: ${labelOf('arrangement', arrangement)}`,
      arrangement,
      values,
      errors,
      focusField,
    });
  }

  @Get('plaatsingsvormen/:arrangement/nieuw')
  @WebAccess('admin')
  async newArrangement(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('arrangement') arrangement: string,
  ) {
    const rule = await this.arrangementBase(arrangement);
    const after = addDays(rule.knownUntil, 1);
    const validFrom = after < today() ? today() : after;
    this.arrangementForm(req, res, arrangement, {
      initialMonths: String(rule.initialMonths),
      maxTotalMonths: String(rule.maxTotalMonths),
      minContractIntentMonths: rule.minContractIntentMonths
        ? String(rule.minContractIntentMonths)
        : '',
      validFrom,
      knownUntil: defaultKnownUntil(validFrom, false),
      source: rule.source,
    });
  }

  @Post('plaatsingsvormen/:arrangement/nieuw')
  @WebAccess('admin')
  async checkArrangement(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('arrangement') arrangement: string,
  ) {
    await this.arrangementBase(arrangement);
    const body = formBody(req);
    const values = readArrangementForm(body);
    const change = field(body, 'wijzig');
    if (change) return this.arrangementForm(req, res, arrangement, values, null, change);
    const { errors } = await parseArrangementForm(arrangement, values, today());
    if (errors.any) return this.arrangementForm(req, res, arrangement, values, errors);
    const name = labelOf('arrangement', arrangement);
    this.pages.send(
      req,
      res,
      'beheer/regels/controle',
      datedRuleCheck(
        `Controleer de nieuwe regel: ${name}`,
        `/beheer/regels/plaatsingsvormen/${arrangement}`,
        values,
        [
          ['Eerste periode in maanden', 'initialMonths'],
          ['Hoogstens in totaal, in maanden', 'maxTotalMonths'],
          ['Contract daarna van minstens (maanden)', 'minContractIntentMonths'],
        ],
      ),
    );
  }

  @Post('plaatsingsvormen/:arrangement/opslaan')
  @WebAccess('admin')
  async saveArrangement(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('arrangement') arrangement: string,
  ) {
    await this.arrangementBase(arrangement);
    const values = readArrangementForm(formBody(req));
    const { errors, dto } = await parseArrangementForm(arrangement, values, today());
    if (!dto) return this.arrangementForm(req, res, arrangement, values, errors);
    try {
      await this.arrangements.create(dto);
    } catch (error) {
      if (!refusal(error, errors)) throw error;
      return this.arrangementForm(req, res, arrangement, values, errors);
    }
    await this.pages.tell(
      req,
      `De nieuwe regel voor ${labelOf('arrangement', arrangement).toLowerCase()} is opgeslagen. Hij geldt vanaf ${dutchDate(values.validFrom)}.`,
    );
    res.redirect(303, '/beheer/regels#plaatsingsvormen');
  }

  // ---- trajectory hour rules -----------------------------------------------------------------

  private async hourBase(req: WebRequest, organisationId: string) {
    const actor = actorOf(req);
    const { items } = await this.trajectories.list(actor, organisationId);
    const rule = items.find((r) => r.validTo === null);
    if (!rule) throw new NotFoundException();
    const organisation = await this.organisations.get(actor, organisationId);
    return { rule, name: organisation.name };
  }

  private hourForm(
    req: WebRequest,
    res: Response,
    organisationId: string,
    name: string,
    values: HourValues,
    errors: FormErrors | null = null,
    focusField?: string,
  ) {
    this.pages.send(req, res, 'beheer/regels/uren-formulier', {
      title: `Nieuwe urenregel: ${name}`,
      organisationId,
      values,
      errors,
      focusField,
    });
  }

  @Get('uren/:organisationId/nieuw')
  @WebAccess('admin')
  async newHours(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('organisationId', webId()) organisationId: string,
  ) {
    const { rule, name } = await this.hourBase(req, organisationId);
    const after = addDays(rule.knownUntil, 1);
    const validFrom = after < today() ? today() : after;
    this.hourForm(req, res, organisationId, name, {
      diagnosisHours: String(rule.diagnosisHours),
      blockHours: String(rule.blockHours),
      maxHours: String(rule.maxHours),
      warnWithinHours: String(rule.warnWithinHours),
      validFrom,
      knownUntil: defaultKnownUntil(validFrom, false),
      source: rule.source,
    });
  }

  @Post('uren/:organisationId/nieuw')
  @WebAccess('admin')
  async checkHours(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('organisationId', webId()) organisationId: string,
  ) {
    const { name } = await this.hourBase(req, organisationId);
    const body = formBody(req);
    const values = readHourForm(body);
    const change = field(body, 'wijzig');
    if (change) return this.hourForm(req, res, organisationId, name, values, null, change);
    const { errors } = await parseHourForm(organisationId, values, today());
    if (errors.any) return this.hourForm(req, res, organisationId, name, values, errors);
    this.pages.send(
      req,
      res,
      'beheer/regels/controle',
      datedRuleCheck(
        `Controleer de nieuwe urenregel: ${name}`,
        `/beheer/regels/uren/${organisationId}`,
        values,
        [
          ['Diagnose in uren', 'diagnosisHours'],
          ['Blok in uren', 'blockHours'],
          ['Hoogstens in uren', 'maxHours'],
          ['Waarschuwen binnen (uren)', 'warnWithinHours'],
        ],
      ),
    );
  }

  @Post('uren/:organisationId/opslaan')
  @WebAccess('admin')
  async saveHours(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('organisationId', webId()) organisationId: string,
  ) {
    const { name } = await this.hourBase(req, organisationId);
    const values = readHourForm(formBody(req));
    const { errors, dto } = await parseHourForm(organisationId, values, today());
    if (!dto) return this.hourForm(req, res, organisationId, name, values, errors);
    try {
      await this.trajectories.create(dto);
    } catch (error) {
      if (!refusal(error, errors)) throw error;
      return this.hourForm(req, res, organisationId, name, values, errors);
    }
    await this.pages.tell(
      req,
      `De nieuwe urenregel van ${name} is opgeslagen. Hij geldt vanaf ${dutchDate(values.validFrom)}.`,
    );
    res.redirect(303, '/beheer/regels#urenregels');
  }
}
