import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; one logger per server instance so tests can silence theirs. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'showfloor' }, redact: ['req.headers.authorization', 'req.headers.cookie', 'password', 'token'] });
}
