import type { AnnouncementTarget, CreateAnnouncement } from '../../../shared/announcements.schema';
import { ANNOUNCEMENT_PRESETS_SECONDS, MAX_ANNOUNCEMENT_MS, MIN_ANNOUNCEMENT_MS } from '../../../shared/announcements.rules';
import type { FieldErrors } from './field-errors';
import { fromZonedInput } from './local-time';

export type AnnouncementState = 'scheduled' | 'active' | 'expired' | 'withdrawn';

/** An announcement as the console lists it (GET /api/v1/announcements). */
export interface ListedAnnouncement {
  id: string;
  text: { 'zh-CN': string; en: string };
  target: AnnouncementTarget;
  deviceId: string | null;
  groupId?: string | null;
  urgent: boolean;
  startsAt: string;
  expiresAt: string;
  untilWithdrawn?: boolean;
  withdrawnAt: string | null;
  createdBy: string;
  createdAt: string;
  state: AnnouncementState;
}

/** "30 s", "2 min", "1 h" / "30 秒", "2 分钟", "1 小时". */
export function durationName(seconds: number, en: boolean): string {
  if (seconds < 60) return en ? `${seconds} s` : `${seconds} 秒`;
  if (seconds < 3600) return en ? `${seconds / 60} min` : `${seconds / 60} 分钟`;
  return en ? `${seconds / 3600} h` : `${seconds / 3600} 小时`;
}

/** The state at `now`: computed here too, so the list changes on time without asking the server. */
export function announcementState(a: Pick<ListedAnnouncement, 'startsAt' | 'expiresAt' | 'withdrawnAt'>, now: number): AnnouncementState {
  if (a.withdrawnAt) return 'withdrawn';
  if (Date.parse(a.expiresAt) <= now) return 'expired';
  if (Date.parse(a.startsAt) > now) return 'scheduled';
  return 'active';
}

/** The form as the operator fills it in. Times are datetime-local values; a duration preset or an explicit end. */
export interface AnnouncementForm {
  zh: string;
  en: string;
  target: AnnouncementTarget;
  deviceId: string;
  groupId: string;
  urgent: boolean;
  startNow: boolean;
  startsAt: string;
  /** Seconds after the start, 'until' to use `expiresAt`, or 'withdrawn' to stay up until withdrawn. */
  duration: number | 'until' | 'withdrawn';
  expiresAt: string;
}

/** The quick choices (30 s, 2 min, 5 min, 15 min), then longer ones, in seconds. */
export const DURATION_PRESETS = [...ANNOUNCEMENT_PRESETS_SECONDS, 1800, 3600, 7200, 14_400, 28_800] as const;

export function emptyAnnouncementForm(): AnnouncementForm {
  return { zh: '', en: '', target: 'all', deviceId: '', groupId: '', urgent: false, startNow: true, startsAt: '', duration: 300, expiresAt: '' };
}

/**
 * The request body for a filled-in form, or the fields that are wrong (keys as the server names
 * them, so the same inputs show either side's errors). The server checks again. The times are
 * read on the wall clock of `timeZone` (the exhibition's).
 */
export function announcementPayload(form: AnnouncementForm, now: number, timeZone: string): { ok: true; body: CreateAnnouncement } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const zh = form.zh.trim();
  const en = form.en.trim();
  if (!zh) fields['text.zh-CN'] = 'must not be empty';
  if (!en) fields['text.en'] = 'must not be empty';
  if (zh.length > 500) fields['text.zh-CN'] = 'must be at most 500 characters';
  if (en.length > 500) fields['text.en'] = 'must be at most 500 characters';
  if (form.target === 'device' && !form.deviceId) fields.deviceId = 'is required when target is "device"';
  if (form.target === 'group' && !form.groupId) fields.groupId = 'is required when target is "group"';

  let start = now;
  if (!form.startNow) {
    const iso = fromZonedInput(form.startsAt, timeZone);
    if (!iso) fields.startsAt = 'must be a date and time';
    else start = Date.parse(iso);
  }
  let end: number | undefined;
  if (form.duration === 'withdrawn') {
    end = Number.POSITIVE_INFINITY;
  } else if (form.duration === 'until') {
    const iso = fromZonedInput(form.expiresAt, timeZone);
    if (!iso) fields.expiresAt = 'must be a date and time';
    else end = Date.parse(iso);
  } else {
    end = start + form.duration * 1000;
  }
  if (end !== undefined && Number.isFinite(end) && !fields.startsAt) {
    if (end <= now) fields.expiresAt = 'must be in the future';
    else if (end <= start) fields.expiresAt = 'must be after startsAt';
    else if (end - start < MIN_ANNOUNCEMENT_MS) fields.expiresAt = 'an announcement lasts at least 30 seconds';
    else if (end - start > MAX_ANNOUNCEMENT_MS) fields.expiresAt = 'an announcement may last at most 24 hours';
  }
  if (Object.keys(fields).length > 0 || end === undefined) return { ok: false, fields };
  const body: CreateAnnouncement = {
    text: { 'zh-CN': zh, en },
    target: form.target,
    urgent: form.urgent,
    ...(Number.isFinite(end) ? { expiresAt: new Date(end).toISOString() } : { untilWithdrawn: true }),
  };
  if (!form.startNow) body.startsAt = new Date(start).toISOString();
  if (form.target === 'device') body.deviceId = form.deviceId;
  if (form.target === 'group') body.groupId = form.groupId;
  return { ok: true, body };
}
