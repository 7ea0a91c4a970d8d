import { CreateAnnouncementSchema, type AnnouncementTarget, type CreateAnnouncement } from '../../../shared/announcements.schema';
import { ANNOUNCEMENT_PRESETS_SECONDS, announcementWindowProblem } from '../../../shared/announcements.rules';
import { validated, type FieldErrors, type Validated } from './field-errors';
import { fromZonedInput } from './local-time';

/** "30 s", "2 min", "1 h" / "30 秒", "2 分钟", "1 小时". */
export function durationName(seconds: number, en: boolean): string {
  if (seconds < 60) return en ? `${seconds} s` : `${seconds} 秒`;
  if (seconds < 3600) return en ? `${seconds / 60} min` : `${seconds / 60} 分钟`;
  return en ? `${seconds / 3600} h` : `${seconds / 3600} 小时`;
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
 * The request body for a filled-in form, or the fields that are wrong: the server's own schema
 * (CreateAnnouncementSchema) and window rule (announcementWindowProblem), with the server's
 * messages, keyed as the server names them so the same inputs show either side's errors. The
 * times are read on the wall clock of `timeZone` (the exhibition's), not the browser's.
 */
export function announcementPayload(form: AnnouncementForm, now: number, timeZone: string): Validated<CreateAnnouncement> {
  const fields: FieldErrors = {};
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
    const problem = announcementWindowProblem(start, end, now);
    if (problem) fields.expiresAt = problem;
  }
  const result = validated(CreateAnnouncementSchema, {
    text: { 'zh-CN': form.zh, en: form.en },
    target: form.target,
    urgent: form.urgent,
    ...(end === undefined || !Number.isFinite(end) ? {} : { expiresAt: new Date(end).toISOString() }),
    ...(form.duration === 'withdrawn' ? { untilWithdrawn: true } : {}),
    ...(form.startNow || fields.startsAt ? {} : { startsAt: new Date(start).toISOString() }),
    ...(form.target === 'device' ? { deviceId: form.deviceId || undefined } : {}),
    ...(form.target === 'group' ? { groupId: form.groupId || undefined } : {}),
  });
  // What this form found first (an unreadable time), then what the schema says about the rest.
  const all = { ...(result.ok ? {} : result.fields), ...fields };
  if (Object.keys(all).length > 0 || !result.ok) return { ok: false, fields: all };
  return result;
}
