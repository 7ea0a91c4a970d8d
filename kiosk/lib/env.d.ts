/// <reference types="svelte" />
/// <reference types="vite/client" />

/** `<package version>+<source hash>`, set by vite.config.ts; the same value the build writes to version.json. */
declare const __APP_VERSION__: string;
