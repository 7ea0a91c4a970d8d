/**
 * Deltas between two versions of a JSON value (the live counters), as paths and their latest
 * values. Zod-free, no Node, no DOM: the server computes them and every page applies them with
 * the same rule.
 *
 * A path is the list of keys from the root (array indexes as strings). A change is
 * `[path, value]` (the path now holds `value`) or `[path]` (the path no longer exists). Objects are
 * compared key by key; arrays index by index, except one that got shorter, which is replaced
 * whole (a day reset empties the visitor buckets).
 */
export type JsonPath = string[];
export type DeltaChange = [path: JsonPath, value: unknown] | [path: JsonPath];

/** A set of paths, keyed by their JSON text (keys may contain any character). */
export type PathSet = Map<string, JsonPath>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds to `into` every path whose value differs between `prev` and `next`. Unchanged subtrees
 * that are the same object are skipped at once, so a diff of a mostly shared state is cheap.
 */
export function collectChangedPaths(prev: unknown, next: unknown, into: PathSet, path: string[] = []): void {
  if (prev === next) return;
  if (isObject(prev) && isObject(next)) {
    for (const key of Object.keys(next)) collectChangedPaths(prev[key], next[key], into, [...path, key]);
    for (const key of Object.keys(prev)) if (!(key in next)) addPath(into, [...path, key]);
    return;
  }
  if (Array.isArray(prev) && Array.isArray(next) && next.length >= prev.length) {
    for (let i = 0; i < next.length; i++) collectChangedPaths(prev[i], next[i], into, [...path, String(i)]);
    return;
  }
  addPath(into, path);
}

function addPath(into: PathSet, path: JsonPath): void {
  into.set(JSON.stringify(path), path);
}

function valueAt(root: unknown, path: JsonPath): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const key of path) {
    if (isObject(node) || Array.isArray(node)) {
      if (!(key in node)) return { found: false, value: undefined };
      node = (node as Record<string, unknown>)[key];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: node };
}

/**
 * The changes that bring any earlier version to `current` for the given paths: each path with its
 * latest value (or removed). Shorter paths come first, so a replaced parent never overwrites a
 * child set after it.
 */
export function deltaFor(current: unknown, paths: Iterable<JsonPath>): DeltaChange[] {
  const sorted = [...paths].sort((a, b) => a.length - b.length);
  return sorted.map((path): DeltaChange => {
    const { found, value } = valueAt(current, path);
    return found ? [path, value] : [path];
  });
}

/** The paths changed between two versions, as the changes that turn `prev` into `next`. */
export function diff(prev: unknown, next: unknown): DeltaChange[] {
  const paths: PathSet = new Map();
  collectChangedPaths(prev, next, paths);
  return deltaFor(next, paths.values());
}

/**
 * Applies changes without mutating `value`: only the containers on a changed path are copied, so
 * everything else keeps its reference (what reads it does not re-render). A value set under a
 * parent that does not exist creates it as an object; a removal under a missing parent does nothing.
 */
export function applyDelta<T>(value: T, changes: readonly DeltaChange[]): T {
  let root: unknown = value;
  for (const change of changes) root = applyOne(root, change[0], 0, change.length === 2, change[1]);
  return root as T;
}

function applyOne(node: unknown, path: JsonPath, depth: number, set: boolean, value: unknown): unknown {
  if (depth === path.length) return set ? value : undefined;
  const key = path[depth]!;
  const container = Array.isArray(node) ? [...(node as unknown[])] : isObject(node) ? { ...node } : set ? {} : node;
  if (container === node) return node;
  const record = container as Record<string, unknown>;
  if (depth === path.length - 1 && !set) {
    if (Array.isArray(record)) (record as unknown[]).splice(Number(key), 1);
    else delete record[key];
    return record;
  }
  if (!set && !(key in record)) return node;
  record[key] = applyOne(record[key], path, depth + 1, set, value);
  return record;
}

/** A cheap check that a value received over the socket is a list of changes. */
export function looksLikeDelta(value: unknown): value is DeltaChange[] {
  return (
    Array.isArray(value) &&
    value.every(
      (change) =>
        Array.isArray(change) &&
        (change.length === 1 || change.length === 2) &&
        Array.isArray(change[0]) &&
        (change[0] as unknown[]).every((key) => typeof key === 'string' && key !== '__proto__'),
    )
  );
}
