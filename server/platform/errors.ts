import type { ZodError } from 'zod';
import { issueFields } from '../../shared/field-errors';

/** An error with an HTTP status and a stable code; the error middleware turns it into `{ error }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra facts for the client (e.g. the current version in a conflict, or the failing fields). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'invalid_request') => new AppError(400, code, message);
export const unauthorized = (message = 'Sign in first') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'Not allowed for your role') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new AppError(404, 'not_found', message);

/** "events[3].section: is required for tap events; …" — names every failing field. */
export function describeZodError(error: ZodError, root = ''): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
        root,
      );
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** `{ "item.title.en": "must not be empty" }`: one message per failing field, for forms (the console names them alike). */
export function fieldErrors(error: ZodError): Record<string, string> {
  return issueFields(error.issues);
}

/** Parses `input` with `schema` or throws a 400 that names the failing fields. */
export function parseOrThrow<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: ZodError } }, input: unknown, root = ''): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError(400, 'validation_failed', describeZodError(result.error, root), { fields: fieldErrors(result.error) });
  return result.data;
}
