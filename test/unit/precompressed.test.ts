import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PrecompressedBody } from '../../server/platform/precompressed';

describe('PrecompressedBody', () => {
  const text = JSON.stringify({ sections: Array.from({ length: 50 }, (_, i) => ({ id: `section-${i}`, title: 'Hall of machines' })) });

  it('compresses once per encoding and hands every later request the same bytes', () => {
    const body = new PrecompressedBody(text);
    const gzip = body.encoded('gzip');
    const br = body.encoded('br');
    expect(body.encoded('gzip')).toBe(gzip);
    expect(body.encoded('br')).toBe(br);
    expect(gunzipSync(gzip).toString('utf8')).toBe(text);
    expect(brotliDecompressSync(br).toString('utf8')).toBe(text);
    expect(br.length).toBeLessThan(text.length / 4);
  });
});
