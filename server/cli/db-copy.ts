import { runDbCopy } from './db-copy-cli';

process.exitCode = await runDbCopy(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
