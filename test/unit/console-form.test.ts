import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, localizeMessage, unclaimedErrors } from '../../kiosk/lib/console/field-errors';
import { nextOrder, rebaseDraft, reorder, slugify, toItem } from '../../kiosk/lib/console/item-form';
import { correctionPayload, resetConfirmed } from '../../kiosk/lib/console/corrections-form';
import type { Item } from '../../shared/content.schema';

const item = (id: string, order: number, over: Partial<Item> = {}): Item => ({
  id,
  section: 'alpha',
  order,
  published: true,
  title: { 'zh-CN': id, en: id },
  summary: { 'zh-CN': 's', en: 's' },
  body: { 'zh-CN': '<p>b</p>', en: '<p>b</p>' },
  facts: [],
  tags: [],
  images: [],
  ...over,
});

describe('field errors from the server', () => {
  it('reads `fields` and the paths named in the message, with one path style', () => {
    const fields = fieldErrorsOf({
      message: 'item.section: unknown section "x"; item.facts[2].label.en: must not be empty',
      fields: { 'item.title.en': 'must not be empty', 'item.facts.2.label.en': 'must not be empty' },
    });
    expect(fields).toEqual({ 'item.title.en': 'must not be empty', 'item.facts.2.label.en': 'must not be empty', 'item.section': 'unknown section "x"' });
  });

  it('finds nothing in a message without field paths', () => {
    expect(fieldErrorsOf({ message: 'Someone else saved "Title" after you opened it' })).toEqual({});
  });

  it('lists the errors no input claims', () => {
    expect(unclaimedErrors({ 'item.title.en': 'x', 'item.order': 'y' }, (p) => p.startsWith('item.title'))).toEqual([['item.order', 'y']]);
  });

  it('translates the common messages to Chinese and leaves the rest as written', () => {
    expect(localizeMessage('must be at most 120 characters', 'zh-CN')).toBe('最多 120 个字符');
    expect(localizeMessage('must not be empty', 'en')).toBe('must not be empty');
    expect(localizeMessage('something new', 'zh-CN')).toBe('something new');
  });
});

describe('item form mapping', () => {
  it('drops the version and save time before saving', () => {
    expect(toItem({ ...item('a', 0), version: 3, updatedAt: 'x' })).toEqual(item('a', 0));
  });

  it('moves an item by swapping order numbers with its neighbour', () => {
    const items = [item('a', 0), item('b', 1), item('c', 2)];
    expect(reorder(items, 'b', -1)).toEqual([
      { id: 'b', order: 0 },
      { id: 'a', order: 1 },
    ]);
    expect(reorder(items, 'a', -1)).toEqual([]);
    expect(reorder(items, 'c', 1)).toEqual([]);
  });

  it('renumbers equal or sparse order numbers so a move still moves', () => {
    const items = [item('a', 5), item('b', 5), item('c', 9), item('x', 0, { section: 'beta' })];
    expect(reorder(items, 'c', -1)).toEqual([
      { id: 'a', order: 0 },
      { id: 'c', order: 1 },
      { id: 'b', order: 2 },
    ]);
    expect(nextOrder(items, 'alpha')).toBe(10);
    expect(nextOrder(items, 'empty')).toBe(0);
  });

  it('keeps a draft’s edits when taking in our own change of other fields', () => {
    const pristine = item('a', 0);
    const draft = { ...pristine, title: { 'zh-CN': '改', en: 'Edited' } };
    const saved = { ...pristine, published: false, order: 3 };
    expect(rebaseDraft(draft, pristine, saved)).toEqual({ ...saved, title: { 'zh-CN': '改', en: 'Edited' } });
  });

  it('makes an id from a title', () => {
    expect(slugify('Kiryl Piatkevich: seeing neurons!')).toBe('kiryl-piatkevich-seeing-neurons');
    expect(slugify('Café — Ålesund')).toBe('cafe-alesund');
    expect(slugify('西湖')).toBe('');
  });
});

describe('counter corrections', () => {
  it('needs a whole, non-zero change and a reason', () => {
    expect(correctionPayload({ day: '', section: '', delta: null, reason: '' })).toEqual({
      ok: false,
      fields: { delta: 'must be a whole number', reason: 'must say why (at least 3 characters)' },
    });
    expect(correctionPayload({ day: '', section: '', delta: 0, reason: 'door' })).toMatchObject({ ok: false, fields: { delta: 'must not be 0' } });
    expect(correctionPayload({ day: '', section: '', delta: 1.5, reason: 'door' })).toMatchObject({ ok: false, fields: { delta: 'must be a whole number' } });
  });

  it('sends only what was given', () => {
    expect(correctionPayload({ day: '', section: '', delta: -3, reason: '  counted twice ' })).toEqual({ ok: true, body: { delta: -3, reason: 'counted twice' } });
    expect(correctionPayload({ day: '2023-11-12', section: 'alpha', delta: '4', reason: 'door' })).toEqual({ ok: true, body: { day: '2023-11-12', section: 'alpha', delta: 4, reason: 'door' } });
  });

  it('confirms a reset only when the day is typed exactly', () => {
    expect(resetConfirmed('2023-11-12', '2023-11-12')).toBe(true);
    expect(resetConfirmed('2023-11-12', ' 2023-11-12 ')).toBe(true);
    expect(resetConfirmed('2023-11-12', '2023-11-13')).toBe(false);
    expect(resetConfirmed('', '')).toBe(false);
  });
});
