import type { DeviceCommand, ScreenState } from '../../shared/devices.schema';

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
  /** The same in parts, for the console's live mirror. */
  state: ScreenState = { app: 'stage', view: 'scene', scene: null, pinned: false, announcement: null };
  /** Called when `state` changed (the device client reports it at once). */
  onChange: () => void = () => {};
  #listener: ((command: StageCommand) => void) | null = null;
  #early: StageCommand[] = [];

  /** The app sets what it shows; a change is reported. */
  show(state: Omit<ScreenState, 'app' | 'view'>): void {
    const next: ScreenState = { app: 'stage', view: 'scene', ...state };
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    this.onChange();
  }

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
