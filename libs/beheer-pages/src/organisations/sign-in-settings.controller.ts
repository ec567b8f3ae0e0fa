import { Get, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IdentityProvidersService } from '@werkbrug/auth';
import { APP_CONFIG, type AppConfig } from '@werkbrug/config';
import { ProblemException } from '@werkbrug/http';
import { OrganisationsService, type OrganisationView } from '@werkbrug/organisations';
import {
  actorOf,
  confirmed,
  FormErrors,
  formBody,
  OIDC_CALLBACK_PATH,
  PageResponder,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import {
  OPTION_CREATE,
  OPTION_PASSWORD,
  parseSignInSettings,
  signInSettingsValues,
  valuesOfView,
  type SignInSettingsValues,
} from './sign-in-settings.form';

const base = (id: string) => `/beheer/organisaties/${id}`;

/**
 * "Inloggen via uw eigen organisatie" (/beheer/organisaties/{id}/inloggen): an administrator
 * connects an organisation's own identity provider (OpenID Connect). The client secret is
 * write-only: the form never shows it, an empty field keeps the stored one.
 */
@WebController('beheer/organisaties')
export class SignInSettingsPageController {
  constructor(
    private readonly pages: PageResponder,
    private readonly organisations: OrganisationsService,
    private readonly providers: IdentityProvidersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private show(
    req: WebRequest,
    res: Response,
    org: OrganisationView,
    model: {
      values: Partial<SignInSettingsValues>;
      configured: boolean;
      hasSecret: boolean;
      errors?: FormErrors;
    },
  ) {
    this.pages.send(req, res, 'beheer/organisaties/inloggen', {
      title: `Inloggen via uw eigen organisatie: ${org.name}`,
      orgName: org.name,
      backHref: base(org.id),
      action: `${base(org.id)}/inloggen`,
      removeAction: `${base(org.id)}/inloggen/uitzetten`,
      redirectUri: new URL(OIDC_CALLBACK_PATH, this.config.publicUrl).href,
      configured: model.configured,
      hasSecret: model.hasSecret,
      // The secret is never sent back, not even what was just typed.
      values: { ...model.values, clientSecret: '' },
      optionChoices: [
        { value: OPTION_PASSWORD, text: 'Medewerkers mogen ook inloggen met een wachtwoord' },
        {
          value: OPTION_CREATE,
          text: 'Maak een account voor een werkmakelaar die voor het eerst inlogt',
          hint: 'Alleen voor e-mailadressen met een van de domeinen hierboven. Staat dit uit? Dan nodigt u iedereen eerst uit.',
        },
      ],
      errors: model.errors ?? null,
    });
  }

  @Get(':id/inloggen')
  @WebAccess('admin')
  async form(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const actor = actorOf(req);
    const org = await this.organisations.get(actor, id);
    const view = await this.providers.get(actor, id);
    this.show(req, res, org, {
      values: valuesOfView(view),
      configured: view !== null,
      hasSecret: view?.clientSecretSet ?? false,
    });
  }

  @Post(':id/inloggen')
  @WebAccess('admin')
  async save(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const actor = actorOf(req);
    const org = await this.organisations.get(actor, id);
    const current = await this.providers.get(actor, id);
    const values = signInSettingsValues(formBody(req));
    const errors = new FormErrors();
    const state = { configured: current !== null, hasSecret: current?.clientSecretSet ?? false };
    const dto = await parseSignInSettings(values, state.hasSecret, errors);
    if (!dto) return this.show(req, res, org, { values, errors, ...state });
    try {
      await this.providers.save(
        actor,
        id,
        dto,
        current ? Number(values.version) || current.version : undefined,
      );
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
      if (error.code === 'DUPLICATE')
        errors.add(
          'domains',
          'Een van deze domeinen hoort al bij een andere organisatie. Haal het weg of kies een ander domein',
        );
      else if (error.code === 'STALE_VERSION')
        errors.add(
          'issuer',
          'Iemand anders heeft deze instellingen intussen gewijzigd. Kijk ze na en probeer het opnieuw',
        );
      else if (error.code === 'VALIDATION_FAILED')
        errors.add(
          'issuer',
          'Voor een werkgever kan dit niet: werkgevers loggen in met een wachtwoord',
        );
      else throw error;
      const fresh = await this.providers.get(actor, id);
      return this.show(req, res, org, {
        values: { ...values, version: fresh ? String(fresh.version) : '' },
        errors,
        configured: fresh !== null,
        hasSecret: fresh?.clientSecretSet ?? false,
      });
    }
    await this.pages.tell(req, `Inloggen via de eigen organisatie is opgeslagen voor ${org.name}.`);
    res.redirect(303, base(id));
  }

  @Post(':id/inloggen/uitzetten')
  @WebAccess('admin')
  async remove(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    const org = await this.organisations.get(actor, id);
    if (!confirmed(req))
      return this.pages.confirm(req, res, {
        title: `Wilt u inloggen via de eigen organisatie uitzetten voor ${org.name}?`,
        consequences: [
          `Medewerkers van ${org.name} loggen daarna in met hun wachtwoord in Werkbrug.`,
          'Wie nog geen wachtwoord heeft, kiest er een met "Wachtwoord vergeten".',
        ],
        action: `${base(id)}/inloggen/uitzetten`,
        confirmText: 'Ja, zet het uit',
        cancelHref: `${base(id)}/inloggen`,
        warning: true,
      });
    try {
      await this.providers.remove(actor, id);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.code !== 'NOT_FOUND') throw error;
    }
    await this.pages.tell(req, `${org.name} logt weer in met wachtwoorden.`);
    res.redirect(303, base(id));
  }
}
