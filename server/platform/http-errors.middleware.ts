import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorResponse } from '../../shared/reply';
import { AppError, notFound } from './errors';
import type { StorageHealth } from '../storage/storage-health';
import type { Logger } from './logger';

/** Unknown API paths answer JSON, not an HTML page. */
export const apiNotFound: RequestHandler = (req, _res, next) => next(notFound(`No API route ${req.method} ${req.originalUrl.split("?")[0]}`));

/** Whatever no route served (a missing file, an unknown page): a JSON 404, never Express's HTML page. */
export const notFoundHandler: RequestHandler = (req, _res, next) => next(notFound(`Nothing at ${req.method} ${req.originalUrl.split('?')[0]}`));

interface HttpParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message?: string;
}

/** What a client error from a library (not an AppError) is called in our answers. */
const CLIENT_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'invalid_request', message: 'Bad request' },
  403: { code: 'forbidden', message: 'Forbidden' },
  404: { code: 'not_found', message: 'Not found' },
  405: { code: 'method_not_allowed', message: 'Method not allowed' },
  413: { code: 'payload_too_large', message: 'The body is too large' },
  415: { code: 'unsupported_media_type', message: 'Unsupported content type' },
};

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
    } else if (err instanceof URIError) {
      // The router could not decode a parameter: `/kiosk/%E0%A4%A` is the client's mistake.
      status = 400;
      body = { error: { code: 'invalid_request', message: 'The address has invalid percent-encoding' } };
    } else if (parserError.expose && parserError.status && parserError.status < 500) {
      status = parserError.status;
      body = { error: { code: 'invalid_request', message: parserError.message ?? 'Bad request' } };
    } else if (isClientStatus(parserError.status ?? parserError.statusCode)) {
      // A library's 4xx whose message is not for clients (send/serve-static pass ENOENT with the
      // server's file path and status 404): the status is right, the message is ours.
      status = (parserError.status ?? parserError.statusCode)!;
      body = { error: CLIENT_ERRORS[status] ?? { code: 'invalid_request', message: 'Bad request' } };
    }
    if (status >= 500) logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}

const isClientStatus = (status: unknown): status is number => typeof status === 'number' && status >= 400 && status < 500;
