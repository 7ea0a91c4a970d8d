import { z } from 'zod';
import { SLUG_PATTERN } from './slug.rules';
import { LocalizedTextSchema, localizedText } from './i18n.schema';

/** Ids of sections and items: lowercase slugs, stable across languages and used in URLs. */
export const SlugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'must be a lowercase slug (a-z, 0-9, -; at most 64 characters)');

export const HexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c');

export const KeyFactSchema = z.strictObject({ label: localizedText(80), value: localizedText(120) });
export type KeyFact = z.infer<typeof KeyFactSchema>;

/** An image path relative to the content folder's images/ (no traversal, no scheme). */
export const ImageRefSchema = z.strictObject({
  src: z.string().regex(/^[a-z0-9][a-z0-9._-]*\.(svg|png|jpe?g|webp)$/, 'must be a file name in images/ (svg, png, jpg, webp)'),
  alt: localizedText(200),
});
export type ImageRef = z.infer<typeof ImageRefSchema>;

export const SectionSchema = z.strictObject({
  id: SlugSchema,
  order: z.number().int().min(0),
  title: localizedText(60),
  summary: localizedText(400),
  color: HexColorSchema,
  /** The section's illustration (content/images/), on its tiles and cards; optional. */
  image: ImageRefSchema.optional(),
});
export type Section = z.infer<typeof SectionSchema>;

export const ItemSchema = z.strictObject({
  id: SlugSchema,
  section: SlugSchema,
  order: z.number().int().min(0),
  published: z.boolean(),
  title: localizedText(120),
  summary: localizedText(400),
  /** Rich text as a small HTML subset; sanitised on the server before it is stored or sent. */
  body: localizedText(20_000),
  facts: z.array(KeyFactSchema).max(12),
  tags: z.array(localizedText(40)).max(12),
  images: z.array(ImageRefSchema).max(12),
});
export type Item = z.infer<typeof ItemSchema>;

/** A baseline figure from the exhibition itself (content, shown beside live figures, never added to them). */
export const BaselineSchema = z.strictObject({
  id: SlugSchema,
  label: localizedText(80),
  value: z.number().finite().min(0),
  unit: localizedText(20).optional(),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export const ExhibitionSchema = z.strictObject({
  title: localizedText(80),
  subtitle: localizedText(200),
  venue: localizedText(200),
  opened: z.iso.date(),
  baselines: z.array(BaselineSchema).max(24),
});
export type Exhibition = z.infer<typeof ExhibitionSchema>;

/** A section as screens receive it: with its published items in order. */
export const PublishedSectionSchema = SectionSchema.extend({ items: z.array(ItemSchema) });
export type PublishedSection = z.infer<typeof PublishedSectionSchema>;

export { LocalizedTextSchema };

/** Every stored change of an item gets the next version; saving names the version it was based on. */
export const VersionSchema = z.number().int().min(1);

export const SaveItemSchema = z.strictObject({ item: ItemSchema, baseVersion: VersionSchema });
export const CreateItemSchema = z.strictObject({ item: ItemSchema });
export const SaveSectionSchema = z.strictObject({ section: SectionSchema, baseVersion: VersionSchema });
export const SaveExhibitionSchema = z.strictObject({ exhibition: ExhibitionSchema });
export const RollbackSchema = z.strictObject({ version: VersionSchema, baseVersion: VersionSchema });
export const DeleteItemSchema = z.strictObject({ baseVersion: VersionSchema });

/** Content as the console edits it: everything, published or not, with versions. */
export const EditableContentSchema = z.object({
  exhibition: ExhibitionSchema,
  sections: z.array(SectionSchema.extend({ version: VersionSchema })),
  items: z.array(ItemSchema.extend({ version: VersionSchema, updatedAt: z.string() })),
});
export type EditableContent = z.infer<typeof EditableContentSchema>;

/** One saved version of an item; `item` is null for the version that deleted it. */
export const ItemVersionSchema = z.object({ version: VersionSchema, savedBy: z.string(), savedAt: z.string(), item: ItemSchema.nullable() });
export type ItemVersion = z.infer<typeof ItemVersionSchema>;
