/**
 * `<input type="datetime-local">` speaks the browser's local wall time without a zone
 * ("2023-11-12T14:05:09"); the API speaks ISO instants. These convert between the two.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the input's value, in this browser's zone, to the second. */
export function toLocalInput(at: number | string | Date): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The input's value as an ISO instant; undefined for an empty or unreadable value. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  // Without a zone, Date reads the value as local time, which is what the operator typed.
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
