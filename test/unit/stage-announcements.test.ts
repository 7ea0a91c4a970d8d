import { describe, expect, it } from 'vitest';
import { announcementTargets, type Announcement } from '../../shared/announcements.schema';
import { stageAnnouncements, targetsStage } from '../../kiosk/lib/stage/announcements';

const announcement = (over: Partial<Announcement>): Announcement => ({
  id: 'a',
  text: { 'zh-CN': '请注意', en: 'Attention' },
  target: 'all',
  deviceId: null,
  urgent: false,
  startsAt: '2023-11-12T02:00:00.000Z',
  expiresAt: '2023-11-12T03:00:00.000Z',
  ...over,
});

describe('announcements on a stage display', () => {
  it('follows the shared targeting rule for every target (the stage keeps a zod-free copy of it)', () => {
    for (const target of ['all', 'stage', 'kiosks', 'device'] as const) {
      for (const targetDevice of [null, 'stage-1', 'other']) {
        for (const deviceId of [null, 'stage-1']) {
          const a = { target, deviceId: targetDevice };
          expect(targetsStage(a, deviceId), `${target} ${targetDevice} ${deviceId}`).toBe(announcementTargets(a, { kind: 'stage', deviceId }));
        }
      }
    }
  });

  it('shows urgent ones first, then the newest', () => {
    const list = [
      announcement({ id: 'old', startsAt: '2023-11-12T01:00:00.000Z' }),
      announcement({ id: 'new', startsAt: '2023-11-12T02:30:00.000Z' }),
      announcement({ id: 'urgent', urgent: true, startsAt: '2023-11-12T00:00:00.000Z' }),
      announcement({ id: 'kiosks', target: 'kiosks' }),
    ];
    expect(stageAnnouncements(list, null, null).map((a) => a.id)).toEqual(['urgent', 'new', 'old']);
  });

  it('drops expired ones by its own clock only while offline', () => {
    const list = [announcement({ expiresAt: '2023-11-12T03:00:00.000Z' })];
    const later = Date.parse('2023-11-12T04:00:00.000Z');
    expect(stageAnnouncements(list, null, null)).toHaveLength(1);
    expect(stageAnnouncements(list, null, later)).toHaveLength(0);
  });
});
