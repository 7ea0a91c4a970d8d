import { encode } from 'uqr';
import type { Locale } from '../i18n';

/**
 * The page of an item on a visitor's phone. Always the server's public address, never this kiosk's
 * origin. With `locale`, the phone opens in the language the visitor was reading on the kiosk
 * (`?lang=en` / `?lang=zh`: short, so the QR code stays coarse and easy to scan).
 */
export function phoneItemUrl(publicUrl: string, itemId: string, locale?: Locale): string {
  const url = `${publicUrl.replace(/\/+$/, '')}/m/item/${encodeURIComponent(itemId)}`;
  return locale ? `${url}?lang=${locale === 'en' ? 'en' : 'zh'}` : url;
}

/**
 * A QR code as one SVG path (runs of dark modules merged into rectangles), generated here in the
 * page: no external service sees what visitors look at. Error correction M survives the glare
 * and fingerprints of a touchscreen.
 */
export function qrPath(text: string): { size: number; path: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  let path = '';
  for (let y = 0; y < size; y++) {
    const row = data[y]!;
    for (let x = 0; x < size; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && row[x + run]) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return { size, path };
}
