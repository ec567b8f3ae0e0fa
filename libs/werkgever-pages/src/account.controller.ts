import { queryRows } from '@werkbrug/database';
import { Get, Post, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { UsersService } from '@werkbrug/auth';
import { EmployersService } from '@werkbrug/employers';
import { ProblemException } from '@werkbrug/http';
import {
  actorOf,
  field,
  formBody,
  FormErrors,
  PageResponder,
  passwordProblemNl,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { ColleaguesService } from './colleagues.service';
import { toAccountView, type AccountExtra } from './account.view';
import { EmployerContext } from './employer-context';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

/**
 * The employer's account: details and locations (EmployersService), colleagues and invitations
 * (ColleaguesService), and the own password (UsersService, after checking the current one).
 */
@WebController('werkgever/account')
export class AccountPageController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pages: PageResponder,
    private readonly context: EmployerContext,
    private readonly employers: EmployersService,
    private readonly colleagues: ColleaguesService,
    private readonly users: UsersService,
  ) {}

  private async page(req: WebRequest, res: Response, extra: AccountExtra = {}, status = 200) {
    const actor = actorOf(req);
    const [employer, colleagues] = await Promise.all([
      this.context.employer(actor),
      this.colleagues.list(actor),
    ]);
    const view = toAccountView(employer, colleagues, actor.userId, extra);
    this.pages.send(req, res, 'werkgever/account', view, status);
  }

  @Get()
  @WebAccess('werkgever')
  async show(@Req() req: WebRequest, @Res() res: Response) {
    await this.page(req, res);
  }

  @Post('locaties')
  @WebAccess('werkgever')
  async addLocation(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const body = formBody(req);
    const values = {
      address: field(body, 'address'),
      postcode: field(body, 'postcode').toUpperCase(),
      place: field(body, 'place'),
      version: field(body, 'version'),
    };
    const errors = new FormErrors();
    if (values.address.length > 200) errors.add('address', 'Maak het adres korter');
    if (!POSTCODE.test(values.postcode))
      errors.add('postcode', 'Vul een postcode in zoals 3441 AB');
    if (!values.place) errors.add('place', 'Vul de plaats in');
    if (errors.any) return this.page(req, res, { errors, values }, 400);
    const employer = await this.context.employer(actor);
    const postcode = values.postcode.replace(/^(\d{4}) ?([A-Z]{2})$/, '$1 $2');
    try {
      await this.employers.update(
        actor,
        employer.id,
        {
          locations: [
            ...employer.locations.map((l) => ({
              ...(l.address ? { address: l.address } : {}),
              postcode: l.postcode,
              place: l.place,
              ...(l.lat !== null && l.lng !== null ? { lat: l.lat, lng: l.lng } : {}),
            })),
            {
              ...(values.address ? { address: values.address } : {}),
              postcode,
              place: values.place,
            },
          ],
        },
        Number(values.version) || employer.version,
      );
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
      if (error.code === 'STALE_VERSION') {
        errors.add(
          'postcode',
          'Uw gegevens zijn intussen gewijzigd. Kijk of de locatie er al staat en probeer het opnieuw',
        );
        return this.page(req, res, { errors, values: { ...values, version: '' } }, 409);
      }
      errors.add('postcode', 'Deze postcode kennen we niet. Controleer de postcode');
      return this.page(req, res, { errors, values }, 400);
    }
    await this.pages.tell(req, `De locatie ${postcode} ${values.place} is toegevoegd.`);
    res.redirect(303, '/werkgever/account');
  }

  @Post('collega')
  @WebAccess('werkgever')
  async invite(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const body = formBody(req);
    const values = { name: field(body, 'name'), email: field(body, 'email').toLowerCase() };
    const errors = new FormErrors();
    if (!values.name) errors.add('name', 'Vul de naam van uw collega in');
    else if (values.name.length > 120) errors.add('name', 'Maak de naam korter dan 120 tekens');
    if (!EMAIL.test(values.email) || values.email.length > 254)
      errors.add('email', 'Vul een e-mailadres in zoals naam@bedrijf.nl');
    if (
      !errors.any &&
      (await this.colleagues.invite(actor, values.name, values.email)) === 'duplicate'
    )
      errors.add('email', 'Er is al een account met dit e-mailadres');
    if (errors.any) return this.page(req, res, { errors, values }, 400);
    await this.pages.tell(
      req,
      `De uitnodiging is verstuurd naar ${values.email}. ${values.name} kiest zelf een wachtwoord met de link in de e-mail.`,
    );
    res.redirect(303, '/werkgever/account');
  }

  @Post('wachtwoord')
  @WebAccess('werkgever')
  async password(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const body = formBody(req);
    const current = typeof body.current === 'string' ? body.current : '';
    const next = typeof body.password === 'string' ? body.password : '';
    const repeat = typeof body.repeat === 'string' ? body.repeat : '';
    const errors = new FormErrors();
    if (!current) errors.add('current', 'Vul uw huidige wachtwoord in');
    const problem = next ? passwordProblemNl(next) : 'Kies een nieuw wachtwoord';
    if (problem) errors.add('password', problem);
    else if (repeat !== next) errors.add('repeat', 'Vul twee keer hetzelfde nieuwe wachtwoord in');
    if (errors.any) return this.page(req, res, { errors }, 400);
    const [row] = await queryRows<{ version: number }>(
      this.db,
      `SELECT version FROM users WHERE id = $1`,
      [actor.userId],
    );
    try {
      // UsersService checks the current password (throttled like a login) and revokes API tokens.
      await this.users.update(
        actor,
        actor.userId,
        { password: next, currentPassword: current },
        row?.version,
        // Every other session and token of this user ends; this one stays.
        { kind: 'web', id: req.web?.session?.id ?? '' },
      );
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
      errors.add(
        'current',
        error.getStatus() === 429
          ? 'U heeft te vaak een verkeerd wachtwoord ingevuld. Probeer het later opnieuw'
          : 'Uw huidige wachtwoord klopt niet',
      );
      return this.page(req, res, { errors }, error.getStatus() === 429 ? 429 : 400);
    }
    await this.pages.tell(
      req,
      'Uw nieuwe wachtwoord is opgeslagen. U bent op andere apparaten uitgelogd.',
    );
    res.redirect(303, '/werkgever/account');
  }
}
