import { createHash } from 'node:crypto';
import type { Exhibition, PublishedSection } from '../../shared/content.schema';
import type { Content } from '../../shared/snapshot.schema';

/** The published content with its version and its JSON text (the body of GET /api/v1/snapshot/content). */
export interface VersionedContent {
  content: Content;
  json: string;
}

/**
 * Versions the published content: a hash of its JSON text, computed once per change. The content
 * service replaces its objects when anything changes, so the same objects mean the same version.
 */
export class ContentVersions {
  private cached: (VersionedContent & { exhibition: Exhibition; sections: PublishedSection[] }) | undefined;

  constructor(private readonly source: { exhibition(): Exhibition; publishedSections(): PublishedSection[] }) {}

  current(): VersionedContent {
    const exhibition = this.source.exhibition();
    const sections = this.source.publishedSections();
    const cached = this.cached;
    if (cached && cached.exhibition === exhibition && cached.sections === sections) return cached;
    const body = JSON.stringify({ exhibition, sections });
    const contentVersion = createHash('sha256').update(body).digest('base64url').slice(0, 16);
    const content: Content = { contentVersion, exhibition, sections };
    this.cached = { content, json: JSON.stringify(content), exhibition, sections };
    return this.cached;
  }
}
