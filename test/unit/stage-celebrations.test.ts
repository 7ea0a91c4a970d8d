import { describe, expect, it } from 'vitest';
import { EMPTY_QUEUE, advance, enqueue, finish, type Celebration } from '../../kiosk/lib/stage/celebrations';

const milestone = (visitors: number): Celebration => ({ kind: 'milestone', key: `2023-11-12:${visitors}`, visitors });

describe('the celebration queue', () => {
  it('shows celebrations that come together one after the other, in order', () => {
    let queue = enqueue(enqueue(EMPTY_QUEUE, milestone(1_000)), milestone(2_000));
    queue = advance(queue);
    expect(queue.showing).toEqual(milestone(1_000));
    queue = advance(finish(queue));
    expect(queue.showing).toEqual(milestone(2_000));
    queue = advance(finish(queue));
    expect(queue.showing).toBeNull();
  });

  it('celebrates a moment reported twice only once', () => {
    let queue = advance(enqueue(EMPTY_QUEUE, milestone(1_000)));
    queue = enqueue(finish(queue), milestone(1_000));
    expect(queue.waiting).toEqual([]);
  });

  it('drops the oldest waiting ones when too many pile up', () => {
    let queue = EMPTY_QUEUE;
    for (const visitors of [1, 2, 3, 4, 5, 6]) queue = enqueue(queue, milestone(visitors * 1_000), 4);
    expect(queue.waiting.map((c) => c.kind === 'milestone' && c.visitors)).toEqual([3_000, 4_000, 5_000, 6_000]);
  });

  it('queues several signed agreements, each with its own moment', () => {
    const deal = (id: string): Celebration => ({
      kind: 'deal',
      key: `deal:${id}`,
      organisation: { 'zh-CN': `机构${id}`, en: `Org ${id}` },
      country: { 'zh-CN': '德国', en: 'Germany' },
      partner: { 'zh-CN': '伙伴', en: 'Partner' },
      industry: { 'zh-CN': '新材料', en: 'New materials' },
    });
    let queue = enqueue(enqueue(enqueue(EMPTY_QUEUE, deal('a')), deal('b')), milestone(1_000));
    const shown: string[] = [];
    for (queue = advance(queue); queue.showing; queue = advance(finish(queue))) shown.push(queue.showing.key);
    expect(shown).toEqual(['deal:a', 'deal:b', '2023-11-12:1000']);
  });
});

