import { Get, Module, NotFoundException } from '@nestjs/common';
import { WebController, WebPublic } from './web-access.decorator';
import { WebModule } from './web.module';

/**
 * An unknown address in a web area gets the site's 404 page instead of the API's JSON problem.
 * Its module must be the LAST import of AppModule: Express tries routes in the order Nest registers
 * them, so every real page comes before this catch-all.
 */
@WebController()
export class NotFoundPageController {
  @Get(['werkgever/*path', 'kandidaat/*path', 'werkmakelaar/*path', 'beheer/*path'])
  @WebPublic()
  notFound(): never {
    throw new NotFoundException();
  }
}

@Module({ imports: [WebModule], controllers: [NotFoundPageController] })
export class WebNotFoundModule {}
