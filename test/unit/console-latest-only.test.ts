import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../kiosk/lib/console/api';
import { latestOnly } from '../../kiosk/lib/console/latest-only';

/** A GET whose answers the test releases by hand, in any order. */
function manualGet() {
  const waiting: ((result: ApiResult<number>) => void)[] = [];
  const get = () => new Promise<ApiResult<number>>((resolve) => waiting.push(resolve));
  const answer = (index: number, data: number) => waiting[index]!({ ok: true, status: 200, data });
  return { get, answer };
}

describe('latestOnly', () => {
  it('drops an older answer that arrives after a newer load started', async () => {
    const { get, answer } = manualGet();
    const load = latestOnly(get);
    const first = load();
    const second = load();
    answer(1, 2);
    answer(0, 1);
    expect(await second).toEqual({ ok: true, status: 200, data: 2 });
    expect(await first).toBeNull();
  });

  it('returns the answer of a load nothing overtook', async () => {
    const { get, answer } = manualGet();
    const load = latestOnly(get);
    const only = load();
    answer(0, 7);
    expect(await only).toEqual({ ok: true, status: 200, data: 7 });
  });
});
