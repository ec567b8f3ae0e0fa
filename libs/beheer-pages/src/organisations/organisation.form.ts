import { CreateOrganisationDto, UpdateOrganisationDto } from '@werkbrug/organisations';
import { ORGANISATION_KINDS, LABELS } from '@werkbrug/domain';
import { field, type FormBody, FormErrors, validateAsDto, type DtoFieldWords } from '@werkbrug/web';

/** The organisation form's fields, as typed. */
export interface OrganisationValues {
  kind: string;
  name: string;
  region: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  version: string;
}

export const ORGANISATION_FIELDS = [
  'kind',
  'name',
  'region',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;

const WORDS: DtoFieldWords = {
  kind: { field: 'kind', message: 'Kies wat voor organisatie het is' },
  name: { field: 'name', message: 'Vul de naam van de organisatie in, met hoogstens 200 tekens' },
  region: { field: 'region', message: 'Maak de lijst met gemeenten korter dan 200 tekens' },
  contactName: { field: 'contactName', message: 'Maak de naam korter dan 120 tekens' },
  contactEmail: {
    field: 'contactEmail',
    message: 'Vul een e-mailadres in zoals naam@gemeente.nl, of laat het leeg',
  },
  contactPhone: {
    field: 'contactPhone',
    message: 'Vul een telefoonnummer in zoals 0348 123 456, of laat het leeg',
  },
};

/** The kinds an administrator can add (the administrators' own organisation is made at the start). */
export const kindChoices = () =>
  ORGANISATION_KINDS.filter((k) => k !== 'beheer').map((value) => ({
    value,
    text: LABELS.organisationKind[value],
  }));

export function organisationValues(body: FormBody): OrganisationValues {
  return {
    kind: field(body, 'kind'),
    name: field(body, 'name'),
    region: field(body, 'region'),
    contactName: field(body, 'contactName'),
    contactEmail: field(body, 'contactEmail').toLowerCase(),
    contactPhone: field(body, 'contactPhone'),
    version: field(body, 'version'),
  };
}

/** The region as the API keeps it: gemeenten separated by a comma and a space. */
const tidyRegion = (region: string) =>
  region
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean)
    .join(', ');

/** A new organisation through the API's own DTO; null when `errors` got something. */
export function parseNewOrganisation(values: OrganisationValues, errors: FormErrors) {
  if (!values.name) errors.add('name', 'Vul de naam van de organisatie in');
  return validateAsDto(
    CreateOrganisationDto,
    {
      kind: values.kind,
      name: values.name,
      region: tidyRegion(values.region),
      contactName: values.contactName,
      contactEmail: values.contactEmail,
      contactPhone: values.contactPhone,
    },
    WORDS,
    errors,
    'name',
  );
}

/** A change of an organisation's details, through the API's DTO. */
export function parseOrganisationChange(values: OrganisationValues, errors: FormErrors) {
  if (!values.name) errors.add('name', 'Vul de naam van de organisatie in');
  return validateAsDto(
    UpdateOrganisationDto,
    {
      name: values.name,
      region: tidyRegion(values.region),
      contactName: values.contactName,
      contactEmail: values.contactEmail,
      contactPhone: values.contactPhone,
    },
    WORDS,
    errors,
    'name',
  );
}

/** Check your answers: one row per field, each with a way back to it. */
export function organisationAnswers(values: OrganisationValues, withKind: boolean) {
  const kindText = (LABELS.organisationKind as Record<string, string>)[values.kind] ?? values.kind;
  return [
    ...(withKind ? [{ key: 'Soort organisatie', value: kindText, changeField: 'kind' }] : []),
    { key: 'Naam', value: values.name, changeField: 'name' },
    { key: 'Gemeenten', value: tidyRegion(values.region), changeField: 'region' },
    { key: 'Contactpersoon', value: values.contactName, changeField: 'contactName' },
    { key: 'E-mailadres', value: values.contactEmail, changeField: 'contactEmail' },
    { key: 'Telefoonnummer', value: values.contactPhone, changeField: 'contactPhone' },
  ];
}
