import { registerDecorator, ValidationOptions } from 'class-validator';

/** Dutch postcode: 4 digits (not starting with 0), optional space, 2 letters, not SA/SD/SS. */
export const POSTCODE_PATTERN = /^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$/i;

export function IsDutchPostcode(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDutchPostcode',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a Dutch postcode such as 3441 AB`, ...options },
      validator: {
        validate: (v: unknown) => typeof v === 'string' && POSTCODE_PATTERN.test(v.trim()),
      },
    });
}

/** KvK number: exactly 8 digits (the Dutch Chamber of Commerce register number). */
export function IsKvkNumber(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isKvkNumber',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be 8 digits`, ...options },
      validator: {
        validate: (v: unknown) => typeof v === 'string' && /^[0-9]{8}$/.test(v) && v !== '00000000',
      },
    });
}

/** Latitude/longitude inside the Netherlands (with its Wadden islands and Limburg). */
export const NL_BOUNDS = { minLat: 50.75, maxLat: 53.55, minLng: 3.35, maxLng: 7.25 };

export const normalisePostcodeInput = (v: string) => v.replace(/\s+/g, '').toUpperCase();
