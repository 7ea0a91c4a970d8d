import { z } from 'zod';

/** `fields` (when present) maps a failing field's path to its message, for forms. */
export const ErrorBodySchema = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The one acknowledgement shape every socket handler answers with. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** HTTP error responses are `{ error: { code, message } }`. */
export type ErrorResponse = { error: ErrorBody };
