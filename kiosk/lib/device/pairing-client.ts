import type { DeviceConfig, PairingClaimResult, PairingTicket } from '../../../shared/devices.schema';

/** How often an unpaired screen asks whether an operator approved its code. */
export const CLAIM_INTERVAL_MS = 2_000;
/** Wait before asking again after a network error (the server may be restarting). */
const RETRY_MS = 5_000;

export interface Paired {
  token: string;
  device: DeviceConfig;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

async function postJson(path: string, body: unknown, signal: AbortSignal): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
}

/**
 * Asks for a pairing code, shows it through `onCode`, and waits until an operator approves it.
 * An expired code is replaced by a new one; network errors are waited out. Resolves with the
 * token and settings, or never (when `signal` aborts, it stops quietly).
 */
export async function pairUntilApproved(onCode: (ticket: PairingTicket | null) => void, signal: AbortSignal): Promise<Paired | null> {
  while (!signal.aborted) {
    let ticket: PairingTicket;
    try {
      const response = await postJson('/api/v1/pairing', {}, signal);
      if (!response.ok) throw new Error(`pairing request answered ${response.status}`);
      ticket = (await response.json()) as PairingTicket;
    } catch {
      onCode(null);
      await sleep(RETRY_MS, signal);
      continue;
    }
    onCode(ticket);
    while (!signal.aborted) {
      await sleep(CLAIM_INTERVAL_MS, signal);
      if (signal.aborted) break;
      let response: Response;
      try {
        response = await postJson('/api/v1/pairing/claim', { id: ticket.id, secret: ticket.secret }, signal);
      } catch {
        continue; // offline for a moment: keep the code, ask again
      }
      // Expired (410) or unknown after a server restart (404): get a new code.
      if (response.status === 410 || response.status === 404) break;
      if (!response.ok) continue;
      const result = (await response.json()) as PairingClaimResult;
      if (result.status === 'paired') return { token: result.token, device: result.device };
    }
  }
  return null;
}
