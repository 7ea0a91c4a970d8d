/**
 * What a stage display keeps across its own reloads (sessionStorage survives `location.reload()`,
 * not a power cycle): the scene an operator pinned, and the server version it last reloaded for.
 */
const PIN_KEY = 'showfloor.stage.pinned';
const RELOADED_FOR_KEY = 'showfloor.stage.reloadedFor';

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode, quota): the screen works without it.
  }
}

export const stageSession = {
  pinned: () => read(PIN_KEY),
  setPinned: (scene: string | null) => write(PIN_KEY, scene),
  reloadedFor: () => read(RELOADED_FOR_KEY),
  setReloadedFor: (version: string) => write(RELOADED_FOR_KEY, version),
};
