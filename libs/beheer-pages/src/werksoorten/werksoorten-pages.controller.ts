import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemException } from '@werkbrug/http';
import {
  CreateWerksoortDto,
  MergeWerksoortDto,
  UpdateWerksoortDto,
  WerksoortenService,
  type WerksoortView,
} from '@werkbrug/werksoorten';
import {
  actorOf,
  addProblem,
  confirmed,
  field,
  formBody,
  FormErrors,
  PageResponder,
  validateAsDto,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import {
  addPairProblems,
  readWerksoortForm,
  werksoortInput,
  WERKSOORT_WORDS,
  type WerksoortFormValues,
} from './werksoort.form';
import {
  formValuesOf,
  toWerksoortRows,
  usageText,
  type MergeFormPage,
  type WerksoortFormPage,
} from './werksoorten.view';

const LIST = '/beheer/werksoorten';
const EMPTY: WerksoortFormValues = {
  name: '',
  synonyms: '',
  iscoCode: '',
  brcCode: '',
  brcName: '',
  version: '',
};
const MERGE_WORDS = { into: { field: 'into', message: 'Kies de werksoort waar deze bij komt' } };

/**
 * The werksoorten on /beheer: the list with what uses each, add, change (name, other words, ISCO and
 * BRC codes) and merge one into another, asked once more before it happens. Every change goes
 * through WerksoortenService, as the API's do.
 */
@WebController('beheer/werksoorten')
export class WerksoortenPagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly werksoorten: WerksoortenService,
  ) {}

  @Get()
  @WebAccess('admin')
  async list(@Req() req: WebRequest, @Res() res: Response) {
    const [all, usage] = await Promise.all([this.werksoorten.all(), this.werksoorten.usage()]);
    this.pages.send(req, res, 'beheer/werksoorten/lijst', {
      title: 'Werksoorten',
      ...toWerksoortRows(all, usage),
    });
  }

  // Before the `:id` routes, so that "nieuw" is not taken for an id.
  @Get('nieuw')
  @WebAccess('admin')
  newForm(@Req() req: WebRequest, @Res() res: Response) {
    this.form(req, res, this.newPage(EMPTY, null));
  }

  @Post('nieuw')
  @WebAccess('admin')
  async create(@Req() req: WebRequest, @Res() res: Response) {
    const values = readWerksoortForm(formBody(req));
    const errors = new FormErrors();
    if (!values.name) errors.add('name', 'Vul een naam in');
    const dto = await validateAsDto(
      CreateWerksoortDto,
      werksoortInput(values, 'create'),
      WERKSOORT_WORDS,
      errors,
      'name',
    );
    addPairProblems(values, errors);
    if (dto && !errors.any) {
      try {
        const created = await this.werksoorten.create(dto);
        await this.pages.tell(req, `${created.name} is toegevoegd.`);
        return res.redirect(303, LIST);
      } catch (error) {
        this.refused(error, errors);
      }
    }
    this.form(req, res, this.newPage(values, errors));
  }

  @Get(':id')
  @WebAccess('admin')
  async editForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const w = await this.werksoorten.get(id);
    this.form(req, res, this.editPage(w, formValuesOf(w), null));
  }

  @Post(':id')
  @WebAccess('admin')
  async update(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const w = await this.werksoorten.get(id);
    const values = readWerksoortForm(formBody(req));
    const errors = new FormErrors();
    if (!values.name) errors.add('name', 'Vul een naam in');
    const dto = await validateAsDto(
      UpdateWerksoortDto,
      werksoortInput(values, 'update'),
      WERKSOORT_WORDS,
      errors,
      'name',
    );
    addPairProblems(values, errors);
    if (dto && !errors.any) {
      try {
        const saved = await this.werksoorten.update(id, dto);
        await this.pages.tell(req, `${saved.name} is gewijzigd.`);
        return res.redirect(303, LIST);
      } catch (error) {
        this.refused(error, errors);
      }
    }
    this.form(req, res, this.editPage(w, values, errors));
  }

  @Get(':id/samenvoegen')
  @WebAccess('admin')
  async mergeForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.mergePage(req, res, id, '', null);
  }

  /**
   * Merge: the choice is checked, then the administrator is told what will move and that it cannot
   * be undone (the confirmation page); only its "Ja" merges.
   */
  @Post(':id/samenvoegen')
  @WebAccess('admin')
  async merge(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const into = field(formBody(req), 'into');
    const errors = new FormErrors();
    const dto = await validateAsDto(MergeWerksoortDto, { into }, MERGE_WORDS, errors, 'into');
    const from = await this.werksoorten.get(id);
    const target = dto ? await this.findActive(dto.into, id) : null;
    if (dto && !target) errors.add('into', MERGE_WORDS.into.message);
    if (!dto || !target) return this.mergePage(req, res, id, into, errors);
    if (from.mergedIntoId) {
      errors.add('into', 'Deze werksoort is al samengevoegd met een andere werksoort');
      return this.mergePage(req, res, id, into, errors);
    }
    if (!confirmed(req)) {
      const usage = (await this.werksoorten.usage([id])).get(id) ?? {
        vacancies: 0,
        candidates: 0,
      };
      return this.pages.confirm(req, res, {
        title: `Wilt u ${from.name} samenvoegen met ${target.name}?`,
        consequences: [
          `${usageText(usage)} gaan naar ${target.name}.`,
          `Wie zoekt op ‘${from.name}’, vindt daarna ${target.name}. De naam wordt een ander woord voor ${target.name}.`,
          `${from.name} staat daarna niet meer in de keuzelijsten.`,
          'U kunt dit niet ongedaan maken.',
        ],
        action: `${LIST}/${id}/samenvoegen`,
        hidden: [{ name: 'into', value: target.id }],
        confirmText: `Ja, voeg samen met ${target.name}`,
        cancelHref: `${LIST}/${id}/samenvoegen`,
        warning: true,
      });
    }
    try {
      const result = await this.werksoorten.merge(actorOf(req), id, dto);
      await this.pages.tell(
        req,
        `${from.name} is samengevoegd met ${target.name}. ${usageText({
          vacancies: result.vacanciesMoved,
          candidates: result.candidatesMoved,
        })} staan nu bij ${target.name}.`,
      );
      return res.redirect(303, LIST);
    } catch (error) {
      this.refused(error, errors, 'into');
      return this.mergePage(req, res, id, into, errors);
    }
  }

  private async findActive(id: string, not: string): Promise<WerksoortView | null> {
    if (id === not) return null;
    const all = await this.werksoorten.all();
    return all.find((w) => w.id === id && w.active) ?? null;
  }

  private async mergePage(
    req: WebRequest,
    res: Response,
    id: string,
    value: string,
    errors: FormErrors | null,
  ) {
    const all = await this.werksoorten.all();
    const from = all.find((w) => w.id === id);
    if (!from) return this.werksoorten.get(id); // throws the not-found page
    const usage = (await this.werksoorten.usage([id])).get(id) ?? { vacancies: 0, candidates: 0 };
    const page: MergeFormPage = {
      title: `${from.name} samenvoegen`,
      action: `${LIST}/${id}/samenvoegen`,
      name: from.name,
      usage: usageText(usage),
      options: [
        { value: '', text: 'Kies een werksoort' },
        ...all.filter((w) => w.active && w.id !== id).map((w) => ({ value: w.id, text: w.name })),
      ],
      value,
      errors,
    };
    this.pages.send(req, res, 'beheer/werksoorten/samenvoegen', page);
  }

  private newPage(values: WerksoortFormValues, errors: FormErrors | null): WerksoortFormPage {
    return {
      title: 'Werksoort toevoegen',
      action: `${LIST}/nieuw`,
      submitText: 'Werksoort toevoegen',
      values,
      errors,
      mergeHref: null,
    };
  }

  private editPage(
    w: WerksoortView,
    values: WerksoortFormValues,
    errors: FormErrors | null,
  ): WerksoortFormPage {
    return {
      title: `${w.name} wijzigen`,
      action: `${LIST}/${w.id}`,
      submitText: 'Wijzigingen opslaan',
      values,
      errors,
      mergeHref: w.active ? `${LIST}/${w.id}/samenvoegen` : null,
    };
  }

  private form(req: WebRequest, res: Response, page: WerksoortFormPage) {
    this.pages.send(req, res, 'beheer/werksoorten/formulier', page);
  }

  /** A refusal of the service on the form, in the page's words; anything else is not ours to show. */
  private refused(error: unknown, errors: FormErrors, fieldName = 'name') {
    if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
    if (error.getStatus() === 404) throw error;
    addProblem(errors, error, {
      field: fieldName,
      words: WERKSOORT_WORDS,
      codes: {
        DUPLICATE: 'Er is al een werksoort met deze naam. Kies een andere naam',
        STALE_VERSION:
          'Iemand anders heeft deze werksoort intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens',
        WERKSOORT_MERGED: 'Deze werksoort is al samengevoegd met een andere werksoort',
      },
    });
  }
}
