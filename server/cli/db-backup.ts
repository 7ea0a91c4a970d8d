import { runDbBackup } from './db-backup-cli';

process.exitCode = await runDbBackup(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr });
