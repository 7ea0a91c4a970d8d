import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ZodType } from 'zod';
import { ExhibitionSchema, ItemSchema, SectionSchema } from '../../shared/content.schema';
import { describeZodError } from '../platform/errors';
import { bundleProblems, type ContentBundle } from './content.bundle';
import { bodyDepthProblems, sanitizeItem } from './rich-text';

/**
 * content/ layout:
 *   exhibition.json
 *   sections/<section-id>/section.json
 *   sections/<section-id>/items/<item-id>.json
 *   images/<file>
 */
export class ContentFileError extends Error {
  override name = 'ContentFileError';
}

function readJson<T>(file: string, schema: ZodType<T>): T {
  const where = relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentFileError(`${where}: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new ContentFileError(`${where}: ${describeZodError(result.error)}`);
  return result.data;
}

const jsonFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : []);

/** Reads and validates a content folder; throws a ContentFileError naming the file and field. */
export function readContentFolder(dir: string): ContentBundle {
  if (!existsSync(join(dir, 'exhibition.json'))) throw new ContentFileError(`${dir}: no exhibition.json (is CONTENT_DIR right?)`);
  const exhibition = readJson(join(dir, 'exhibition.json'), ExhibitionSchema);
  const sectionsDir = join(dir, 'sections');
  const sectionDirs = existsSync(sectionsDir)
    ? readdirSync(sectionsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const sections = [];
  const items = [];
  for (const folder of sectionDirs) {
    const sectionFile = join(sectionsDir, folder, 'section.json');
    const section = readJson(sectionFile, SectionSchema);
    if (section.id !== folder) throw new ContentFileError(`${sectionFile}: id: "${section.id}" must match its folder name "${folder}"`);
    sections.push(section);
    const itemsDir = join(sectionsDir, folder, 'items');
    for (const file of jsonFiles(itemsDir)) {
      const path = join(itemsDir, file);
      const item = readJson(path, ItemSchema);
      if (item.section !== folder) throw new ContentFileError(`${path}: section: "${item.section}" must match its folder "${folder}"`);
      if (`${item.id}.json` !== file) throw new ContentFileError(`${path}: id: "${item.id}" must match the file name`);
      for (const [i, image] of item.images.entries()) {
        if (!existsSync(join(dir, 'images', image.src))) throw new ContentFileError(`${path}: images[${i}].src: images/${image.src} does not exist`);
      }
      const clean = sanitizeItem(item);
      const deep = Object.entries(bodyDepthProblems(clean)).map(([field, message]) => `${field}: ${message}`);
      if (deep.length > 0) throw new ContentFileError(`${path}: ${deep.join('; ')}`);
      items.push(clean);
    }
  }
  const bundle = { exhibition, sections, items };
  const problems = bundleProblems(bundle);
  if (problems.length > 0) throw new ContentFileError(`${dir}: ${problems.join('; ')}`);
  return bundle;
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes a bundle as a content folder (replacing its sections/), the inverse of readContentFolder. */
export function writeContentFolder(dir: string, bundle: ContentBundle): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'exhibition.json'), pretty(bundle.exhibition));
  rmSync(join(dir, 'sections'), { recursive: true, force: true });
  for (const section of bundle.sections) {
    const itemsDir = join(dir, 'sections', section.id, 'items');
    mkdirSync(itemsDir, { recursive: true });
    writeFileSync(join(dir, 'sections', section.id, 'section.json'), pretty(section));
    for (const item of bundle.items.filter((i) => i.section === section.id)) {
      writeFileSync(join(itemsDir, `${item.id}.json`), pretty(item));
    }
  }
}
