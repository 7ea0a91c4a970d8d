import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorResponse } from '../../shared/reply';
import { AppError, notFound } from './errors';
import type { StorageHealth } from '../storage/storage-health';
import type { Logger } from './logger';

/** Unknown API paths answer JSON, not an HTML page. */
export const apiNotFound: RequestHandler = (req, _res, next) => next(notFound(`No API route ${req.method} ${req.originalUrl.split("?")[0]}`));

interface HttpParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

/** Every error becomes `{ error: { code, message } }` with the right status; internals are logged, not sent. */
export function errorHandler(logger: Logger, storage: StorageHealth): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    void _next;
    let status = 500;
    let body: ErrorResponse = { error: { code: 'internal', message: 'Something went wrong on the server' } };
    const parserError = err as HttpParserError;
    // Reported to the storage health, which logs it once and tells /readyz; not an error per request.
    const fault = storage.report(err);
    if (fault) {
      if (!res.headersSent) res.status(503).set('Retry-After', '30').json({ error: fault });
      return;
    }
    if (err instanceof AppError) {
      status = err.status;
      body = { error: { code: err.code, message: err.message, ...err.details } };
    } else if (parserError.type === 'entity.parse.failed') {
      status = 400;
      body = { error: { code: 'invalid_json', message: `The body is not valid JSON: ${parserError.message ?? ''}` } };
    } else if (parserError.type === 'entity.too.large') {
      status = 413;
      body = { error: { code: 'payload_too_large', message: 'The body is too large' } };
    } else if (parserError.expose && parserError.status && parserError.status < 500) {
      status = parserError.status;
      body = { error: { code: 'invalid_request', message: parserError.message ?? 'Bad request' } };
    }
    if (status >= 500) logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}
