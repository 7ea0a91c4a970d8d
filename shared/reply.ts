import { z } from 'zod';

export const ErrorBodySchema = z.object({ code: z.string(), message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The one acknowledgement shape every socket handler answers with. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** HTTP error responses are `{ error: { code, message } }`. */
export type ErrorResponse = { error: ErrorBody };
