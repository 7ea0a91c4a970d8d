import { describe, expect, it } from 'vitest';
import { inForeignKeyOrder, type CatalogTable } from '../../server/storage/table-catalog';

const table = (name: string, ...references: string[]): CatalogTable => ({ name, columns: ['id'], primaryKey: ['id'], references });
const names = (tables: CatalogTable[]) => tables.map((t) => t.name);

describe('tables in foreign-key order (what db:copy inserts in, and deletes in reverse)', () => {
  it('puts every table after the tables it references, keeping the given order otherwise', () => {
    const ordered = inForeignKeyOrder([table('items', 'sections'), table('meeting_steps', 'meetings'), table('meetings', 'organisations', 'partners'), table('organisations'), table('partners'), table('sections')]);
    expect(names(ordered)).toEqual(['sections', 'items', 'organisations', 'partners', 'meetings', 'meeting_steps']);
  });

  it('ignores a table that references itself and a reference to a table outside the list', () => {
    expect(names(inForeignKeyOrder([table('tree', 'tree'), table('child', 'tree', 'elsewhere')]))).toEqual(['tree', 'child']);
  });

  it('refuses a cycle, naming it', () => {
    expect(() => inForeignKeyOrder([table('a', 'b'), table('b', 'a')])).toThrow('Foreign keys form a cycle: a → b → a');
  });
});
