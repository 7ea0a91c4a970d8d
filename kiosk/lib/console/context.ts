import { getContext, setContext } from 'svelte';
import type { ConsoleApp } from './console-app.svelte';

const KEY = Symbol('showfloor.console');

/** Makes the app's stores available to every component below (called once, in the root). */
export function provideConsole(app: ConsoleApp): void {
  setContext(KEY, app);
}

/** The app's stores, in any console component. */
export function useConsole(): ConsoleApp {
  const app = getContext<ConsoleApp | undefined>(KEY);
  if (!app) throw new Error('useConsole() outside the console app');
  return app;
}
