import type { ScreenState } from '../../../shared/devices.schema';
import { LiveState } from '../../lib/live.svelte';
import type { MirrorMessage, MirrorScreen } from '../../lib/mirror/mirror-protocol';

/**
 * What the console posted to this mirror: the public live state (in the same LiveState class the
 * screens read) and the screen's reported state. The screen's own app renders from it.
 */
export class MirrorFeed {
  readonly live = new LiveState();
  screen = $state.raw<MirrorScreen | null>(null);
  readonly state: ScreenState | null = $derived(this.screen?.state ?? null);

  receive(message: MirrorMessage): void {
    if (message.type === 'mirror:screen') {
      this.screen = message.screen;
      this.live.status = message.screen.state?.offline ? 'offline' : 'online';
    } else if (message.type === 'mirror:live') {
      // Each part is replaced wholesale, as a snapshot or a patch replaces it on a screen (the setters are LiveState's own).
      Object.assign(this.live, message.live);
    }
  }
}
