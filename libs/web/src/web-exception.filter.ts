import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemException } from '@werkbrug/http';
import { PageResponder } from './page-responder';
import { problemWords, type Address } from './problem-words';
import { FormExpired, WebRedirect } from './web-errors';
import type { WebRequest } from './web-request';

interface ErrorPageWords {
  title: string;
  text: string;
}

const PAGES: Record<number, ErrorPageWords> = {
  400: { title: 'Dit verzoek kunnen we niet verwerken', text: 'Ga terug en probeer het opnieuw.' },
  403: {
    title: 'U heeft geen toegang tot deze pagina',
    text: 'Deze pagina is voor een andere rol. Ga naar uw startpagina.',
  },
  404: {
    title: 'Deze pagina bestaat niet',
    text: 'Controleer het adres. Of ga naar uw startpagina en zoek het daar.',
  },
  409: {
    title: 'Dit kan nu niet',
    text: 'De gegevens zijn intussen veranderd. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
  },
  429: { title: 'Te veel pogingen', text: 'Wacht even en probeer het dan opnieuw.' },
  500: {
    title: 'Er ging iets mis',
    text: 'Dit ligt niet aan u. Probeer het later opnieuw. Blijft het misgaan? Neem dan contact op met uw werkmakelaar.',
  },
};

/** The same pages for a candidate, who is spoken to with "je" (the others are the same for all). */
const PAGES_FOR_JE: Record<number, ErrorPageWords> = {
  403: {
    title: 'Je hebt geen toegang tot deze pagina',
    text: 'Deze pagina is voor iemand anders. Ga naar je startpagina.',
  },
  404: {
    title: 'Deze pagina bestaat niet',
    text: 'Controleer het adres. Of ga naar je startpagina en zoek het daar.',
  },
  500: {
    title: 'Er ging iets mis',
    text: 'Dit ligt niet aan jou. Probeer het later opnieuw. Blijft het misgaan? Neem dan contact op met je werkmakelaar.',
  },
};

const FORM_EXPIRED: ErrorPageWords = {
  title: 'Het formulier is verlopen',
  text: 'Uit veiligheid werkt een formulier maar een tijd. Ga terug, laad de pagina opnieuw en vul het formulier nog een keer in.',
};

/** A refusal with a code says what happened in the catalogue's words; the rest say it by status. */
const SAID_BY_CODE = new Set([400, 409, 422]);

/** Errors on web pages become HTML pages in the site's layout, never JSON or a stack trace. */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(WebExceptionFilter.name);

  constructor(private readonly pages: PageResponder) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<WebRequest>();
    if (res.headersSent) return;
    if (exception instanceof WebRedirect) {
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(303, exception.location);
      return;
    }
    let status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (!PAGES[status]) status = status >= 500 ? 500 : 400;
    if (status === 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const address: Address = req.web?.session?.user?.role === 'kandidaat' ? 'je' : 'u';
    const byStatus = (address === 'je' ? PAGES_FOR_JE[status] : undefined) ?? PAGES[status];
    const text: ErrorPageWords =
      exception instanceof FormExpired
        ? FORM_EXPIRED
        : exception instanceof ProblemException && SAID_BY_CODE.has(status)
          ? { title: byStatus.title, text: problemWords(exception, address) }
          : byStatus;
    if (exception instanceof ProblemException && status === 429) {
      const retry = (exception.getResponse() as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retry) res.setHeader('Retry-After', String(retry));
    }
    this.pages.send(
      req,
      res,
      'fout',
      { title: text.title, text: text.text, status, address },
      status,
    );
  }
}
