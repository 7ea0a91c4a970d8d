import { createHash } from 'node:crypto';
import type { Exhibition, PublishedSection } from '../../shared/content.schema';
import type { Content } from '../../shared/snapshot.schema';
import { PrecompressedBody } from '../platform/precompressed';

/** The published content with its version and its JSON text (the body of GET /api/v1/snapshot/content). */
export interface VersionedContent {
  content: Content;
  json: string;
  /** `json` as an HTTP body, compressed once per version. */
  body: PrecompressedBody;
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
    const json = JSON.stringify(content);
    this.cached = { content, json, body: new PrecompressedBody(json), exhibition, sections };
    return this.cached;
  }
}
