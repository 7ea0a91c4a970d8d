import type { DeviceCommand } from '../../shared/devices.schema';

/** The operator commands the stage itself obeys (reload and identify are the device module's). */
export type StageCommand = Extract<DeviceCommand, { type: 'pin-scene' | 'next-scene' }>;

/**
 * The meeting point between the device client (started before the app, because the live socket
 * needs its token) and the app's scene director (created inside the app): commands go in one way,
 * the current view goes out the other for heartbeats.
 */
export class StageRemote {
  /** What the screen shows, as the console lists it ("scene:overview", "scene:visitors (pinned)"). */
  view = 'scene:starting';
  #listener: ((command: StageCommand) => void) | null = null;
  #early: StageCommand[] = [];

  /** For the device client's `onCommand`. */
  receive(command: DeviceCommand): void {
    // `set-locale` does not apply: a stage shows both languages at once.
    if (command.type !== 'pin-scene' && command.type !== 'next-scene') return;
    if (this.#listener) this.#listener(command);
    else this.#early.push(command);
  }

  /** Commands go to `listener` (also any that came before it); returns the unsubscribe. */
  listen(listener: (command: StageCommand) => void): () => void {
    this.#listener = listener;
    for (const command of this.#early.splice(0)) listener(command);
    return () => {
      if (this.#listener === listener) this.#listener = null;
    };
  }
}
