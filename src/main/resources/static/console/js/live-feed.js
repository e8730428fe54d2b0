// The board's source of calls: the hub's live websocket when it connects, otherwise polling
// GET /api/v1/calls?state=RINGING and ?state=ANSWERED every two seconds. Either way the board
// receives canonical calls through onCall(call) and the mode through onMode(mode, detail).

import { apiFetch, apiKey, query } from './api.js';

export const POLL_INTERVAL_MS = 2000;
const CONNECT_TIMEOUT_MS = 4000;
const RECONNECT_DELAY_MS = 30000;
/** RFC 7230 token characters: what a WebSocket sub-protocol may contain. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export class LiveFeed {
  /**
   * @param {{lines: string[], agents: string[]}} filter sent to the websocket (polling filters on the board)
   * @param {{onCall(call), onMode(mode, detail), onError(error), activeIds(): string[]}} sink
   */
  constructor(filter, sink) {
    this.filter = filter;
    this.sink = sink;
    this.socket = null;
    this.pollTimer = null;
    this.reconnectTimer = null;
    this.polling = false;
    this.stopped = false;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    this.stopPolling();
    clearTimeout(this.reconnectTimer);
    if (this.socket) {
      const socket = this.socket;
      this.socket = null;
      socket.close();
    }
  }

  /**
   * The key travels as the sub-protocol "bearer.<key>" next to "switchboard.v1" (the hub echoes
   * "switchboard.v1"), so it stays out of the URL; a key that is not a valid protocol token goes as
   * ?access_token= instead.
   */
  websocketTarget() {
    const url = new URL('/api/v1/live', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const key = apiKey();
    const inProtocol = key !== '' && TOKEN.test(key);
    url.search = query({
      lines: this.filter.lines.join(','),
      agents: this.filter.agents.join(','),
      access_token: key && !inProtocol ? key : '',
    });
    return { url: url.toString(), protocols: inProtocol ? ['switchboard.v1', `bearer.${key}`] : ['switchboard.v1'] };
  }

  connect() {
    if (this.stopped) {
      return;
    }
    let socket;
    try {
      const target = this.websocketTarget();
      socket = new WebSocket(target.url, target.protocols);
    } catch (error) {
      this.fallBack('the live feed could not be opened');
      return;
    }
    this.socket = socket;
    let opened = false;
    const timeout = setTimeout(() => {
      if (!opened) {
        socket.close();
      }
    }, CONNECT_TIMEOUT_MS);
    socket.addEventListener('open', () => {
      opened = true;
      clearTimeout(timeout);
      this.stopPolling();
      this.sink.onMode('live', 'Live feed (websocket)');
      this.snapshot().catch((error) => this.sink.onError(error));
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message && message.type === 'call' && message.call && message.call.id) {
        this.sink.onCall(message.call);
      }
    });
    socket.addEventListener('close', () => {
      clearTimeout(timeout);
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      this.fallBack(opened ? 'the live feed closed' : 'the live feed is not available');
    });
  }

  fallBack(reason) {
    if (this.stopped) {
      return;
    }
    this.sink.onMode('polling', `Polling every ${POLL_INTERVAL_MS / 1000} s (${reason})`);
    this.startPolling();
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), RECONNECT_DELAY_MS);
  }

  startPolling() {
    if (this.polling) {
      return;
    }
    this.polling = true;
    const tick = async () => {
      if (!this.polling) {
        return;
      }
      try {
        await this.poll();
      } catch (error) {
        this.sink.onError(error);
      }
      if (this.polling) {
        this.pollTimer = setTimeout(tick, POLL_INTERVAL_MS);
      }
    };
    tick();
  }

  stopPolling() {
    this.polling = false;
    clearTimeout(this.pollTimer);
  }

  /** Active calls now: RINGING and ANSWERED. */
  async snapshot() {
    const [ringing, answered] = await Promise.all(['RINGING', 'ANSWERED'].map((state) =>
      apiFetch(`/api/v1/calls${query({ state, limit: 500 })}`)));
    const calls = [...(ringing.items || []), ...(answered.items || [])];
    calls.forEach((call) => this.sink.onCall(call));
    this.sink.onError(null);
    return calls;
  }

  /** One polling round: active calls, and the final state of calls that left the active lists. */
  async poll() {
    const calls = await this.snapshot();
    const active = new Set(calls.map((call) => call.id));
    const gone = this.sink.activeIds().filter((id) => !active.has(id));
    await Promise.all(gone.map(async (id) => {
      const call = await apiFetch(`/api/v1/calls/${encodeURIComponent(id)}`);
      this.sink.onCall(call);
    }));
  }
}
