/**
 * Reads badges with the camera. Loaded only when a door is set to scan badges (a dynamic import
 * from door.svelte.ts), so the decoder never weighs on the door's first load.
 *
 * ZXing (@zxing/browser over @zxing/library): pure JavaScript, so it works in every browser and
 * without a network (the BarcodeDetector API is missing from desktop Chromium on Linux and
 * Windows, and its wasm polyfills fetch their decoder from a CDN by default). The formats are
 * those printed on event badges: QR and Data Matrix, PDF417 and Aztec, Code 128 and Code 39.
 */
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, DecodeHintType } from '@zxing/library';

const BADGE_FORMATS = [BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.PDF_417, BarcodeFormat.AZTEC, BarcodeFormat.CODE_128, BarcodeFormat.CODE_39];

function badgeReader(): BrowserMultiFormatReader {
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, BADGE_FORMATS]]);
  // A few readings a second are plenty for a badge held up to the camera, and keep a phone cool.
  return new BrowserMultiFormatReader(hints, { delayBetweenScanAttempts: 200, delayBetweenScanSuccess: 300 });
}

export interface BadgeScanner {
  stop(): void;
}

/**
 * Shows the back camera in `video` and calls `onCode` with the text of every badge read (the same
 * badge many times while it is held up: the caller decides what a reading means). Rejects when
 * there is no camera or the staff refused it.
 */
export async function startBadgeScanner(video: HTMLVideoElement, onCode: (code: string) => void): Promise<BadgeScanner> {
  const controls = await badgeReader().decodeFromConstraints({ audio: false, video: { facingMode: 'environment' } }, video, (result) => {
    const text = result?.getText();
    if (text) onCode(text);
  });
  return { stop: () => controls.stop() };
}

/** The text of the badge in a still picture (an image URL), with the same decoder and formats as the camera. */
export async function decodeBadgeImage(url: string): Promise<string> {
  return (await badgeReader().decodeFromImageUrl(url)).getText();
}
