import type { WerksoortView } from './werksoort.dto';
import { ApiProperty } from '@nestjs/swagger';

/*
 * Response classes for the OpenAPI document (every 2xx has a schema; test/openapi-responses.e2e-spec.ts).
 * Generated from the return types of werksoorten.controller.ts, then reviewed; keep them in step with the views.
 */

export class WerksoortResponse implements WerksoortView {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) description!: string;
  @ApiProperty({ type: String, isArray: true }) synonyms!: string[];
  @ApiProperty({ type: Boolean }) active!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'ISCO-08 unit group' })
  iscoCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'BRC 2014 beroepsgroep' })
  brcCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Name of the BRC 2014 beroepsgroep' })
  brcName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Merged into this werksoort' })
  mergedIntoId!: string | null;
  @ApiProperty({ type: String }) createdAt!: string;
  @ApiProperty({ type: String }) updatedAt!: string;
  @ApiProperty({ type: Number }) version!: number;
}

/** A werksoort as other records name it (a workplace in a match list or search result). */
export class WerksoortRefResponse {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
}

export class WerksoortMergeResponse {
  @ApiProperty({ type: WerksoortResponse, description: 'Now inactive' }) from!: WerksoortResponse;
  @ApiProperty({ type: WerksoortResponse, description: 'With the name of `from` as a synonym' })
  into!: WerksoortResponse;
  @ApiProperty({ type: Number }) vacanciesMoved!: number;
  @ApiProperty({ type: Number }) candidatesMoved!: number;
}

export class WerksoortPageResponse {
  @ApiProperty({ type: WerksoortResponse, isArray: true }) items!: WerksoortResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: Number }) limit!: number;
}
