import { Router, type RequestHandler } from 'express';
import type { MulterError } from 'multer';
import type { SessionUser } from '../../shared/auth.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { AppError, badRequest } from '../platform/errors';
import type { ImagesService } from './images.service';

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

export function imagesRoutes(deps: { images: ImagesService; auth: AuthService }): Router {
  const router = Router();
  router.post('/api/v1/images', requireRole(deps.auth, 'admin', 'operator'), async (req, res, next) => {
    const { upload, MulterError } = await multipartParser();
    upload(req, res, (error: unknown) => {
      if (error instanceof MulterError) {
        return next(
          error.code === 'LIMIT_FILE_SIZE'
            ? new AppError(413, 'payload_too_large', `image: files may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`)
            : badRequest(`image: ${error.message}`),
        );
      }
      // Anything else the parser reports ("Unexpected end of form", "Multipart: Boundary not
      // found", "Malformed part header", a client that went away) is a broken request: the upload
      // is held in memory, so no storage fault can come from here.
      if (error) return next(badRequest(`image: the upload is not a complete multipart/form-data body (${(error as Error).message ?? error}); send the file again as field "image"`, 'invalid_multipart'));
      if (!req.file) return next(badRequest('image: send the file as multipart/form-data field "image"'));
      deps.images
        .store(req.file.buffer, req.file.originalname, res.locals.user as SessionUser)
        .then((stored) => res.status(201).json(stored))
        .catch(next);
    });
  });
  return router;
}

let parser: Promise<{ upload: RequestHandler; MulterError: typeof MulterError }> | undefined;

/** multer, loaded on the first upload rather than at start (it and busboy are ~10 ms of start-up no screen needs). */
function multipartParser() {
  parser ??= import('multer').then(({ default: multer }) => ({
    // In memory: the file is re-encoded before anything is written, and the size is capped.
    upload: multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } }).single('image'),
    MulterError: multer.MulterError,
  }));
  return parser;
}
