import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ExportService, ImportService } from '@werkbrug/import';
import { OrganisationsService } from '@werkbrug/organisations';
import { PageResponder, WebAccess, WebController, type WebRequest } from '@werkbrug/web';
import { ImportPageFlow } from '@werkbrug/beheer-pages';

/**
 * Import and export for the werkmakelaar: candidates (with the protected part, given a purpose),
 * employers and workplaces of their own organisation. The pages are the administrators' (one flow
 * in libs/beheer-pages/src/import), in the werkmakelaar's own area.
 */
@WebController()
export class ImportPagesController {
  private readonly flow: ImportPageFlow;

  constructor(
    pages: PageResponder,
    imports: ImportService,
    exports: ExportService,
    organisations: OrganisationsService,
  ) {
    this.flow = new ImportPageFlow(
      { base: '/werkmakelaar/import', views: 'werkmakelaar/import', admin: false },
      pages,
      imports,
      exports,
      organisations,
    );
  }

  @Get('werkmakelaar/import')
  @WebAccess('werkmakelaar')
  start(@Req() req: WebRequest, @Res() res: Response) {
    return this.flow.start(req, res);
  }

  @Post('werkmakelaar/import')
  @WebAccess('werkmakelaar')
  upload(@Req() req: WebRequest, @Res() res: Response) {
    return this.flow.upload(req, res);
  }

  @Post('werkmakelaar/import/export')
  @WebAccess('werkmakelaar')
  exportFile(@Req() req: WebRequest, @Res() res: Response) {
    return this.flow.exportFile(req, res);
  }

  @Get('werkmakelaar/import/sjablonen/:bestand')
  @WebAccess('werkmakelaar')
  template(@Param('bestand') fileName: string, @Res() res: Response) {
    return this.flow.template(res, fileName);
  }

  @Get('werkmakelaar/import/:id')
  @WebAccess('werkmakelaar')
  job(@Param('id', ParseUUIDPipe) id: string, @Req() req: WebRequest, @Res() res: Response) {
    return this.flow.job(req, res, id);
  }

  @Get('werkmakelaar/import/:id/rapport')
  @WebAccess('werkmakelaar')
  report(@Param('id', ParseUUIDPipe) id: string, @Req() req: WebRequest, @Res() res: Response) {
    return this.flow.report(req, res, id);
  }

  @Post('werkmakelaar/import/:id/importeren')
  @WebAccess('werkmakelaar')
  run(@Param('id', ParseUUIDPipe) id: string, @Req() req: WebRequest, @Res() res: Response) {
    return this.flow.run(req, res, id);
  }
}
