import { CompiledQuery, type Insertable, type Transaction } from 'kysely';
import type { Database } from './database.js';

/** Row counts whose statement text is kept, per table: batches come in a few recurring sizes. */
const KEPT_SHAPES = 16;

/**
 * A multi-row insert of one table, compiled once per row count and then only bound anew.
 *
 * Kysely builds and compiles such an insert from scratch each time: for a batch of 500 events
 * that is 5,500 value nodes and a long SQL text, which cost about as much as SQLite's own work of
 * storing the rows. The text depends only on the table, its columns and the number of rows, so
 * it is compiled by Kysely once (for the dialect at hand), checked to bind its parameters row
 * after row in column order, and reused with each batch's values.
 */
export class BatchInsert<T extends keyof Database> {
  private readonly texts = new Map<number, string>();

  constructor(
    private readonly table: T,
    private readonly columns: readonly (keyof Database[T] & string)[],
  ) {}

  /** Binds as many parameters per row as the table has columns. */
  get width(): number {
    return this.columns.length;
  }

  async run(tx: Transaction<Database>, rows: readonly Insertable<Database[T]>[]): Promise<void> {
    if (rows.length === 0) return;
    const parameters: unknown[] = new Array(rows.length * this.columns.length);
    let at = 0;
    for (const row of rows) {
      const values = row as Record<string, unknown>;
      for (const column of this.columns) parameters[at++] = values[column] ?? null;
    }
    await tx.executeQuery(CompiledQuery.raw(this.textFor(tx, rows.length), parameters));
  }

  private textFor(tx: Transaction<Database>, count: number): string {
    let text = this.texts.get(count);
    if (text !== undefined) {
      this.texts.delete(count);
    } else {
      // Each parameter is its own position: the compiled query shows the order it binds them in.
      const width = this.columns.length;
      const rows = Array.from({ length: count }, (_, r) => Object.fromEntries(this.columns.map((column, c) => [column, r * width + c])));
      const compiled = tx.insertInto(this.table).values(rows as never).compile();
      if (compiled.parameters.length !== count * width || compiled.parameters.some((p, i) => p !== i)) {
        throw new Error(`The compiled insert into ${this.table} does not bind its values row by row, in column order.`);
      }
      text = compiled.sql;
      if (this.texts.size >= KEPT_SHAPES) this.texts.delete(this.texts.keys().next().value!);
    }
    this.texts.set(count, text);
    return text;
  }
}
