import type { Component } from 'svelte';
import type { LocalizedText } from '../../lib/i18n';
import type { SceneMode } from '../../lib/stage-rotation';
import type { StageModel } from '../stage-model.svelte';

export interface SceneProps {
  stage: StageModel;
}

/**
 * One scene of the stage display. Adding a scene (the matchmaking wall, the roadshow
 * leaderboard) is one more entry in `SCENES` (registry.ts): the director rotates it, operators can
 * pin it by `id`, and a failure while rendering skips it.
 */
export interface SceneDefinition {
  /** The slug operators use to pin it (`pin-scene`), and what heartbeats report. */
  id: string;
  title: LocalizedText;
  /** `rotate`: takes its turn on the timer. `takeover`: holds the whole screen while available. */
  mode: SceneMode;
  component: Component<SceneProps>;
  /** Whether it has something to show now; read reactively, so keep it cheap. */
  isAvailable(stage: StageModel): boolean;
}
