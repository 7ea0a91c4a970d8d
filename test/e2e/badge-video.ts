import { writeFileSync } from 'node:fs';
import { encode } from 'uqr';

/**
 * A camera picture for Chromium's fake capture device (`--use-file-for-fake-video-capture`): a
 * Y4M file (raw YUV 4:2:0 frames, the simplest format Chromium plays) in which a badge's QR code
 * is held up for `showSeconds`, then taken away for `awaySeconds`; Chromium loops the file, so the
 * badge keeps coming back, as when a visitor shows it a second time.
 */
export function writeBadgeVideo(file: string, code: string, { showSeconds = 3, awaySeconds = 5, fps = 5 } = {}): void {
  const width = 320;
  const height = 240;
  const { data, size } = encode(code, { ecc: 'M', border: 4 });
  const scale = Math.floor(Math.min(width, height) / size);
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = (withBadge: boolean) => {
    const plane = Buffer.alloc(width * height, 235); // white paper, or an empty scene
    if (!withBadge) return plane;
    for (let y = 0; y < size * scale; y++) {
      for (let x = 0; x < size * scale; x++) if (data[Math.floor(y / scale)]![Math.floor(x / scale)]) plane[(top + y) * width + left + x] = 16;
    }
    return plane;
  };
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128); // no colour: U and V planes at their middle
  const frame = (withBadge: boolean) => Buffer.concat([Buffer.from('FRAME\n'), luma(withBadge), chroma]);
  const shown = frame(true);
  const away = frame(false);
  const frames = [...Array<Buffer>(Math.round(showSeconds * fps)).fill(shown), ...Array<Buffer>(Math.round(awaySeconds * fps)).fill(away)];
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`), ...frames]));
}
