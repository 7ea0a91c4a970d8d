import { describe, expect, it } from 'vitest';
import { formatAmount, formatNumber } from '../../kiosk/lib/i18n';

describe('numbers in each language', () => {
  it('writes quantities in Chinese text with 万 and 亿', () => {
    expect(formatAmount(70_000, 'zh-CN')).toBe('7万');
    expect(formatAmount(3_090_000, 'zh-CN')).toBe('309万');
    expect(formatAmount(113_000, 'zh-CN')).toBe('11.3万');
    expect(formatAmount(12_345, 'zh-CN')).toBe('1.23万');
    expect(formatAmount(250_000_000, 'zh-CN')).toBe('2.5亿');
    expect(formatAmount(100_000_000, 'zh-CN')).toBe('1亿');
  });

  it('keeps smaller Chinese quantities as digits', () => {
    expect(formatAmount(1_641, 'zh-CN')).toBe('1,641');
    expect(formatAmount(600, 'zh-CN')).toBe('600');
    expect(formatAmount(37.3, 'zh-CN')).toBe('37.3');
  });

  it('uses Western grouping in English', () => {
    expect(formatAmount(70_000, 'en')).toBe('70,000');
    expect(formatAmount(250_000_000, 'en')).toBe('250,000,000');
  });

  it('keeps live counters exact in both languages (they tick one by one)', () => {
    expect(formatNumber(12_345, 'zh-CN')).toBe('12,345');
    expect(formatNumber(12_345, 'en')).toBe('12,345');
  });
});
