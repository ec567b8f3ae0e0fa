import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { ALERT_FREQUENCIES, type AlertFrequency } from './digest';

export class UpdateAlertsDto {
  @ApiProperty({ description: 'true: send me e-mail about new workplaces that fit' })
  @IsBoolean()
  active!: boolean;

  @ApiProperty({ enum: ALERT_FREQUENCIES })
  @IsIn(ALERT_FREQUENCIES)
  frequency!: AlertFrequency;
}

export class AlertsView {
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: ALERT_FREQUENCIES }) frequency!: AlertFrequency;
  @ApiProperty({ description: 'Whether there is an e-mail address to send to' }) hasEmail!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextDueAt!: string | null;
}

export class UnsubscribeDto {
  @ApiProperty({ description: 'The token from the link in the e-mail' })
  @IsString()
  @MaxLength(200)
  token!: string;
}

export class UnsubscribeResult {
  @ApiProperty() unsubscribed!: boolean;
}
