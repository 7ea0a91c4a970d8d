import { resolve } from 'node:path';
import { parseConfig } from '../config/config.schema';
import { openStorage } from '../storage/open-storage';
import { describeDatabase } from '../storage/database-url';
import { SqlContentRepository } from '../content/content.repository';
import { readContentFolder, writeContentFolder } from '../content/content.files';
import { SqlAuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';

/**
 * `content:export [folder]` writes the database's content as a content folder;
 * `content:import [folder]` validates a folder and replaces the database's content with it.
 * DATABASE_URL or DATA_DIR picks the database, as for the server; the folder defaults to
 * CONTENT_DIR. Stop the server before an import: a running server keeps the content it loaded
 * until it restarts.
 */
export async function runContentCli(command: 'export' | 'import', argv: readonly string[], env: Record<string, string | undefined>): Promise<string> {
  const config = parseConfig(env);
  const folder = resolve(argv[0] ?? config.contentDir);
  const storage = await openStorage(config);
  // Named as the server names it: the data directory, or PostgreSQL's host and database (never the password).
  const database = config.databaseUrl ? describeDatabase(config.databaseUrl) : config.dataDir;
  try {
    const repository = new SqlContentRepository(storage);
    if (command === 'export') {
      const bundle = await repository.load();
      if (!bundle) throw new Error(`The database in ${database} has no content yet (start the server once, or import).`);
      writeContentFolder(folder, bundle);
      return `Exported ${bundle.sections.length} sections and ${bundle.items.length} items to ${folder}`;
    }
    const bundle = readContentFolder(folder);
    // readContentFolder validated the files and sanitised every body.
    await repository.transaction(async () => {
      await repository.replaceAll(bundle, new Date().toISOString(), 'content:import');
      await new AuditService(new SqlAuditRepository(storage), Date.now).record(
        { id: null, username: 'system' },
        { action: 'content.import', targetType: 'content', after: { folder, sections: bundle.sections.length, items: bundle.items.length } },
      );
    });
    return `Imported ${bundle.sections.length} sections and ${bundle.items.length} items from ${folder} into ${database}`;
  } finally {
    await storage.close();
  }
}

export async function main(command: 'export' | 'import'): Promise<void> {
  try {
    process.stdout.write(`${await runContentCli(command, process.argv.slice(2), process.env)}\n`);
  } catch (error) {
    process.stderr.write(`content:${command}: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
