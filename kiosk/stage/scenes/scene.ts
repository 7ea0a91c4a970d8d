import type { Component } from 'svelte';
import type { LocalizedText } from '../../lib/i18n';
import type { SceneMode } from '../../lib/stage/rotation';
import type { StageModel } from '../stage-model.svelte';

export interface SceneProps {
  stage: StageModel;
}

/**
 * One scene of the stage display. Adding a scene is one more entry in `SCENES` (registry.ts): the
 * director rotates it, operators can pin it by `id`, and a failure while rendering skips it.
 */
export interface SceneDefinition {
  /** The slug operators use to pin it (`pin-scene`), and what heartbeats report. */
  id: string;
  title: LocalizedText;
  /** `rotate`: takes its turn on the timer. `takeover`: holds the whole screen while available. */
  mode: SceneMode;
  component: Component<SceneProps>;
  /** Whether it can render now; read reactively, so keep it cheap. */
  isAvailable(stage: StageModel): boolean;
  /**
   * Whether it has nothing worth a turn (no meetings yet, no roadshow set up): the rotation skips
   * it, but an operator who pins it still gets it (with its own "nothing yet" message).
   */
  isEmpty?(stage: StageModel): boolean;
}
