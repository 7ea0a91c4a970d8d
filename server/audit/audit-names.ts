import type { AuditEntry } from '../../shared/audit.schema';
import { audienceWords } from '../../shared/audit.vocabulary';
import type { LocalizedText } from '../../shared/i18n';

/** Where names come from: the current records (a deleted one falls back to what the entry kept). */
export interface AuditNameSources {
  deviceName(id: string): string | undefined;
  groupName(id: string): string | undefined;
  itemTitle(id: string): LocalizedText | undefined;
  sectionTitle(id: string): LocalizedText | undefined;
  userName(id: string): string | undefined;
}

/** Name sources over the services that hold the records: the screens and accounts are read once per page of entries. */
export function auditNameSources(from: {
  devices: { list(): Promise<{ id: string; name: string }[]> };
  groups: { find(id: string): { name: string } | undefined };
  content: { all(): { items: { id: string; title: LocalizedText }[]; sections: { id: string; title: LocalizedText }[] } };
  users: { list(): Promise<{ id: string; username: string }[]> };
}): () => Promise<AuditNameSources> {
  return async () => {
    const deviceNames = new Map((await from.devices.list()).map((d) => [d.id, d.name]));
    const userNames = new Map((await from.users.list()).map((u) => [u.id, u.username]));
    return {
      deviceName: (id) => deviceNames.get(id),
      groupName: (id) => from.groups.find(id)?.name,
      itemTitle: (id) => from.content.all().items.find((i) => i.id === id)?.title,
      sectionTitle: (id) => from.content.all().sections.find((s) => s.id === id)?.title,
      userName: (id) => userNames.get(id),
    };
  };
}

/** An audit entry with its target in words, for people (the stored entry keeps ids). */
export type NamedAuditEntry = AuditEntry & { targetName: LocalizedText | null };

const same = (text: string): LocalizedText => ({ 'zh-CN': text, en: text });
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const isText = (value: unknown): value is LocalizedText => typeof record(value)['zh-CN'] === 'string' && typeof record(value).en === 'string';
const textOf = (value: unknown): LocalizedText | undefined => (isText(value) ? value : typeof value === 'string' ? same(value) : undefined);

/**
 * Names the target of each entry: a screen's or group's name, an item's title, an account's
 * user name, an announcement's text and who it was for ("“Hall A, attention” → group “Hall A
 * kiosks”"). Names are looked up now, so a renamed screen shows its current name; a deleted
 * target keeps the name its entry recorded.
 */
export class AuditNames {
  constructor(private readonly sources: () => Promise<AuditNameSources>) {}

  async name(entries: readonly AuditEntry[]): Promise<NamedAuditEntry[]> {
    const sources = await this.sources();
    return entries.map((entry) => ({ ...entry, targetName: targetName(sources, entry) }));
  }
}

function targetName(sources: AuditNameSources, entry: AuditEntry): LocalizedText | null {
  const id = entry.targetId;
  const kept = { ...record(entry.before), ...record(entry.after) };
  switch (entry.targetType) {
    case 'device': {
      const name = (id && sources.deviceName(id)) ?? (typeof kept.name === 'string' ? kept.name : undefined);
      return name ? same(name) : null;
    }
    case 'group': {
      const name = (id && sources.groupName(id)) ?? (typeof kept.name === 'string' ? kept.name : undefined);
      return name ? same(name) : null;
    }
    case 'item':
      return (id && sources.itemTitle(id)) || textOf(kept.title) || null;
    case 'section':
      return (id && sources.sectionTitle(id)) || textOf(kept.title) || null;
    case 'user': {
      const name = (id && sources.userName(id)) ?? (typeof kept.username === 'string' ? kept.username : undefined);
      return name ? same(name) : null;
    }
    case 'announcement': {
      const text = textOf(kept.text);
      if (!text) return null;
      const target = typeof kept.target === 'string' ? kept.target : 'all';
      const ref = target === 'group' ? kept.groupId : target === 'device' ? kept.deviceId : null;
      const refName = typeof ref === 'string' ? ((target === 'group' ? sources.groupName(ref) : sources.deviceName(ref)) ?? ref) : null;
      const audience = audienceWords(target, refName);
      return { 'zh-CN': `“${text['zh-CN']}” → ${audience['zh-CN']}`, en: `“${text.en}” → ${audience.en}` };
    }
    case 'organisation':
    case 'partner':
    case 'project':
      return textOf(kept.name) ?? null;
    case 'counters':
      return id ? same(id) : null;
    default:
      return null;
  }
}
