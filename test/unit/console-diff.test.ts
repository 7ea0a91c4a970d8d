import { describe, expect, it } from 'vitest';
import { describePath, diffText, diffValues, flatten } from '../../kiosk/lib/console/item-diff';
import type { Item } from '../../shared/content.schema';

const item = (over: Partial<Item> = {}): Item => ({
  id: 'alpha-item-1',
  section: 'alpha',
  order: 1,
  published: true,
  title: { 'zh-CN': '标题', en: 'Title' },
  summary: { 'zh-CN': '简介', en: 'Summary' },
  body: { 'zh-CN': '<p>正文</p>', en: '<p>Body</p>' },
  facts: [{ label: { 'zh-CN': '数字', en: 'Number' }, value: { 'zh-CN': '1', en: '1' } }],
  tags: [],
  images: [],
  ...over,
});

describe('item diff', () => {
  it('finds nothing between two equal items', () => {
    expect(diffValues(item(), item())).toEqual([]);
  });

  it('names every changed field by its path, in the order the form shows them', () => {
    const changes = diffValues(item(), item({ published: false, title: { 'zh-CN': '新标题', en: 'Title' }, tags: [{ 'zh-CN': '标签', en: 'Tag' }] }));
    expect(changes).toEqual([
      { path: 'published', before: 'true', after: 'false' },
      { path: 'title.zh-CN', before: '标题', after: '新标题' },
      { path: 'tags', before: '[]', after: null },
      { path: 'tags.0.zh-CN', before: null, after: '标签' },
      { path: 'tags.0.en', before: null, after: 'Tag' },
    ]);
  });

  it('treats a deleted item (null) as every field removed', () => {
    const changes = diffValues(item(), null);
    expect(changes.every((c) => c.after === null)).toBe(true);
    expect(changes.map((c) => c.path)).toContain('facts.0.value.en');
  });

  it('flattens nested values to leaves, keeping empty lists as leaves', () => {
    expect(Object.fromEntries(flatten({ a: { b: [1, { c: 'x' }] }, e: [] }))).toEqual({ 'a.b.0': '1', 'a.b.1.c': 'x', e: '[]' });
  });

  it('describes paths for people, in either language, counting from one', () => {
    expect(describePath('facts.1.value.en', 'en')).toBe('Key fact 2 · value (English)');
    expect(describePath('facts.1.value.en', 'zh-CN')).toBe('要点 2 · 内容（英文）');
    expect(describePath('title.zh-CN', 'en')).toBe('Title (Chinese)');
    expect(describePath('published', 'zh-CN')).toBe('发布');
    expect(describePath('somethingNew', 'en')).toBe('somethingNew');
  });
});

describe('text diff', () => {
  it('marks the words that were removed and added, keeping the rest', () => {
    expect(diffText('The quick brown fox', 'The slow brown fox')).toEqual([
      { kind: 'same', text: 'The ' },
      { kind: 'removed', text: 'quick' },
      { kind: 'added', text: 'slow' },
      { kind: 'same', text: ' brown fox' },
    ]);
  });

  it('compares Chinese character by character and HTML tags as whole tokens', () => {
    const parts = diffText('<p>西湖大学</p>', '<p>西湖区大学</p>')!;
    expect(parts).toEqual([
      { kind: 'same', text: '<p>西湖' },
      { kind: 'added', text: '区' },
      { kind: 'same', text: '大学</p>' },
    ]);
  });

  it('gives up on texts too long to compare quickly', () => {
    const long = 'word '.repeat(2_000);
    expect(diffText(long, `${long}more`)).toBeNull();
  });
});
