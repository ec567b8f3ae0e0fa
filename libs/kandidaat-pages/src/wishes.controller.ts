import { Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CandidatesService, toWishesView, type WishesView } from '@werkbrug/candidates';
import { ProblemException } from '@werkbrug/http';
import {
  field,
  formBody,
  FormErrors,
  PageResponder,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { selfOf } from './candidate-self';
import {
  parseWishes,
  wishesValuesFrom,
  wishesValuesOf,
  type WishesFormValues,
} from './wishes.form';
import { wishesPageView } from './wishes.view';

interface WishesModel {
  wishes: WishesView;
  kinds: { code: string; name: string }[];
}

/** Mijn wensen: what work the candidate looks for, through the API's UpdateWishesDto. */
@WebController('kandidaat')
export class WishesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly candidates: CandidatesService,
    private readonly werksoorten: WerksoortenService,
  ) {}

  private async model(req: WebRequest): Promise<WishesModel> {
    const { actor, candidateId } = selfOf(req);
    const c = await this.candidates
      .scoped(actor)
      .andWhere('c.id = :id', { id: candidateId })
      .getOneOrFail();
    const kinds = await this.werksoorten.activeByName();
    return { wishes: toWishesView(c), kinds };
  }

  private render(
    req: WebRequest,
    res: Response,
    model: WishesModel,
    values: WishesFormValues,
    errors: FormErrors | null,
  ) {
    const view = wishesPageView({
      kinds: model.kinds,
      version: model.wishes.version,
      values,
    });
    this.pages.send(req, res, 'kandidaat/wensen', { ...view, errors });
  }

  @Get('wensen')
  @WebAccess('kandidaat')
  async wishes(@Req() req: WebRequest, @Res() res: Response) {
    const model = await this.model(req);
    this.render(req, res, model, wishesValuesFrom(model.wishes), null);
  }

  @Post('wensen')
  @WebAccess('kandidaat')
  async saveWishes(@Req() req: WebRequest, @Res() res: Response) {
    const body = formBody(req);
    const model = await this.model(req);
    const values = wishesValuesOf(body);
    const { dto, errors } = await parseWishes(values, new Set(model.kinds.map((k) => k.code)));
    if (!dto) return this.render(req, res, model, values, errors);
    const { actor, candidateId } = selfOf(req);
    const version = Number(field(body, 'version')) || model.wishes.version;
    try {
      await this.candidates.update(actor, candidateId, dto, version);
    } catch (error) {
      if (error instanceof ProblemException && error.code === 'STALE_VERSION') {
        errors.add(
          'werksoortWishes',
          'Je wensen zijn net ergens anders veranderd. Kijk ze na en sla opnieuw op.',
        );
        return this.render(req, res, await this.model(req), values, errors);
      }
      throw error;
    }
    await this.pages.tell(
      req,
      'Je wensen zijn opgeslagen. Je werkplekken passen zich aan. Dat duurt een paar seconden.',
    );
    res.redirect(303, '/kandidaat/wensen');
  }
}
