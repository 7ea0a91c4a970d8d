/** Image formats accepted for upload, recognised by their first bytes (never by name or header). */
export type UploadableImage = 'png' | 'jpeg' | 'webp';

const startsWith = (buffer: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buffer[offset + i] === b);

/** The format of an uploaded file from its magic bytes, or undefined (SVG, HTML, anything else). */
export function sniffImageType(buffer: Buffer): UploadableImage | undefined {
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buffer, [0x52, 0x49, 0x46, 0x46]) && startsWith(buffer, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return undefined;
}
