import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DOMAIN } from './oidc-rules';

/**
 * An organisation's identity provider, as an administrator sets it. The client secret is
 * write-only: required the first time, left out to keep the one stored.
 */
export class SaveIdentityProviderDto {
  @ApiProperty({ description: 'Issuer URL (discovery at /.well-known/openid-configuration)' })
  @IsString()
  @MaxLength(500)
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'], require_tld: false })
  issuer!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) clientId!: string;

  @ApiPropertyOptional({
    description: 'Client secret; write-only (never returned). Leave out to keep the stored one.',
    writeOnly: true,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  clientSecret?: string;

  @ApiPropertyOptional({
    description: "The ID-token claim with the e-mail address (default 'email')",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:/-]{1,100}$/, { message: 'emailClaim is a claim name' })
  emailClaim?: string;

  @ApiProperty({ type: [String], description: 'E-mail domains of this organisation (lower case)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(DOMAIN, { each: true, message: 'each domain is a domain name such as gemeente.nl' })
  domains!: string[];

  @ApiPropertyOptional({ description: 'Whether its users may still sign in with a password' })
  @IsOptional()
  @IsBoolean()
  passwordAllowed?: boolean;

  @ApiPropertyOptional({
    description:
      'Create a werkmakelaar account on the first sign-in of an unknown address in its domains',
  })
  @IsOptional()
  @IsBoolean()
  createAccounts?: boolean;

  @ApiPropertyOptional({ type: [String], description: '`acr` values that count as multi-factor' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  mfaAcrValues?: string[];

  @ApiPropertyOptional({ description: 'The version read (or If-Match) when changing' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** What an administrator reads back: everything but the secret. */
export class IdentityProviderView {
  @ApiProperty() organisationId!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ description: 'Whether a client secret is stored (it is never returned)' })
  clientSecretSet!: boolean;
  @ApiProperty() emailClaim!: string;
  @ApiProperty({ type: [String] }) domains!: string[];
  @ApiProperty() passwordAllowed!: boolean;
  @ApiProperty() createAccounts!: boolean;
  @ApiProperty({ type: [String] }) mfaAcrValues!: string[];
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}
