// Talking to the hub's API: the operator's API key (sessionStorage only) and JSON requests whose
// errors become ApiError with the hub's own message.

const KEY_STORAGE = 'switchboard.apiKey';
const listeners = new Set();

/** The API key of this browser tab, or '' (kept in sessionStorage: gone when the tab closes). */
export function apiKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) || '';
  } catch {
    return '';
  }
}

export function setApiKey(key) {
  const value = (key || '').trim();
  if (value) {
    sessionStorage.setItem(KEY_STORAGE, value);
  } else {
    sessionStorage.removeItem(KEY_STORAGE);
  }
  listeners.forEach((listener) => listener({ type: 'key-changed' }));
}

/** Called with {type:'auth-failed', status, message} on every 401/403 and {type:'auth-ok'} on success. */
export function onApiStatus(listener) {
  listeners.add(listener);
}

function notify(event) {
  listeners.forEach((listener) => listener(event));
}

/** An answer of the hub that is not a 2xx (status 0: the hub could not be reached). */
export class ApiError extends Error {
  constructor(status, message, code, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code || null;
    this.body = body || null;
  }
}

function fallbackMessage(status, method, path) {
  switch (status) {
    case 401:
      return 'The hub needs a valid API key: enter it in the "API key" field at the top of the page.';
    case 403:
      return 'This API key is not allowed to do this: ask for a key with the right scope.';
    case 404:
      return `The hub has no ${method} ${path.split('?')[0]} (404): this feature is not installed on this hub.`;
    default:
      return `The hub answered ${status} to ${method} ${path.split('?')[0]}.`;
  }
}

/**
 * Sends a request to the hub with the API key and returns the parsed JSON answer (null when empty).
 * Throws ApiError carrying the hub's "message" when the answer is not a 2xx.
 */
export async function apiFetch(path, { method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  const key = apiKey();
  if (key) {
    headers.Authorization = `Bearer ${key}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'The hub could not be reached: check that it is running and your network.');
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (response.status === 401 || response.status === 403) {
    const message = (json && json.message) || fallbackMessage(response.status, method, path);
    notify({ type: 'auth-failed', status: response.status, message });
    throw new ApiError(response.status, message, json && json.error, json);
  }
  if (!response.ok) {
    const hubMessage = json && typeof json.message === 'string' && json.message ? json.message : null;
    throw new ApiError(response.status, hubMessage || fallbackMessage(response.status, method, path),
      json && typeof json.error === 'string' ? json.error : null, json);
  }
  notify({ type: 'auth-ok' });
  return json;
}

/** A query string from the non-empty entries of an object. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== null && String(value).trim() !== '') {
      search.set(name, String(value).trim());
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}
