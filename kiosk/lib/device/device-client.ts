import { io, type Socket } from 'socket.io-client';
import type { DeviceCommand, ScreenState } from '../../../shared/devices.schema';
import { NAMESPACES, type DeviceClientToServerEvents, type DeviceServerToClientEvents } from '../../../shared/socket-events';
import { clearCredentials, loadCredentials, saveCredentials, type DeviceCredentials } from './device-credentials';
import type { DeviceState } from './device.svelte';
import { pairUntilApproved } from './pairing-client';

/** How often a screen reports itself; the console shows it offline after missing a few. */
export const HEARTBEAT_MS = 15_000;

export interface DeviceClientOptions {
  appVersion: string;
  /** What the screen shows now ("attract", "item:oc-ta-exm", "scene:overview"), for the console. */
  currentView: () => string;
  /** What the screen shows, in parts (the console's live mirror draws it); sent with every heartbeat. */
  currentState?: () => ScreenState;
  /** Commands the app handles itself: set-locale, pin-scene, next-scene. */
  onCommand: (command: DeviceCommand) => void;
  /** Reload the page (default: at once); a kiosk may wait for a quiet moment. */
  reload?: () => void;
  now?: () => number;
  /** Where the token is kept (localStorage key); the door counter has its own. */
  credentialsKey?: string;
}

export interface DeviceClient {
  stop(): void;
  /** The device token while paired; the live socket presents it so revocation closes it too. */
  token(): string | null;
  /** What the screen shows changed: report it now (a burst of changes is sent once). */
  report(): void;
}

/** Changes within this long are reported together (a visitor's quick taps, a scene and its announcement). */
const REPORT_DEBOUNCE_MS = 150;

type DeviceSocket = Socket<DeviceServerToClientEvents, DeviceClientToServerEvents>;

const isUnauthorized = (error: Error) => error.message.startsWith('unauthorized');

/**
 * Keeps this screen paired and reachable: pairs it when it has no token, connects /device with the
 * token, reports heartbeats, shows identify requests and passes other commands to the app. A
 * revoked screen forgets its token and shows a new pairing code.
 */
export function startDevice(state: DeviceState, options: DeviceClientOptions): DeviceClient {
  const now = options.now ?? Date.now;
  const onlineSince = new Date(now()).toISOString();
  const key = options.credentialsKey;
  let credentials = loadCredentials(localStorage, key);
  let socket: DeviceSocket | null = null;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let pairingAbort: AbortController | null = null;
  let stopped = false;

  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const sendHeartbeat = () => {
    clearTimeout(reportTimer);
    reportTimer = undefined;
    const state = options.currentState?.();
    socket?.emit('device:heartbeat', { appVersion: options.appVersion.slice(0, 64), view: options.currentView().slice(0, 200), onlineSince, ...(state ? { state } : {}) }, () => {});
  };

  const handleCommand = (command: DeviceCommand) => {
    if (command.type === 'identify') state.identify = { name: command.name, until: now() + command.seconds * 1000 };
    else if (command.type === 'reload') (options.reload ?? (() => location.reload()))();
    else options.onCommand(command);
  };

  const forget = () => {
    socket?.close();
    socket = null;
    clearInterval(heartbeat);
    credentials = null;
    clearCredentials(localStorage, key);
    state.phase = 'unpaired';
    state.config = null;
    state.connection = 'connecting';
    void pair();
  };

  const connect = (paired: DeviceCredentials) => {
    state.phase = 'paired';
    state.config = paired.config;
    state.pairing = null;
    socket = io(NAMESPACES.device, {
      transports: ['websocket'],
      auth: { token: paired.token },
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 15_000,
      randomizationFactor: 0.5,
    });
    socket.on('connect', () => {
      state.connection = 'online';
      sendHeartbeat();
    });
    socket.on('device:config', (config) => {
      if (typeof config?.id !== 'string') return;
      state.config = config;
      if (credentials) saveCredentials((credentials = { ...credentials, config }), localStorage, key);
    });
    socket.on('device:command', (command) => {
      if (command && typeof command.type === 'string') handleCommand(command);
    });
    socket.on('connect_error', (error) => {
      state.connection = 'offline';
      // The server refused the token: this screen was revoked. Anything else is the network.
      if (isUnauthorized(error)) forget();
    });
    socket.on('disconnect', (reason) => {
      state.connection = 'offline';
      // The server closed us on purpose (revocation): try once more; a refused token lands in connect_error.
      if (reason === 'io server disconnect') setTimeout(() => socket?.connect(), 1_000);
    });
    clearInterval(heartbeat);
    heartbeat = setInterval(sendHeartbeat, HEARTBEAT_MS);
  };

  const pair = async () => {
    pairingAbort?.abort();
    const abort = (pairingAbort = new AbortController());
    const paired = await pairUntilApproved((ticket) => {
      state.pairing = ticket && { code: ticket.code, expiresAt: ticket.expiresAt };
    }, abort.signal);
    if (!paired || stopped) return;
    credentials = { token: paired.token, config: paired.device };
    saveCredentials(credentials, localStorage, key);
    connect(credentials);
  };

  if (credentials) connect(credentials);
  else void pair();

  return {
    stop() {
      stopped = true;
      clearTimeout(reportTimer);
      pairingAbort?.abort();
      clearInterval(heartbeat);
      socket?.close();
    },
    token: () => credentials?.token ?? null,
    report() {
      if (!socket?.connected || reportTimer !== undefined) return;
      reportTimer = setTimeout(sendHeartbeat, REPORT_DEBOUNCE_MS);
    },
  };
}
