import type { ApiResult } from './api';
import { latestOnly } from './latest-only';

/**
 * A view the console loads whole from one GET and reloads on every live change. A failed reload
 * keeps the last good view: the error shows only while there is nothing else to show.
 */
export class ServerView<T> {
  view = $state.raw<T | null>(null);
  loadError = $state<string | null>(null);

  readonly #get: () => Promise<ApiResult<T> | null>;

  constructor(get: () => Promise<ApiResult<T>>) {
    this.#get = latestOnly(get);
  }

  async load(): Promise<void> {
    const result = await this.#get();
    if (!result) return;
    if (result.ok) {
      this.view = result.data;
      this.loadError = null;
    } else if (!this.view) {
      this.loadError = result.error.message;
    }
  }
}
