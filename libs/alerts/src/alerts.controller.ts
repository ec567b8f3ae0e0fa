import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor, Public } from '@werkbrug/auth';
import { AlertsView, UnsubscribeDto, UnsubscribeResult, UpdateAlertsDto } from './alerts.dto';
import { AlertsService } from './alerts.service';
import { ApiProblemResponses } from '@werkbrug/http';

@ApiTags('alerts')
@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('me/alerts')
  @Access('kandidaat')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Your e-mail alerts of new workplaces that fit' })
  @ApiOkResponse({ type: AlertsView })
  get(@CurrentActor() actor: Actor) {
    return this.alerts.get(actor);
  }

  @Put('me/alerts')
  @Access('kandidaat')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Turn alerts on or off, daily or weekly',
    description:
      'Only workplaces that became a match since the last alert are sent; the first run after turning ' +
      'alerts on records what already fits. Needs an e-mail address in your file (else 422 NO_EMAIL).',
  })
  @ApiOkResponse({ type: AlertsView })
  @ApiProblemResponses(400, 422)
  set(@CurrentActor() actor: Actor, @Body() dto: UpdateAlertsDto) {
    return this.alerts.set(actor, dto);
  }

  @Post('alerts/unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Stop alerts with the signed token from the e-mail (no login needed)',
  })
  @ApiOkResponse({ type: UnsubscribeResult })
  @ApiProblemResponses(400, 422)
  unsubscribe(@Body() dto: UnsubscribeDto): Promise<UnsubscribeResult> {
    return this.alerts.unsubscribe(dto.token);
  }
}
