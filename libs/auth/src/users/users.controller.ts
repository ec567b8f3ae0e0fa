import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { IfMatchVersion, ApiProblemResponses } from '@werkbrug/http';
import { Access } from '../access.decorator';
import { CurrentActor } from '../current-actor.decorator';
import { ROLES, type Actor } from '../role';
import { SecondFactorService } from '../second-factor/second-factor.service';
import { CreateUserDto, InviteUserDto, UpdateUserDto, UserListQuery } from './user.dto';
import { UsersService } from './users.service';
import { InvitationResentResponse, UserPageResponse, UserResponse } from './users.responses';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Post(':id/second-factor/reset')
  @HttpCode(204)
  @Access('admin', 'werkmakelaar')
  @ApiOperation({
    summary:
      "Remove a user's authenticator app and recovery codes (administrators: anyone; organisation administrators: their own organisation's users). The user's tokens, links and web sessions end; the next sign-in sets up a new app.",
  })
  @ApiNoContentResponse({ description: 'Reset; the user sets up a new app at the next sign-in' })
  @ApiProblemResponses(400, 403, 404)
  async resetSecondFactor(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const user = await this.users.managedUser(actor, id);
    await this.secondFactor.reset(user.id, actor);
  }

  @Get()
  @ApiOkResponse({ type: UserPageResponse })
  @Access('admin', 'werkmakelaar')
  @ApiOperation({ summary: 'List users' })
  @ApiProblemResponses(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: UserListQuery) {
    return this.users.list(actor, query);
  }

  @Post()
  @ApiCreatedResponse({ type: UserResponse })
  @Access('admin')
  @ApiOperation({ summary: 'Create a user' })
  @ApiProblemResponses(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Post('invitations')
  @ApiCreatedResponse({ type: UserResponse })
  @Access('admin', 'werkmakelaar')
  @ApiOperation({
    summary:
      'Invite someone into an organisation by mail (administrators: any; organisation administrators: their own)',
  })
  @ApiProblemResponses(400, 404, 409, 422)
  invite(@CurrentActor() actor: Actor, @Body() dto: InviteUserDto) {
    return this.users.invite(actor, dto);
  }

  @Post(':id/invitation')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationResentResponse })
  @Access('admin', 'werkmakelaar')
  @ApiOperation({ summary: 'Send an invitation again, with a new link' })
  @ApiProblemResponses(400, 404, 409)
  resendInvitation(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.resendInvitation(actor, id);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserResponse })
  @Access(...ROLES)
  @ApiOperation({ summary: 'One user' })
  @ApiProblemResponses(400, 404)
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponse })
  @Access(...ROLES)
  @ApiOperation({ summary: 'Update a user (If-Match)' })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    if (dto.active === false) this.users.assertNotSelf(actor, id);
    return this.users.update(actor, id, dto, ifMatch);
  }
}
