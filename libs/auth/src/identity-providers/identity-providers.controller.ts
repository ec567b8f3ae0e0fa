import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblemResponses, IfMatchVersion, Problems } from '@werkbrug/http';
import { Access } from '../access.decorator';
import { CurrentActor } from '../current-actor.decorator';
import type { Actor } from '../role';
import { IdentityProviderView, SaveIdentityProviderDto } from './identity-provider.dto';
import { IdentityProvidersService } from './identity-providers.service';

/** An organisation's own identity provider (OpenID Connect), for administrators. */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations/:id/identity-provider')
export class IdentityProvidersController {
  constructor(private readonly providers: IdentityProvidersService) {}

  @Get()
  @ApiOkResponse({ type: IdentityProviderView })
  @Access('admin')
  @ApiOperation({
    summary: "An organisation's identity provider (the client secret is never returned)",
  })
  @ApiProblemResponses(400, 404)
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    const found = await this.providers.get(actor, id);
    if (!found) throw Problems.notFound('Identity provider');
    return found;
  }

  @Put()
  @ApiOkResponse({ type: IdentityProviderView })
  @Access('admin')
  @ApiOperation({
    summary:
      "Set an organisation's identity provider (created the first time; a change needs If-Match or version)",
  })
  @ApiProblemResponses(400, 404, 409, 422)
  save(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SaveIdentityProviderDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.providers.save(actor, id, dto, ifMatch);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse()
  @Access('admin')
  @ApiOperation({ summary: "Remove an organisation's identity provider (back to passwords)" })
  @ApiProblemResponses(400, 404)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    await this.providers.remove(actor, id);
  }
}
