import { Presets, SingleBar } from 'cli-progress';
import type { CopyProgress } from '../storage/database-copy';

/** A copy's progress as one bar over all rows, naming the table under way. */
export interface ProgressBar extends CopyProgress {
  /** Ends the bar and writes the one line that stays (also when the stream is no terminal); nothing if the copy never started. */
  finish(outcome: string): void;
}

/**
 * Draws on `stream` only when it is a terminal (cli-progress stays silent otherwise), so a copy
 * run from a script or CI logs just its final line.
 */
export function progressBar(stream: NodeJS.WriteStream): ProgressBar {
  const bar = new SingleBar(
    { stream, format: '{bar} {percentage}% | {value}/{total} rows | {table}', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  let total = 0;
  let tables = 0;
  let current = { table: '', rows: 0 };
  return {
    start(counts) {
      total = counts.reduce((sum, t) => sum + t.rows, 0);
      tables = counts.length;
      bar.start(total, 0, { table: '' });
    },
    copied(table, rows) {
      if (table !== current.table) {
        done += current.rows;
        current = { table, rows: 0 };
      }
      current.rows = rows;
      bar.update(done + rows, { table });
    },
    finish(outcome) {
      if (tables === 0) return;
      bar.stop();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`db:copy: ${outcome}: ${total.toLocaleString('en')} rows in ${tables} tables, ${seconds} s\n`);
    },
  };
}
