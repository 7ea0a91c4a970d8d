import type { FollowBenchResult } from './follow-bench';
import type { KioskBenchResult } from './kiosk-bench';
import type { PhoneConsoleResult } from './phone-console-bench';
import type { StageBenchResult } from './stage-bench';
import type { WebDir } from './web-dir';

/** What `npm run bench` measured of the pages; a part that failed is missing (run.ts lists it as a problem). */
export interface PagesRun {
  web: Pick<WebDir, 'source' | 'from'>;
  kiosk?: KioskBenchResult;
  stage?: StageBenchResult;
  phoneConsole?: PhoneConsoleResult;
  follow?: FollowBenchResult;
  /** Share of the CPUs busy with other work just before each part ran. */
  backgroundCpu: Record<string, number | undefined>;
}
