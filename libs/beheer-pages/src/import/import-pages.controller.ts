import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ExportService, ImportService } from '@werkbrug/import';
import { OrganisationsService } from '@werkbrug/organisations';
import { PageResponder, WebAccess, WebController, type WebRequest } from '@werkbrug/web';
import { ImportPageFlow } from './import-page-flow';

/** Import and export for administrators: into and out of any werkmakelaars' organisation. */
@WebController()
export class BeheerImportPagesController {
  private readonly flow: ImportPageFlow;

  constructor(
    pages: PageResponder,
    imports: ImportService,
    exports: ExportService,
    organisations: OrganisationsService,
  ) {
    this.flow = new ImportPageFlow(
      { base: '/beheer/import', views: 'beheer/import', admin: true },
      pages,
      imports,
      exports,
      organisations,
    );
  }

  @Get('beheer/import')
  @WebAccess('admin')
  start(@Req() req: WebRequest, @Res() res: Response) {
    return this.flow.start(req, res);
  }

  @Post('beheer/import')
  @WebAccess('admin')
  upload(@Req() req: WebRequest, @Res() res: Response) {
    return this.flow.upload(req, res);
  }

  @Post('beheer/import/export')
  @WebAccess('admin')
  exportFile(@Req() req: WebRequest, @Res() res: Response) {
    return this.flow.exportFile(req, res);
  }

  @Get('beheer/import/sjablonen/:bestand')
  @WebAccess('admin')
  template(@Param('bestand') fileName: string, @Res() res: Response) {
    return this.flow.template(res, fileName);
  }

  @Get('beheer/import/:id')
  @WebAccess('admin')
  job(@Param('id', ParseUUIDPipe) id: string, @Req() req: WebRequest, @Res() res: Response) {
    return this.flow.job(req, res, id);
  }

  @Get('beheer/import/:id/rapport')
  @WebAccess('admin')
  report(@Param('id', ParseUUIDPipe) id: string, @Req() req: WebRequest, @Res() res: Response) {
    return this.flow.report(req, res, id);
  }

  @Post('beheer/import/:id/importeren')
  @WebAccess('admin')
  run(@Param('id', ParseUUIDPipe) id: string, @Req() req: WebRequest, @Res() res: Response) {
    return this.flow.run(req, res, id);
  }
}
