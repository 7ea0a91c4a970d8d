/**
 * Which scene a stage display shows, as pure rules (the stage's scene director applies them with
 * its timers; tests drive them directly).
 *
 * Scenes come in two modes: `rotate` scenes take turns on a timer; a `takeover` scene (a
 * full-screen announcement) shows as soon as it is available and until it is not, whatever the
 * rotation or a pin says. An operator may pin one scene, which then stays until unpinned.
 *
 * A rotating scene may be available (it can render) yet empty (no meetings recorded, no roadshow
 * set up): the rotation skips it rather than show an empty wall, but an operator who pins it gets it.
 */

export type SceneMode = 'rotate' | 'takeover';

/** What the rules need to know about one scene, in registry order. */
export interface SceneStatus {
  id: string;
  mode: SceneMode;
  /** It has something to show (e.g. an active announcement, or the first snapshot for charts). */
  available: boolean;
  /** It threw while rendering recently; it is skipped until it is given another chance. */
  failed: boolean;
  /** It has nothing worth a turn yet: the rotation passes it by; a pin still shows it. */
  empty?: boolean;
}

export interface RotationState {
  /** The rotating scene the timer is at (kept while a takeover or a pin hides it, to resume there). */
  position: string | null;
  /** The scene an operator pinned; null when rotating. */
  pinned: string | null;
}

export type RotationAction =
  /** The current scene's time is up. */
  | { type: 'tick' }
  /** An operator asked for the next scene (this also ends a pin: they asked to move on). */
  | { type: 'next' }
  /** An operator pinned a scene, or unpinned with `null`. */
  | { type: 'pin'; scene: string | null };

const usable = (scene: SceneStatus | undefined): scene is SceneStatus => !!scene && scene.available && !scene.failed;
/** Usable, and worth its turn in the rotation. */
const inRotation = (scene: SceneStatus | undefined): scene is SceneStatus => usable(scene) && scene.mode === 'rotate' && !scene.empty;

/**
 * The rotating scene after `from` in registry order, wrapping around; `from` itself when it is the
 * only usable one; null when no rotating scene is usable. An unknown or null `from` starts at the
 * first. Empty scenes are passed by.
 */
export function nextRotating(scenes: readonly SceneStatus[], from: string | null): string | null {
  const rotating = scenes.filter((scene) => scene.mode === 'rotate');
  const start = rotating.findIndex((scene) => scene.id === from);
  for (let step = 1; step <= rotating.length; step++) {
    const candidate = rotating[(start + step) % rotating.length];
    if (inRotation(candidate)) return candidate.id;
  }
  return null;
}

/** The scene to show now: a takeover, else the pinned scene, else the rotation's. */
export function sceneToShow(scenes: readonly SceneStatus[], state: RotationState): string | null {
  const takeover = scenes.find((scene) => scene.mode === 'takeover' && usable(scene));
  if (takeover) return takeover.id;
  // A pin naming a scene this build does not have (or one with nothing to show) is not obeyed,
  // but kept: the scene may become available (an announcement) and the operator meant it.
  const pinned = scenes.find((scene) => scene.id === state.pinned);
  if (usable(pinned)) return pinned.id;
  const here = scenes.find((scene) => scene.id === state.position);
  if (inRotation(here)) return here.id;
  return nextRotating(scenes, state.position);
}

/** Whether the timer should be moving the rotation on (not while a takeover or a pin holds the screen). */
export function isRotating(scenes: readonly SceneStatus[], state: RotationState): boolean {
  const shown = sceneToShow(scenes, state);
  if (shown === null) return false;
  return shown !== state.pinned && scenes.find((scene) => scene.id === shown)?.mode === 'rotate';
}

export function rotate(state: RotationState, action: RotationAction, scenes: readonly SceneStatus[]): RotationState {
  switch (action.type) {
    case 'tick': {
      if (!isRotating(scenes, state)) return state;
      return { ...state, position: nextRotating(scenes, sceneToShow(scenes, state)) };
    }
    case 'next': {
      const shown = sceneToShow(scenes, state);
      const from = scenes.find((scene) => scene.id === shown)?.mode === 'rotate' ? shown : state.position;
      return { pinned: null, position: nextRotating(scenes, from) };
    }
    case 'pin': {
      // Unpinning resumes the rotation at the pinned scene if it rotates, so the screen does not jump.
      if (action.scene === null) {
        const wasShown = scenes.find((scene) => scene.id === state.pinned);
        return { pinned: null, position: usable(wasShown) && wasShown.mode === 'rotate' ? wasShown.id : state.position };
      }
      return { ...state, pinned: action.scene };
    }
  }
}
