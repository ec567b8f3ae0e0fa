import type { EntityManager } from 'typeorm';
import { Problems } from '@werkbrug/http';
import type { LocationDto, ResolvedLocation } from './location.dto';
import { normalisePostcodeInput } from './validators';

/**
 * Completes a location: the postcode is normalised ("3441AB"), and place and coordinates come
 * from the postcode area (PC4) table when the client did not send them.
 */
export async function resolveLocation(
  em: EntityManager,
  dto: LocationDto,
  field: string,
): Promise<ResolvedLocation> {
  const postcode = normalisePostcodeInput(dto.postcode);
  let { lat, lng, place } = dto;
  if ((lat === undefined) !== (lng === undefined)) {
    throw Problems.validation([
      { field: `${field}.lat`, message: 'send both lat and lng, or neither' },
    ]);
  }
  if (lat === undefined || lng === undefined || !place) {
    const rows: { place: string; lat: number; lng: number }[] = await em.query(
      `SELECT place, lat, lng FROM postcode_areas WHERE pc4 = $1`,
      [postcode.slice(0, 4)],
    );
    const area = rows[0];
    if (!area && (lat === undefined || lng === undefined)) {
      throw Problems.validation([
        {
          field: `${field}.postcode`,
          message: 'postcode area unknown: send lat and lng for this location',
        },
      ]);
    }
    lat ??= area?.lat;
    lng ??= area?.lng;
    place ||= area?.place;
  }
  if (!place)
    throw Problems.validation([
      { field: `${field}.place`, message: 'place is required for this postcode' },
    ]);
  return {
    address: dto.address?.trim() ?? '',
    postcode,
    place: place.trim(),
    lat: lat as number,
    lng: lng as number,
  };
}
