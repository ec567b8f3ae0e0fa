import type { DataSource } from 'typeorm';
import { queryRows } from '@werkbrug/database';
import { SEED_STANDARD_CODES } from './standard-codes';

/** The seven werksoorten of the Ferm Werk method, with synonyms people actually type. */
export const SEED_WERKSOORTEN = [
  {
    code: 'productie',
    name: 'Productie',
    description:
      'Inpakken, assembleren, machines bedienen en andere werk in een productieomgeving.',
    synonyms: ['inpakken', 'assemblage', 'montage', 'fabriek', 'orderpicken productie', 'operator'],
  },
  {
    code: 'groen',
    name: 'Groen',
    description: 'Groenonderhoud, tuinen, plantsoenen, kwekerij en natuurbeheer.',
    synonyms: [
      'groenvoorziening',
      'hovenier',
      'tuinman',
      'tuinier',
      'plantsoen',
      'kwekerij',
      'tuinonderhoud',
      'natuurbeheer',
    ],
  },
  {
    code: 'schoonmaak',
    name: 'Schoonmaak',
    description: 'Schoonmaken van kantoren, scholen, zorginstellingen en openbare ruimte.',
    synonyms: ['schoonmaker', 'interieurverzorging', 'glazenwasser', 'reiniging', 'poetsen'],
  },
  {
    code: 'logistiek',
    name: 'Logistiek',
    description: 'Magazijnwerk, orderpicken, laden en lossen, voorraadbeheer.',
    synonyms: [
      'magazijn',
      'orderpicker',
      'heftruck',
      'distributiecentrum',
      'expeditie',
      'warehouse',
    ],
  },
  {
    code: 'administratief',
    name: 'Administratief',
    description: 'Kantoorwerk: archiveren, invoeren, post, receptie en telefoon.',
    synonyms: ['administratie', 'kantoor', 'receptie', 'data-invoer', 'secretariaat', 'postkamer'],
  },
  {
    code: 'catering',
    name: 'Catering',
    description: 'Keuken, bediening, kantine en afwas.',
    synonyms: ['horeca', 'keuken', 'kok', 'bediening', 'kantine', 'afwas', 'koken'],
  },
  {
    code: 'personenvervoer',
    name: 'Personenvervoer',
    description: 'Leerlingenvervoer, zorgvervoer, buurtbus en begeleiding onderweg.',
    synonyms: ['chauffeur', 'taxi', 'leerlingenvervoer', 'zorgvervoer', 'buurtbus', 'vervoer'],
  },
] as const;

/** Adds missing seed werksoorten with their standard codes; never overwrites what an administrator changed. */
export async function seedWerksoorten(db: DataSource): Promise<number> {
  let added = 0;
  for (const w of SEED_WERKSOORTEN) {
    const codes = SEED_STANDARD_CODES[w.code];
    const rows = await queryRows<unknown>(
      db,
      `INSERT INTO werksoorten (code, name, description, synonyms, isco_code, brc_code, brc_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        w.code,
        w.name,
        w.description,
        w.synonyms,
        codes?.iscoCode ?? null,
        codes?.brcCode ?? null,
        codes?.brcName ?? null,
      ],
    );
    added += rows.length;
  }
  return added;
}
