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

/** Name sources over the services that hold the records. */
export function auditNameSources(from: {
  devices: { list(): { id: string; name: string }[] };
  groups: { find(id: string): { name: string } | undefined };
  content: { all(): { items: { id: string; title: LocalizedText }[]; sections: { id: string; title: LocalizedText }[] } };
  users: { list(): { id: string; username: string }[] };
}): AuditNameSources {
  return {
    deviceName: (id) => from.devices.list().find((d) => d.id === id)?.name,
    groupName: (id) => from.groups.find(id)?.name,
    itemTitle: (id) => from.content.all().items.find((i) => i.id === id)?.title,
    sectionTitle: (id) => from.content.all().sections.find((s) => s.id === id)?.title,
    userName: (id) => from.users.list().find((u) => u.id === id)?.username,
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
  constructor(private readonly sources: AuditNameSources) {}

  name(entries: readonly AuditEntry[]): NamedAuditEntry[] {
    return entries.map((entry) => ({ ...entry, targetName: this.targetName(entry) }));
  }

  private targetName(entry: AuditEntry): LocalizedText | null {
    const id = entry.targetId;
    const kept = { ...record(entry.before), ...record(entry.after) };
    switch (entry.targetType) {
      case 'device': {
        const name = (id && this.sources.deviceName(id)) ?? (typeof kept.name === 'string' ? kept.name : undefined);
        return name ? same(name) : null;
      }
      case 'group': {
        const name = (id && this.sources.groupName(id)) ?? (typeof kept.name === 'string' ? kept.name : undefined);
        return name ? same(name) : null;
      }
      case 'item':
        return (id && this.sources.itemTitle(id)) || textOf(kept.title) || null;
      case 'section':
        return (id && this.sources.sectionTitle(id)) || textOf(kept.title) || null;
      case 'user': {
        const name = (id && this.sources.userName(id)) ?? (typeof kept.username === 'string' ? kept.username : undefined);
        return name ? same(name) : null;
      }
      case 'announcement': {
        const text = textOf(kept.text);
        if (!text) return null;
        const target = typeof kept.target === 'string' ? kept.target : 'all';
        const ref = target === 'group' ? kept.groupId : target === 'device' ? kept.deviceId : null;
        const refName = typeof ref === 'string' ? ((target === 'group' ? this.sources.groupName(ref) : this.sources.deviceName(ref)) ?? ref) : null;
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
}
