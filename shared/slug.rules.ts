// What an id in a URL looks like (sections, items, criteria, scenes), zod-free: SlugSchema checks
// it on the server, the console's id inputs use it as their `pattern`.

/** A lowercase slug: a-z, 0-9 and dashes, at most 64 characters, not starting with a dash. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
