import type { EntityManager } from 'typeorm';
import { currentGeocoder } from '@werkbrug/geo';
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
    const geocoder = currentGeocoder();
    const area = await geocoder.lookup(em, postcode);
    if (!area && (lat === undefined || lng === undefined)) {
      // Say exactly what would be accepted instead.
      throw Problems.validation(
        [
          {
            field: `${field}.postcode`,
            message:
              `postcode ${postcode} is not known to ${geocoder.name}: send ${field}.lat and ${field}.lng ` +
              `(WGS84 decimal degrees in the Netherlands, e.g. 52.0860 and 4.8836) and ${field}.place with it`,
          },
        ],
        `No coordinates for postcode ${postcode}. Send "${field}": { "postcode": "${dto.postcode}", "place": "<plaats>", "lat": <graden noord>, "lng": <graden oost> }.`,
      );
    }
    lat ??= area?.lat;
    lng ??= area?.lng;
    place ||= area?.place;
  }
  if (!place)
    throw Problems.validation([
      {
        field: `${field}.place`,
        message: `postcode ${postcode} is not known to ${currentGeocoder().name}: send ${field}.place (the town) with the coordinates`,
      },
    ]);
  return {
    address: dto.address?.trim() ?? '',
    postcode,
    place: place.trim(),
    lat: lat as number,
    lng: lng as number,
  };
}
