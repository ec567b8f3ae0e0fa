import {
  ForbiddenException,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  type Actor,
  IdentityProvidersService,
  organisationAccess,
  SecondFactorService,
  type OrganisationUserView,
  UsersService,
} from '@werkbrug/auth';
import { LABELS } from '@werkbrug/domain';
import { ProblemException } from '@werkbrug/http';
import { OrganisationsService, type OrganisationView } from '@werkbrug/organisations';
import {
  actorOf,
  confirmed,
  field,
  formBody,
  FormErrors,
  keysetPager,
  PageResponder,
  pageCursor,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import {
  kindChoices,
  organisationAnswers,
  organisationValues,
  parseNewOrganisation,
  parseOrganisationChange,
  type OrganisationValues,
  ORGANISATION_FIELDS,
} from './organisation.form';
import {
  FUNCTIE_WORDS,
  functieChoices,
  functieOf,
  inviteValues,
  parseInvite,
  type InviteValues,
} from './users.form';

const STATE_WORDS: Record<OrganisationUserView['state'], { text: string; tone: string }> = {
  actief: { text: 'Actief', tone: 'success' },
  uitgenodigd: { text: 'Uitgenodigd', tone: 'attention' },
  uitnodiging_verlopen: { text: 'Uitnodiging verlopen', tone: 'warning' },
  gedeactiveerd: { text: 'Gedeactiveerd', tone: 'neutral' },
};

const kindWords = (kind: string) =>
  (LABELS.organisationKind as Record<string, string>)[kind] ?? kind;

const base = (id: string) => `/beheer/organisaties/${id}`;

/**
 * Organisations and their users (/beheer/organisaties): administrators see and change every
 * organisation; an organisation administrator (a werkmakelaar, organisation-access.ts) manages the
 * users of their own organisation and nothing else. Every change is asked about first.
 */
@WebController('beheer/organisaties')
export class OrganisationsPageController {
  constructor(
    private readonly pages: PageResponder,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly providers: IdentityProvidersService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Get()
  @WebAccess('admin', 'werkmakelaar')
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('naam') naam?: string,
    @Query('na') na?: string,
  ) {
    const actor = actorOf(req);
    if (actor.role !== 'admin') {
      // An organisation administrator has one organisation: theirs.
      const manager = await this.users.managerOf(actor);
      if (!manager.organisationAdmin) throw new ForbiddenException();
      return res.redirect(303, base(actor.organisationId));
    }
    const search = typeof naam === 'string' ? naam.trim().slice(0, 100) : '';
    const cursor = pageCursor(na);
    const page = await this.organisations.list(actor, {
      limit: 25,
      sort: 'name',
      ...(cursor ? { cursor } : {}),
      ...(search ? { name: search } : {}),
    });
    this.pages.send(req, res, 'beheer/organisaties/lijst', {
      title: 'Organisaties',
      search,
      organisations: page.items.map((o) => ({
        href: base(o.id),
        name: o.name,
        kind: kindWords(o.kind),
        region: o.region,
      })),
      pager: keysetPager({
        path: '/beheer/organisaties',
        anchor: 'organisaties',
        label: 'Meer organisaties',
        nextText: 'Volgende organisaties',
        firstText: 'Eerste organisaties',
        cursor,
        nextCursor: page.nextCursor,
        params: { naam: search },
      }),
    });
  }

  // ---- a new organisation, and changing one (administrators) -----------------------------------

  private form(
    req: WebRequest,
    res: Response,
    model: {
      values: Partial<OrganisationValues>;
      action: string;
      org?: OrganisationView;
      errors?: FormErrors;
      focusField?: string;
    },
  ) {
    const isNew = !model.org;
    this.pages.send(req, res, 'beheer/organisaties/formulier', {
      title: isNew ? 'Organisatie toevoegen' : `Gegevens van ${model.org?.name ?? ''} wijzigen`,
      isNew,
      action: model.action,
      backHref: model.org ? base(model.org.id) : '/beheer/organisaties',
      values: model.values,
      kinds: kindChoices(),
      errors: model.errors ?? null,
      focusField: model.focusField ?? null,
    });
  }

  private answers(
    req: WebRequest,
    res: Response,
    values: OrganisationValues,
    action: string,
    isNew: boolean,
  ) {
    this.pages.send(req, res, 'beheer/organisaties/controle', {
      title: 'Kloppen de gegevens?',
      action,
      rows: organisationAnswers(values, isNew),
      hidden: [
        ...ORGANISATION_FIELDS.filter((f) => isNew || f !== 'kind').map((name) => ({
          name,
          value: values[name],
        })),
        ...(values.version ? [{ name: 'version', value: values.version }] : []),
      ],
      confirmText: isNew ? 'Organisatie toevoegen' : 'Wijzigingen opslaan',
      cancelHref: '/beheer/organisaties',
    });
  }

  @Get('nieuw')
  @WebAccess('admin')
  newForm(@Req() req: WebRequest, @Res() res: Response) {
    this.form(req, res, { values: {}, action: '/beheer/organisaties/nieuw' });
  }

  @Post('nieuw')
  @WebAccess('admin')
  async create(@Req() req: WebRequest, @Res() res: Response) {
    const body = formBody(req);
    const values = organisationValues(body);
    const action = '/beheer/organisaties/nieuw';
    const change = field(body, 'wijzig');
    if (change) return this.form(req, res, { values, action, focusField: change });
    const errors = new FormErrors();
    const dto = await parseNewOrganisation(values, errors);
    if (!dto) return this.form(req, res, { values, action, errors });
    if (!confirmed(req)) return this.answers(req, res, values, action, true);
    try {
      const org = await this.organisations.create(dto);
      await this.pages.tell(req, `${org.name} is toegevoegd. Nodig nu de eerste gebruikers uit.`);
      res.redirect(303, base(org.id));
    } catch (error) {
      if (!(error instanceof ProblemException) || error.code !== 'DUPLICATE') throw error;
      errors.add('name', 'Er is al een organisatie met deze naam. Kies een andere naam');
      this.form(req, res, { values, action, errors });
    }
  }

  @Get(':id/wijzigen')
  @WebAccess('admin')
  async editForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const org = await this.organisations.get(actorOf(req), id);
    this.form(req, res, {
      org,
      action: `${base(id)}/wijzigen`,
      values: {
        name: org.name,
        region: org.region,
        contactName: org.contactName,
        contactEmail: org.contactEmail,
        contactPhone: org.contactPhone,
        version: String(org.version),
      },
    });
  }

  @Post(':id/wijzigen')
  @WebAccess('admin')
  async edit(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const actor = actorOf(req);
    const org = await this.organisations.get(actor, id);
    const body = formBody(req);
    const values = organisationValues(body);
    const action = `${base(id)}/wijzigen`;
    const change = field(body, 'wijzig');
    if (change) return this.form(req, res, { org, values, action, focusField: change });
    const errors = new FormErrors();
    const dto = await parseOrganisationChange(values, errors);
    if (!dto) return this.form(req, res, { org, values, action, errors });
    if (!confirmed(req)) return this.answers(req, res, values, action, false);
    try {
      await this.organisations.update(actor, id, dto, Number(values.version) || org.version);
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      if (error.code === 'DUPLICATE')
        errors.add('name', 'Er is al een organisatie met deze naam. Kies een andere naam');
      else if (error.code === 'STALE_VERSION')
        errors.add(
          'name',
          'Iemand anders heeft de gegevens intussen gewijzigd. Kijk de gegevens na en probeer het opnieuw',
        );
      else throw error;
      const fresh = await this.organisations.get(actor, id);
      return this.form(req, res, {
        org: fresh,
        values: { ...values, version: String(fresh.version) },
        action,
        errors,
      });
    }
    await this.pages.tell(req, `De gegevens van ${values.name} zijn opgeslagen.`);
    res.redirect(303, base(id));
  }

  // ---- one organisation and its users ------------------------------------------------------------

  /**
   * The organisation, if the actor may manage (at least) its users: another organisation is not
   * found for an organisation administrator, their own is refused to a werkmakelaar without the role.
   */
  private async managed(actor: Actor, id: string) {
    const org = await this.organisations.get(actor, id);
    const access = organisationAccess(await this.users.managerOf(actor), id);
    if (access === 'none') throw new ForbiddenException();
    return { org, access };
  }

  private async detail(
    req: WebRequest,
    res: Response,
    id: string,
    invite: { values?: Partial<InviteValues>; errors?: FormErrors; focusField?: string } = {},
  ) {
    const actor = actorOf(req);
    const { org, access } = await this.managed(actor, id);
    const users = (await this.users.organisationUsers(actor, id)) ?? [];
    const choices = functieChoices(org.kind, access);
    this.pages.send(req, res, 'beheer/organisaties/detail', {
      title: org.name,
      org: { ...org, kindText: kindWords(org.kind) },
      mayEdit: access === 'all',
      editHref: `${base(id)}/wijzigen`,
      // Administrators connect the organisation's own identity provider (not for employers).
      signInHref:
        actor.role === 'admin' && org.kind !== 'werkgever' ? `${base(id)}/inloggen` : null,
      signInConfigured:
        actor.role === 'admin' && org.kind !== 'werkgever'
          ? (await this.providers.get(actor, id)) !== null
          : false,
      backHref: access === 'all' ? '/beheer/organisaties' : null,
      users: users.map((u) => ({
        ...u,
        functie: FUNCTIE_WORDS[functieOf(u)],
        state: STATE_WORDS[u.state],
        isMe: u.id === actor.userId,
        active: u.state === 'actief',
        invited: u.state === 'uitgenodigd' || u.state === 'uitnodiging_verlopen',
        deactivated: u.state === 'gedeactiveerd',
        // Only a werkmakelaar's role changes here (to or from organisation administrator).
        roleChange:
          u.role === 'werkmakelaar' && u.id !== actor.userId
            ? u.organisationAdmin
              ? 'Maak gewone werkmakelaar'
              : 'Maak beheerder van de organisatie'
            : null,
        action: `${base(id)}/gebruikers/${u.id}`,
        // A user with an authenticator app: it can be reset (lost phone), and is set up anew.
        resetSecondFactor: u.secondFactor && u.id !== actor.userId,
      })),
      inviteAction: `${base(id)}/uitnodigen`,
      functies: choices,
      values: {
        functie: choices.length === 1 ? choices[0]?.value : '',
        ...invite.values,
      },
      errors: invite.errors ?? null,
      focusField: invite.focusField ?? null,
    });
  }

  @Get(':id')
  @WebAccess('admin', 'werkmakelaar')
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    await this.detail(req, res, id);
  }

  @Post(':id/uitnodigen')
  @WebAccess('admin', 'werkmakelaar')
  async invite(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    const { org, access } = await this.managed(actor, id);
    const body = formBody(req);
    const values = inviteValues(body);
    const change = field(body, 'wijzig');
    if (change) return this.detail(req, res, id, { values, focusField: change });
    const errors = new FormErrors();
    const choices = functieChoices(org.kind, access);
    const dto = await parseInvite(id, values, choices, errors);
    if (!dto) return this.detail(req, res, id, { values, errors });
    if (!confirmed(req))
      return this.pages.send(req, res, 'beheer/organisaties/controle', {
        title: 'Klopt de uitnodiging?',
        intro: `${values.displayName} krijgt een e-mail met een link om een wachtwoord te kiezen. De link werkt 7 dagen. Daarna kan ${values.displayName} inloggen.`,
        action: `${base(id)}/uitnodigen`,
        rows: [
          { key: 'Naam', value: values.displayName, changeField: 'displayName' },
          { key: 'E-mailadres', value: values.email, changeField: 'email' },
          {
            key: 'Rol',
            value: choices.find((c) => c.value === values.functie)?.text ?? '',
            changeField: 'functie',
          },
        ],
        hidden: [
          { name: 'displayName', value: values.displayName },
          { name: 'email', value: values.email },
          { name: 'functie', value: values.functie },
        ],
        confirmText: 'Uitnodiging versturen',
        cancelHref: base(id),
      });
    try {
      await this.users.invite(actor, dto);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.code !== 'DUPLICATE') throw error;
      errors.add('email', 'Er is al een account met dit e-mailadres');
      return this.detail(req, res, id, { values, errors });
    }
    await this.pages.tell(
      req,
      `De uitnodiging is verstuurd naar ${values.email}. ${values.displayName} kiest zelf een wachtwoord met de link in de e-mail.`,
    );
    res.redirect(303, base(id));
  }

  // ---- changes to one user ------------------------------------------------------------------------

  private async userOf(actor: Actor, id: string, userId: string) {
    const { org } = await this.managed(actor, id);
    const user = (await this.users.organisationUsers(actor, id))?.find((u) => u.id === userId);
    if (!user) throw new NotFoundException();
    return { org, user };
  }

  /** Asks first (pages.confirm), then changes the user with If-Match on the version shown. */
  private async userChange(
    req: WebRequest,
    res: Response,
    id: string,
    userId: string,
    step: 'rol' | 'deactiveren' | 'activeren',
  ) {
    const actor = actorOf(req);
    const { org, user } = await this.userOf(actor, id, userId);
    const name = user.displayName;
    const becomesAdmin = !user.organisationAdmin;
    if (step === 'rol' && user.role !== 'werkmakelaar') throw new NotFoundException();
    const questions = {
      rol: {
        title: becomesAdmin
          ? `Wilt u ${name} beheerder van ${org.name} maken?`
          : `Wilt u ${name} weer gewone werkmakelaar maken?`,
        consequences: becomesAdmin
          ? [
              `${name} kan dan mensen uitnodigen voor ${org.name}, en accounts van collega's stoppen en weer starten.`,
              `${name} blijft werkmakelaar.`,
            ]
          : [`${name} kan dan geen accounts van collega's meer beheren.`],
        confirmText: becomesAdmin ? 'Ja, maak beheerder' : 'Ja, maak gewone werkmakelaar',
        warning: false,
      },
      deactiveren: {
        title: `Wilt u het account van ${name} stoppen?`,
        consequences: [
          `${name} wordt direct uitgelogd, op elke computer en in elke app.`,
          `${name} kan niet meer inloggen tot u het account weer start.`,
          'De gegevens die bij dit account horen, blijven bewaard.',
        ],
        confirmText: 'Ja, stop het account',
        warning: true,
      },
      activeren: {
        title: `Wilt u het account van ${name} weer starten?`,
        consequences: [
          `${name} kan dan weer inloggen met het eigen wachtwoord.`,
          `Weet ${name} het wachtwoord niet meer? Dan kiest ${name} een nieuw met 'Wachtwoord vergeten'.`,
        ],
        confirmText: 'Ja, start het account',
        warning: false,
      },
    }[step];
    const action = `${base(id)}/gebruikers/${userId}/${step}`;
    if (!confirmed(req))
      return this.pages.confirm(req, res, {
        ...questions,
        action,
        hidden: [{ name: 'version', value: String(user.version) }],
        cancelHref: base(id),
      });
    const version = Number(field(formBody(req), 'version')) || user.version;
    try {
      if (step === 'deactiveren') this.users.assertNotSelf(actor, userId);
      await this.users.update(
        actor,
        userId,
        step === 'rol' ? { organisationAdmin: becomesAdmin } : { active: step === 'activeren' },
        version,
      );
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
      const why =
        error.code === 'STALE_VERSION'
          ? `Het account van ${name} is intussen gewijzigd. Kijk of de wijziging nog nodig is.`
          : error.code === 'CANNOT_DEACTIVATE_SELF'
            ? 'U kunt uw eigen account niet stoppen.'
            : 'Dit mag u niet wijzigen.';
      await this.pages.tell(req, why);
      return res.redirect(303, base(id));
    }
    // The user's web sessions, API tokens and links ended with the change (UsersService.update).
    const done = {
      rol: becomesAdmin
        ? `${name} is nu beheerder van ${org.name}.`
        : `${name} is nu gewone werkmakelaar.`,
      deactiveren: `Het account van ${name} is gestopt. ${name} is overal uitgelogd.`,
      activeren: `Het account van ${name} is weer gestart.`,
    }[step];
    await this.pages.tell(req, done);
    res.redirect(303, base(id));
  }

  @Post(':id/gebruikers/:userId/rol')
  @WebAccess('admin', 'werkmakelaar')
  changeRole(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    return this.userChange(req, res, id, userId, 'rol');
  }

  @Post(':id/gebruikers/:userId/deactiveren')
  @WebAccess('admin', 'werkmakelaar')
  deactivate(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    return this.userChange(req, res, id, userId, 'deactiveren');
  }

  @Post(':id/gebruikers/:userId/activeren')
  @WebAccess('admin', 'werkmakelaar')
  reactivate(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    return this.userChange(req, res, id, userId, 'activeren');
  }

  /** Ends every session and token of the user (a lost phone, a shared computer): asked first. */
  @Post(':id/gebruikers/:userId/uitloggen')
  @WebAccess('admin', 'werkmakelaar')
  async endSessions(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    const actor = actorOf(req);
    const { user } = await this.userOf(actor, id, userId);
    const name = user.displayName;
    if (!confirmed(req))
      return this.pages.confirm(req, res, {
        title: `Wilt u ${name} overal uitloggen?`,
        consequences: [
          `${name} wordt direct uitgelogd, op elke computer en in elke app.`,
          `${name} kan daarna gewoon weer inloggen met het eigen wachtwoord.`,
          'Denkt u dat iemand anders het wachtwoord kent? Laat het dan ook wijzigen.',
        ],
        action: `${base(id)}/gebruikers/${userId}/uitloggen`,
        confirmText: 'Ja, log overal uit',
        cancelHref: base(id),
        warning: true,
      });
    await this.users.endSessionsOf(actor, userId);
    await this.pages.tell(req, `${name} is overal uitgelogd.`);
    res.redirect(303, base(id));
  }

  /**
   * A lost or new phone: the user's authenticator app and recovery codes are removed, every session
   * and token of the user ends, and the next sign-in sets up an app again.
   */
  @Post(':id/gebruikers/:userId/authenticator')
  @WebAccess('admin', 'werkmakelaar')
  async resetSecondFactor(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    const actor = actorOf(req);
    const { user } = await this.userOf(actor, id, userId);
    if (!user.secondFactor || userId === actor.userId) throw new NotFoundException();
    const name = user.displayName;
    if (!confirmed(req))
      return this.pages.confirm(req, res, {
        title: `Wilt u de authenticator-app van ${name} opnieuw laten instellen?`,
        consequences: [
          `De app en de herstelcodes van ${name} werken dan niet meer.`,
          `${name} wordt direct uitgelogd, op elke computer en in elke app.`,
          `Bij de volgende keer inloggen stelt ${name} de app opnieuw in, met een nieuwe QR-code.`,
        ],
        action: `${base(id)}/gebruikers/${userId}/authenticator`,
        confirmText: 'Ja, laat opnieuw instellen',
        cancelHref: base(id),
        warning: true,
      });
    await this.secondFactor.reset(userId, actor);
    await this.pages.tell(
      req,
      `${name} is overal uitgelogd en stelt de authenticator-app opnieuw in bij de volgende keer inloggen.`,
    );
    res.redirect(303, base(id));
  }

  @Post(':id/gebruikers/:userId/uitnodiging')
  @WebAccess('admin', 'werkmakelaar')
  async resend(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    const actor = actorOf(req);
    const { user } = await this.userOf(actor, id, userId);
    const name = user.displayName;
    if (!confirmed(req))
      return this.pages.confirm(req, res, {
        title: `Wilt u de uitnodiging opnieuw sturen naar ${name}?`,
        consequences: [
          `${name} krijgt een nieuwe e-mail op ${user.email}, met een nieuwe link die 7 dagen werkt.`,
          'De link in de vorige e-mail werkt dan niet meer.',
        ],
        action: `${base(id)}/gebruikers/${userId}/uitnodiging`,
        confirmText: 'Ja, stuur opnieuw',
        cancelHref: base(id),
      });
    try {
      await this.users.resendInvitation(actor, userId);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.code !== 'CONFLICT') throw error;
      await this.pages.tell(
        req,
        `${name} heeft al een wachtwoord gekozen. Een uitnodiging is niet meer nodig.`,
      );
      return res.redirect(303, base(id));
    }
    await this.pages.tell(req, `De uitnodiging is opnieuw verstuurd naar ${user.email}.`);
    res.redirect(303, base(id));
  }
}
