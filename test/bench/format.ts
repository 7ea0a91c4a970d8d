/** Text formatting for the printed report. */

export const ms = (value: number | undefined): string => (value === undefined ? '—' : value.toFixed(1));
export const times = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}×`);
export const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;
export const count = (value: number): string => Math.round(value).toLocaleString('en-US');
/** Kilobytes of 1,024 bytes, one decimal. */
export const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
export const verdict = (met: boolean | undefined): string => (met === undefined ? 'n/a' : met ? 'PASS' : 'FAIL');

/** Left-aligned columns, two spaces apart; the first row is the header, underlined. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
