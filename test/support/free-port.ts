/** One free-port helper for tests and npm run cluster alike. */
export { freePort } from '../../server/cli/ports';
