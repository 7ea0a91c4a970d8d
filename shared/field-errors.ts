// How a schema failure names its fields, zod-free (it reads the issues, it builds none): the server
// answers with this map, and the console shows the same map for the same schema before it sends.

/** What a failed parse lists: a zod error's `issues` fit. */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** `{ "item.title.en": "must not be empty" }`: the first message per failing field (`_` for the whole value). */
export function issueFields(issues: readonly SchemaIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
