import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../../../test/support/test-app';
import { dataSourceOptions } from './data-source-options';
import { writeTogether } from './write-together';

describe('writeTogether (real PostgreSQL)', () => {
  let url: string;
  let db: DataSource;
  beforeAll(async () => {
    url = await createTestDatabase();
    db = await new DataSource({ ...dataSourceOptions(url), migrations: [] }).initialize();
    await db.query(`CREATE TABLE wt_parent (id int PRIMARY KEY, name text NOT NULL)`);
    await db.query(
      `CREATE TABLE wt_child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES wt_parent (id), note text NOT NULL)`,
    );
  });
  afterAll(async () => {
    await db.destroy();
    await dropTestDatabase(url);
  });
  const count = async (table: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('writes a parent and its child in one statement (the foreign key holds) and returns their rows', async () => {
    const [[parent], [child]] = await writeTogether(db, [
      {
        sql: 'INSERT INTO wt_parent (id, name) VALUES ($1, $2) RETURNING id, name',
        params: [1, 'ouder'],
        returning: true,
      },
      {
        sql: 'INSERT INTO wt_child (parent_id, note) VALUES ($1, $2) RETURNING parent_id, note',
        params: [1, 'kind'],
        returning: true,
      },
    ]);
    expect(parent).toEqual({ id: 1, name: 'ouder' });
    expect(child).toEqual({ parent_id: 1, note: 'kind' });
  });

  it('writes nothing when one of the writes fails', async () => {
    const [parents, children] = [await count('wt_parent'), await count('wt_child')];
    await expect(
      writeTogether(db, [
        { sql: 'INSERT INTO wt_parent (id, name) VALUES ($1, $2)', params: [2, 'tweede'] },
        // A child of a parent that does not exist: the whole statement is refused.
        { sql: 'INSERT INTO wt_child (parent_id, note) VALUES ($1, $2)', params: [99, 'wees'] },
      ]),
    ).rejects.toThrow(/foreign key/);
    expect([await count('wt_parent'), await count('wt_child')]).toEqual([parents, children]);
  });
});
