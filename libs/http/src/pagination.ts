import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { OptionalIntQuery } from './query-int';
import { ProblemException } from './problem';

/** Query parameters shared by every list endpoint: keyset pagination with an opaque cursor. */
export class PageQuery {
  @OptionalIntQuery(1, 100, 20)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (nextCursor).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({
    description: 'Sort field; prefix with - for descending, e.g. -createdAt.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^-?[a-zA-Z]{1,40}$/)
  sort?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  limit: number;
}

interface CursorState {
  v: string | number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const encodeCursor = (state: CursorState) =>
  Buffer.from(JSON.stringify(state)).toString('base64url');

function decodeCursor(cursor: string): CursorState {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
    if (typeof parsed?.id !== 'string' || !UUID.test(parsed.id)) throw new Error('bad');
    if (typeof parsed.v !== 'string' && typeof parsed.v !== 'number') throw new Error('bad');
    return parsed;
  } catch {
    throw new ProblemException(
      400,
      'INVALID_CURSOR',
      'Invalid cursor',
      'Use the nextCursor of a previous page.',
    );
  }
}

/**
 * Applies keyset pagination on (sort column, id). `sortable` maps public sort names to
 * non-null columns, so the cursor comparison is always well defined.
 */
export async function paginate<E extends ObjectLiteral, T>(
  qb: SelectQueryBuilder<E>,
  query: PageQuery,
  sortable: Record<string, { column: string; read: (e: E) => string | number | Date }>,
  defaultSort: string,
  map: (entity: E) => T,
): Promise<Page<T>> {
  const limit = query.limit ?? 20;
  const sortParam = query.sort ?? defaultSort;
  const desc = sortParam.startsWith('-');
  const sortName = desc ? sortParam.slice(1) : sortParam;
  const sort = Object.hasOwn(sortable, sortName) ? sortable[sortName] : undefined;
  if (!sort) {
    throw new ProblemException(
      400,
      'INVALID_SORT',
      'Invalid sort field',
      `Sort by one of: ${Object.keys(sortable).join(', ')}.`,
    );
  }
  const alias = qb.alias;
  const op = desc ? '<' : '>';
  if (query.cursor) {
    const { v, id } = decodeCursor(query.cursor);
    qb.andWhere(`(${sort.column}, ${alias}.id) ${op} (:cursorValue, :cursorId)`, {
      cursorValue: v,
      cursorId: id,
    });
  }
  qb.orderBy(sort.column, desc ? 'DESC' : 'ASC')
    .addOrderBy(`${alias}.id`, desc ? 'DESC' : 'ASC')
    .take(limit + 1);
  const rows = await qb.getMany();
  const hasMore = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  let nextCursor: string | null = null;
  if (hasMore && last) {
    const raw = sort.read(last);
    nextCursor = encodeCursor({
      v: raw instanceof Date ? raw.toISOString() : raw,
      id: last.id as string,
    });
  }
  return { items: items.map(map), nextCursor, limit };
}
