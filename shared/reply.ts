/** `fields` (when present) maps a failing field's path to its message, for forms. */
export interface ErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** The one acknowledgement shape every socket handler answers with. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** HTTP error responses are `{ error: { code, message } }`. */
export type ErrorResponse = { error: ErrorBody };
