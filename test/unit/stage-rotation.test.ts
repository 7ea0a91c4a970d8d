import { describe, expect, it } from 'vitest';
import { isRotating, nextRotating, rotate, sceneToShow, type RotationState, type SceneStatus } from '../../kiosk/lib/stage/rotation';

const scene = (id: string, over: Partial<SceneStatus> = {}): SceneStatus => ({ id, mode: 'rotate', available: true, failed: false, ...over });
const announcement = (available: boolean) => scene('announcement', { mode: 'takeover', available });
const scenes = (...extra: SceneStatus[]) => [scene('overview'), scene('visitors'), scene('roadshow'), ...extra];
const at = (position: string | null, pinned: string | null = null): RotationState => ({ position, pinned });

describe('scene rotation', () => {
  it('starts with the first scene and moves through the others in order, wrapping around', () => {
    const list = scenes(announcement(false));
    let state = at(null);
    const shown: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      shown.push(sceneToShow(list, state));
      state = rotate(state, { type: 'tick' }, list);
    }
    expect(shown).toEqual(['overview', 'visitors', 'roadshow', 'overview']);
  });

  it('skips a scene that failed or has nothing to show', () => {
    const list = [scene('overview'), scene('visitors', { failed: true }), scene('roadshow', { available: false }), scene('matchmaking')];
    expect(nextRotating(list, 'overview')).toBe('matchmaking');
    expect(nextRotating(list, 'matchmaking')).toBe('overview');
  });

  it('moves away from the scene on screen when it fails', () => {
    const list = [scene('overview'), scene('visitors', { failed: true })];
    expect(sceneToShow(list, at('visitors'))).toBe('overview');
  });

  it('stays on the only usable scene, and shows nothing when none is usable', () => {
    expect(nextRotating([scene('overview'), scene('visitors', { failed: true })], 'overview')).toBe('overview');
    expect(sceneToShow([scene('overview', { available: false })], at(null))).toBeNull();
  });

  it('lets an available takeover hold the screen over the rotation and over a pin', () => {
    const list = scenes(announcement(true));
    expect(sceneToShow(list, at('visitors'))).toBe('announcement');
    expect(sceneToShow(list, at('visitors', 'roadshow'))).toBe('announcement');
    expect(isRotating(list, at('visitors'))).toBe(false);
    // The rotation does not move on underneath, and resumes where it was.
    const after = rotate(at('visitors'), { type: 'tick' }, list);
    expect(after).toEqual(at('visitors'));
    expect(sceneToShow(scenes(announcement(false)), after)).toBe('visitors');
  });

  it('keeps a pinned scene through ticks, and resumes from it when unpinned', () => {
    const list = scenes();
    let state = rotate(at('overview'), { type: 'pin', scene: 'roadshow' }, list);
    expect(sceneToShow(list, state)).toBe('roadshow');
    state = rotate(state, { type: 'tick' }, list);
    state = rotate(state, { type: 'tick' }, list);
    expect(sceneToShow(list, state)).toBe('roadshow');
    state = rotate(state, { type: 'pin', scene: null }, list);
    expect(state).toEqual(at('roadshow'));
    expect(sceneToShow(list, rotate(state, { type: 'tick' }, list))).toBe('overview');
  });

  it('ignores a pin naming a scene it does not have (yet keeps it), and rotates meanwhile', () => {
    const list = scenes();
    const state = rotate(at('overview'), { type: 'pin', scene: 'results-reveal' }, list);
    expect(state.pinned).toBe('results-reveal');
    expect(sceneToShow(list, state)).toBe('overview');
    expect(sceneToShow(list, rotate(state, { type: 'tick' }, list))).toBe('visitors');
  });

  it('goes to the next scene on request, ending a pin', () => {
    const list = scenes();
    expect(rotate(at('overview'), { type: 'next' }, list)).toEqual(at('visitors'));
    expect(rotate(at('overview', 'roadshow'), { type: 'next' }, list)).toEqual(at('overview'));
  });

  it('passes by an empty scene in the rotation, but shows it when pinned', () => {
    const list = [scene('overview'), scene('matchmaking', { empty: true }), scene('visitors')];
    expect(nextRotating(list, 'overview')).toBe('visitors');
    expect(sceneToShow(list, at('matchmaking'))).toBe('visitors');
    const pinned = rotate(at('overview'), { type: 'pin', scene: 'matchmaking' }, list);
    expect(sceneToShow(list, pinned)).toBe('matchmaking');
    expect(isRotating(list, pinned)).toBe(false);
    // Unpinned, the rotation moves on from it.
    expect(sceneToShow(list, rotate(pinned, { type: 'pin', scene: null }, list))).toBe('visitors');
    expect(rotate(pinned, { type: 'next' }, list)).toEqual(at('visitors'));
  });
});

