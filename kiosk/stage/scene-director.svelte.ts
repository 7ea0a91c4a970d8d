import { untrack } from 'svelte';
import { rotate, sceneToShow, type RotationAction, type RotationState, type SceneStatus } from '../lib/stage/rotation';
import type { SceneDefinition } from './scenes/scene';
import type { StageModel } from './stage-model.svelte';
import { stageSession } from './stage-session';

/** A scene that failed gets another chance after this long (the data that broke it may have changed). */
export const FAILED_RETRY_MS = 5 * 60_000;

export interface SceneDirectorOptions {
  sceneSeconds: () => number;
  reload?: () => void;
}

/**
 * Decides which scene the stage shows, with the pure rules of lib/stage/rotation.ts: a timer moves
 * the rotation on, operators pin or skip, a takeover (announcement) interrupts, a scene that fails
 * to render is skipped. When the server runs a newer build, the page reloads at a scene change —
 * between scenes, never in the middle of one — and only while the server is reachable.
 */
export class SceneDirector {
  #rotation = $state<RotationState>({ position: null, pinned: stageSession.pinned() });
  #failed = $state.raw<ReadonlySet<string>>(new Set());
  /** Counts timer rounds, so the timer restarts even when the rotation stays on the same scene. */
  #round = $state(0);
  #retryTimers = new Set<ReturnType<typeof setTimeout>>();

  // (`$derived.by`: the constructor's parameters are only read when first needed, after construction.)
  readonly statuses: SceneStatus[] = $derived.by(() =>
    this.scenes.map((scene) => ({
      id: scene.id,
      mode: scene.mode,
      available: scene.isAvailable(this.stage),
      failed: this.#failed.has(scene.id),
      empty: scene.isEmpty?.(this.stage) ?? false,
    })),
  );
  readonly shown: string | null = $derived(sceneToShow(this.statuses, this.#rotation));
  readonly scene: SceneDefinition | null = $derived.by(() => this.scenes.find((scene) => scene.id === this.shown) ?? null);
  /** The shown scene is there because an operator pinned it. */
  readonly pinned = $derived(this.shown !== null && this.shown === this.#rotation.pinned && this.scene?.mode === 'rotate');
  /** The timer is moving on: what the progress bar shows. */
  readonly rotating = $derived(this.scene?.mode === 'rotate' && !this.pinned);
  /** Restarts with every scene and every round, for the progress bar. */
  readonly roundKey = $derived(`${this.shown}:${this.#round}`);

  constructor(
    readonly scenes: readonly SceneDefinition[],
    private readonly stage: StageModel,
    private readonly options: SceneDirectorOptions,
  ) {
    $effect(() => {
      const scene = this.scene;
      const seconds = options.sceneSeconds();
      void this.#round;
      // A takeover lasts as long as its content (the announcement's expiry), not a timer.
      if (!scene || scene.mode === 'takeover') return;
      const timer = setTimeout(() => this.#tick(), seconds * 1_000);
      return () => clearTimeout(timer);
    });
    $effect(() => () => {
      for (const timer of this.#retryTimers) clearTimeout(timer);
    });
  }

  get seconds(): number {
    return this.options.sceneSeconds();
  }

  /** The operator's `next-scene`. */
  next(): void {
    this.#apply({ type: 'next' });
  }

  /** The operator's `pin-scene` (`null` resumes the rotation). Kept across the stage's own reloads. */
  pin(scene: string | null): void {
    stageSession.setPinned(scene);
    this.#apply({ type: 'pin', scene });
  }

  /** A scene threw while rendering: skip it for a while and log why (a wall screen has no one to tell). */
  fail(sceneId: string, error: unknown): void {
    console.warn(`stage: the "${sceneId}" scene failed to render and is skipped for now`, error);
    untrack(() => {
      if (this.#failed.has(sceneId)) return;
      this.#failed = new Set([...this.#failed, sceneId]);
    });
    const timer = setTimeout(() => {
      this.#retryTimers.delete(timer);
      this.#failed = new Set([...this.#failed].filter((id) => id !== sceneId));
    }, FAILED_RETRY_MS);
    this.#retryTimers.add(timer);
  }

  #tick(): void {
    if (this.#shouldReload()) {
      stageSession.setReloadedFor(this.stage.live.serverVersion ?? '');
      (this.options.reload ?? (() => location.reload()))();
      return;
    }
    this.#apply({ type: 'tick' });
    this.#round++;
  }

  #apply(action: RotationAction): void {
    untrack(() => {
      this.#rotation = rotate(this.#rotation, action, this.statuses);
    });
  }

  #shouldReload(): boolean {
    const { live } = this.stage;
    // Offline, a reload would show the browser's error page instead of the last figures. And once
    // reloaded for a version, never again for it: if the server's pages still differ from ours (a
    // half-finished deploy), reloading every scene would only blank the screen every 20 s.
    return live.outdated && live.status === 'online' && stageSession.reloadedFor() !== live.serverVersion;
  }
}
