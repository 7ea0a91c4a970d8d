import { describe, expect, it } from 'vitest';
import { fontSlices, parseUnicodeRange, slicesFor } from '../../kiosk/build/font-slices';

const CSS = `
/* noto-sans-sc-[4]-400-normal */
@font-face {
  font-family: 'Noto Sans SC';
  font-weight: 400;
  src: url(./files/noto-sans-sc-4-400-normal.woff2) format('woff2'), url(./files/noto-sans-sc-4-400-normal.woff) format('woff');
  unicode-range: U+4e00-4e0f,U+6211;
}
@font-face {
  font-family: 'Noto Sans SC';
  font-weight: 700;
  src: url(./files/noto-sans-sc-latin-700-normal.woff2) format('woff2');
  unicode-range: U+0000-00FF,U+2000-206F;
}
@font-face {
  font-family: 'Noto Sans SC';
  src: url(./files/noto-sans-sc-9-400-normal.woff2) format('woff2');
  unicode-range: U+4??;
}
`;

describe('the bundled face slices the kiosk precaches', () => {
  it('reads ranges, single points and wildcards of a unicode-range', () => {
    expect(parseUnicodeRange('U+4e00-4e0f, U+6211,U+4??')).toEqual([
      [0x4e00, 0x4e0f],
      [0x6211, 0x6211],
      [0x400, 0x4ff],
    ]);
  });

  it('reads each @font-face of a stylesheet as its WOFF2 file, weight and ranges', () => {
    const slices = fontSlices(CSS);
    expect(slices.map((slice) => [slice.file, slice.weight])).toEqual([
      ['noto-sans-sc-4-400-normal.woff2', '400'],
      ['noto-sans-sc-latin-700-normal.woff2', '700'],
      ['noto-sans-sc-9-400-normal.woff2', '400'],
    ]);
    expect(slices[0]!.ranges).toEqual([
      [0x4e00, 0x4e0f],
      [0x6211, 0x6211],
    ]);
  });

  it('picks only the slices that hold a character of the text', () => {
    const text = new Set([...'我A'].map((char) => char.codePointAt(0)!));
    expect(slicesFor(fontSlices(CSS), text).map((slice) => slice.file)).toEqual(['noto-sans-sc-4-400-normal.woff2', 'noto-sans-sc-latin-700-normal.woff2']);
    expect(slicesFor(fontSlices(CSS), new Set([0x9fa5]))).toEqual([]);
  });
});
