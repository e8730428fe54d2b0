// Keyyo CTI JS SDK → hub relay. Two small pieces, both independent of the page:
//
//  attachKeyyoCti(cti, forward)  hooks an SDK object (`new Keyyo.CTI()`) so that every call object it
//                                emits becomes forward({"notify":"call","call":{…}}). Anything shaped
//                                like the SDK works: the browser tests inject a fake `window.Keyyo`
//                                whose CTI object they drive by calling onNewCall / call.onConnect….
//  HubRelay                      posts each notification, in order, to POST /webhooks/keyyo-cti/{token}
//                                (retrying network errors, 429 and 5xx with backoff).
//
// The SDK (seed "Keyyo CTI JavaScript SDK"): cti.onNewCall = function (call) {…}; each call has
// onSetup / onConnect / onRelease / onMissed callbacks and the attributes callref, caller, callee,
// state (SETUP | CONNECT | RELEASE | MISSED), setup_date, connect_date, release_date (epoch seconds)
// and callpark_slot; cti.get_calls() returns the calls the session already knows.

/** SDK call event → the state it reports. */
export const EVENT_STATES = Object.freeze({ onSetup: 'SETUP', onConnect: 'CONNECT', onRelease: 'RELEASE', onMissed: 'MISSED' });
const STATES = new Set(Object.values(EVENT_STATES));
const FIELDS = ['callref', 'caller', 'callee', 'setup_date', 'connect_date', 'release_date', 'callpark_slot'];

/**
 * The hub's CTI notification for a call object in a given state: the SDK's own attributes, copied
 * (never the object itself, whose methods and later changes must not leak into the request).
 */
export function notification(call, state) {
  const copy = {};
  FIELDS.forEach((name) => {
    if (call[name] !== undefined) {
      copy[name] = call[name];
    }
  });
  copy.callref = call.callref === undefined || call.callref === null ? null : String(call.callref);
  copy.state = state;
  return { notify: 'call', call: copy };
}

/** The state to report when the SDK hands over a call: its own state, else SETUP (a new call rings). */
function currentState(call) {
  const state = String(call.state || '').toUpperCase();
  return STATES.has(state) ? state : 'SETUP';
}

/**
 * Hooks the SDK object: sets cti.onNewCall and, on each call, the four event callbacks. The state
 * sent with an event is the event's own (onConnect → CONNECT …), so a call object whose `state`
 * attribute lags behind is still reported right. Each (callref, state) is forwarded once.
 * Calls the session already knows (cti.get_calls(), when it exists) are forwarded too unless released.
 *
 * @param cti the SDK object (`new Keyyo.CTI()`), or a fake shaped like it
 * @param forward function (notification) called for every call event
 * @returns a function that stops relaying
 */
export function attachKeyyoCti(cti, forward) {
  const sent = new Set();
  let attached = true;

  const emit = (call, state) => {
    if (!attached || !call || call.callref === undefined || call.callref === null) {
      return;
    }
    const key = `${call.callref}|${state}`;
    if (sent.has(key)) {
      return;
    }
    sent.add(key);
    forward(notification(call, state));
  };

  const watch = (call) => {
    Object.entries(EVENT_STATES).forEach(([callback, state]) => {
      const previous = typeof call[callback] === 'function' ? call[callback] : null;
      call[callback] = function relayed(...args) {
        emit(call, state);
        return previous ? previous.apply(this, args) : undefined;
      };
    });
  };

  const previousOnNewCall = typeof cti.onNewCall === 'function' ? cti.onNewCall : null;
  cti.onNewCall = function relayedNewCall(call, ...rest) {
    if (previousOnNewCall) {
      previousOnNewCall.call(this, call, ...rest);
    }
    watch(call);
    emit(call, currentState(call));
  };

  if (typeof cti.get_calls === 'function') {
    const known = cti.get_calls() || [];
    known.filter((call) => call && !['RELEASE', 'MISSED'].includes(String(call.state || '').toUpperCase()))
      .forEach((call) => {
        watch(call);
        emit(call, currentState(call));
      });
  }

  return () => {
    attached = false;
    cti.onNewCall = previousOnNewCall;
  };
}

const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 30000];

/** Posts notifications to the hub one after the other, in the order the SDK emitted them. */
export class HubRelay {
  /**
   * @param token the Keyyo source's token (secret: it is only ever put in the request path)
   * @param line the Keyyo line the session watches (sent as ?line=), or ''
   * @param onResult called with {notification, outcome: 'accepted'|'retrying'|'refused', status, message}
   */
  constructor(token, line, onResult) {
    this.token = token;
    this.line = line;
    this.onResult = onResult;
    this.queue = Promise.resolve();
  }

  send(message) {
    this.queue = this.queue.then(() => this.deliver(message));
    return this.queue;
  }

  url() {
    const line = this.line ? `?line=${encodeURIComponent(this.line)}` : '';
    return `/webhooks/keyyo-cti/${encodeURIComponent(this.token)}${line}`;
  }

  async deliver(message) {
    for (let attempt = 0; ; attempt += 1) {
      let status = 0;
      let text = '';
      let retryAfter = null;
      try {
        const response = await fetch(this.url(), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(message),
          credentials: 'omit',
          cache: 'no-store',
        });
        status = response.status;
        text = await response.text();
        retryAfter = Number.parseInt(response.headers.get('Retry-After') || '', 10);
      } catch {
        status = 0;
      }
      const hubMessage = messageOf(text);
      if (status >= 200 && status < 300) {
        this.onResult({ notification: message, outcome: 'accepted', status, message: hubMessage || 'accepted' });
        return;
      }
      const retryable = status === 0 || status === 429 || status >= 500;
      if (!retryable || attempt >= RETRY_DELAYS_MS.length) {
        this.onResult({ notification: message, outcome: 'refused', status, message: hubMessage || (status ? `HTTP ${status}` : 'hub not reachable') });
        return;
      }
      this.onResult({ notification: message, outcome: 'retrying', status, message: hubMessage || (status ? `HTTP ${status}` : 'hub not reachable') });
      const delay = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : RETRY_DELAYS_MS[attempt];
      await new Promise((resolve) => { setTimeout(resolve, delay); });
    }
  }
}

function messageOf(text) {
  if (!text) {
    return '';
  }
  try {
    const json = JSON.parse(text);
    if (json && typeof json.message === 'string') {
      return json.message;
    }
    if (json && json.status === 'accepted') {
      return `accepted (${json.events ?? '?'} event${json.events === 1 ? '' : 's'})`;
    }
  } catch {
    // not JSON: fall through
  }
  return '';
}
