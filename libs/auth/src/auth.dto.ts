import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';

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
