import type { Request, Response } from 'express';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** gzip at the compression middleware's default level; brotli at a quality that costs about as much CPU, once. */
const GZIP_LEVEL = 6;
const BROTLI_QUALITY = 5;

/**
 * A response body shared by many requests (the snapshot of one seq, the content of one version),
 * with its gzip and brotli forms each computed at most once, on the first request that accepts
 * it: a hall of reconnecting screens then costs one compression, not one per request.
 */
export class PrecompressedBody {
  private gzipped: Buffer | undefined;
  private brotli: Buffer | undefined;

  constructor(readonly text: string) {}

  /** The body in `encoding`. */
  encoded(encoding: 'br' | 'gzip'): Buffer {
    if (encoding === 'gzip') return (this.gzipped ??= gzipSync(this.text, { level: GZIP_LEVEL }));
    return (this.brotli ??= brotliCompressSync(this.text, {
      params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(this.text) },
    }));
  }
}

/**
 * Sends a shared JSON body in the best encoding the request accepts (brotli, gzip, or plain).
 * With Content-Encoding set, the compression middleware leaves the response alone.
 */
export function sendPrecompressed(req: Request, res: Response, body: PrecompressedBody): void {
  res.type('application/json').vary('Accept-Encoding');
  // Brotli when accepted at all (smaller, and computed once), whatever order the header lists them in.
  const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : undefined;
  if (encoding) res.set('Content-Encoding', encoding).send(body.encoded(encoding));
  else res.send(body.text);
}
