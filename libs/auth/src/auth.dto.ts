import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

export class TokenRequest {
  @ApiProperty({ example: 'beheer@werkbrug.local' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(256)
  password!: string;
}

export class TokenResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty() expiresAt!: string;
}

export class SignInLinkRequest {
  @ApiProperty({ example: 'beheer@werkbrug.local' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class SignInLinkResponse {
  @ApiProperty({
    example:
      'If the address belongs to an active account, a sign-in link is on its way (valid 15 minutes).',
  })
  detail!: string;
}

export class LinkTokenRequest {
  @ApiProperty({ description: 'The token from the link in the mail (al_…)' })
  @IsString()
  @MaxLength(100)
  token!: string;
}

export class EmailChangeConfirmed {
  @ApiProperty() email!: string;
}

export class SecondFactorTokenRequest extends TokenRequest {
  @ApiPropertyOptional({
    description:
      'For werkmakelaars and administrators: the current code of their authenticator app (6 digits) or one of their recovery codes',
    example: '123456',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  otp?: string;
}

export class MfaConfirmRequest extends TokenRequest {
  @ApiProperty({ description: 'The current code of the authenticator app', example: '123456' })
  @IsString()
  @MaxLength(32)
  otp!: string;
}

export class MfaSetupResponse {
  @ApiProperty({
    description: 'The TOTP secret (base32), for typing into an app',
    example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  })
  secret!: string;
  @ApiProperty({ description: 'The otpauth:// URI an app reads from a QR code' })
  otpauthUri!: string;
  @ApiProperty({ description: 'The QR code of the URI, an SVG document drawn by the server' })
  qrSvg!: string;
}

export class MfaConfirmResponse extends TokenResponse {
  @ApiProperty({
    description: 'Ten one-time recovery codes, shown only now (stored hashed)',
    example: ['abcde-fghjk'],
  })
  recoveryCodes!: string[];
}

export class SignInLinkRedeemRequest extends LinkTokenRequest {
  @ApiPropertyOptional({
    description: 'For werkmakelaars and administrators: the authenticator code or a recovery code',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  otp?: string;
}
