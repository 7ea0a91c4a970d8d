import type { ImageRef } from '../../../shared/content.schema';

/** The picture shown full-screen, if any. While it is open the idle timer stands still. */
export class ZoomState {
  image = $state.raw<ImageRef | null>(null);

  constructor(private readonly idle: { pause(reason: string): void; resume(reason: string): void }) {}

  open(image: ImageRef): void {
    this.image = image;
    this.idle.pause('zoom');
  }

  close(): void {
    if (!this.image) return;
    this.image = null;
    this.idle.resume('zoom');
  }
}
