// Keyyo CTI relay page: loads the SDK, opens a session with the CSI token, and relays every call
// notification to the hub. If `window.Keyyo.CTI` already exists when "Connect" is pressed (a test
// injected a fake SDK, or the page embedding this one loaded the SDK), the SDK script is not loaded.

import { attachKeyyoCti, HubRelay } from './keyyo-cti-adapter.js';
import { el, renderLayout, showMessage, clearMessage } from './layout.js';

const SDK_URL_KEY = 'switchboard.keyyoRelay.sdkUrl';
const HUB_TOKEN_KEY = 'switchboard.keyyoRelay.token';
const LOG_KEPT = 200;

renderLayout();

const form = document.querySelector('[data-testid="relay-form"]');
const status = document.querySelector('[data-testid="relay-status"]');
const errorRegion = document.querySelector('[data-testid="relay-error"]');
const logRows = document.querySelector('[data-testid="relay-log-rows"]');
const connectButton = document.querySelector('[data-testid="relay-connect"]');
const disconnectButton = document.querySelector('[data-testid="relay-disconnect"]');

let session = null; // {cti, detach}

function setStatus(mode, textValue) {
  status.dataset.mode = mode;
  status.textContent = textValue;
}

function loadSdk(url) {
  if (window.Keyyo && typeof window.Keyyo.CTI === 'function') {
    return Promise.resolve(window.Keyyo);
  }
  if (!url) {
    return Promise.reject(new Error('Enter the address of the Keyyo CTI SDK (keyyo-cti.min.js).'));
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.addEventListener('load', () => (window.Keyyo && typeof window.Keyyo.CTI === 'function'
      ? resolve(window.Keyyo)
      : reject(new Error(`${url} loaded but defines no Keyyo.CTI: is it the Keyyo CTI SDK?`))));
    script.addEventListener('error', () => reject(new Error(`The Keyyo CTI SDK could not be loaded from ${url}.`)));
    document.head.append(script);
  });
}

function createSession(cti, csiToken) {
  return new Promise((resolve, reject) => {
    cti.create_session(csiToken, (error, result) => {
      if (error) {
        const code = error.error_code ? ` ${error.error_code}` : '';
        reject(new Error(`Keyyo refused the session (${error.status_code || '?'}${code}): ${error.message || 'no message'}`));
      } else {
        resolve(result || {});
      }
    });
  });
}

/** One log row per notification; its last cell follows the hub's answers (retries included). */
function logRow(message) {
  const call = message.call;
  const answer = el('td', { dataset: { testid: 'relay-log-answer' } }, 'sending…');
  const row = el('tr', { dataset: { testid: 'relay-log-row', callref: call.callref, state: call.state, result: 'pending' } },
    el('td', { className: 'num' }, new Date().toLocaleTimeString()),
    el('td', { className: 'num' }, call.callref),
    el('td', {}, call.state),
    el('td', { className: 'num' }, call.caller || '—'),
    el('td', { className: 'num' }, call.callee || '—'),
    answer);
  logRows.prepend(row);
  while (logRows.children.length > LOG_KEPT) {
    logRows.lastElementChild.remove();
  }
  return { row, answer };
}

async function connect(event) {
  event.preventDefault();
  clearMessage(errorRegion);
  const data = new FormData(form);
  const sdkUrl = (data.get('sdkUrl') || '').trim();
  const csiToken = (data.get('csiToken') || '').trim();
  const hubToken = (data.get('hubToken') || '').trim();
  if (!hubToken) {
    showMessage(errorRegion, 'Enter the hub token of the Keyyo source.');
    return;
  }
  if (!csiToken) {
    showMessage(errorRegion, 'Enter a CSI token (Keyyo Manager API: POST /services/{csi}/csi_token).');
    return;
  }
  if (sdkUrl) {
    localStorage.setItem(SDK_URL_KEY, sdkUrl);
  }
  sessionStorage.setItem(HUB_TOKEN_KEY, hubToken);
  connectButton.disabled = true;
  setStatus('connecting', 'Connecting to Keyyo…');
  try {
    const Keyyo = await loadSdk(sdkUrl);
    const cti = new Keyyo.CTI();
    const result = await createSession(cti, csiToken);
    const line = (data.get('line') || '').trim() || (result.number ? String(result.number) : '');
    const rows = new Map();
    const relay = new HubRelay(hubToken, line, ({ notification, outcome, status: code, message }) => {
      const entry = rows.get(notification);
      if (!entry) {
        return;
      }
      entry.row.dataset.result = outcome === 'accepted' ? 'ok' : outcome === 'retrying' ? 'pending' : 'error';
      entry.answer.textContent = outcome === 'accepted'
        ? `${code} ${message}`
        : outcome === 'retrying' ? `retrying (${code || 'no answer'}: ${message})` : `refused (${code || 'no answer'}): ${message}`;
      if (outcome === 'refused') {
        showMessage(errorRegion, `The hub refused a notification (${code || 'no answer'}): ${message}`);
      }
    });
    const detach = attachKeyyoCti(cti, (message) => {
      rows.set(message, logRow(message));
      relay.send(message);
    });
    session = { cti, detach };
    form.elements.csiToken.value = '';
    setStatus('live', `Relaying calls of ${line || 'the CSI'} to the hub`);
    disconnectButton.disabled = false;
  } catch (error) {
    connectButton.disabled = false;
    setStatus('idle', 'Not connected');
    showMessage(errorRegion, error.message);
  }
}

function disconnect() {
  if (!session) {
    return;
  }
  const { cti, detach } = session;
  session = null;
  detach();
  if (typeof cti.destroy_session === 'function') {
    cti.destroy_session(() => {});
  }
  disconnectButton.disabled = true;
  connectButton.disabled = false;
  setStatus('idle', 'Disconnected');
}

form.addEventListener('submit', connect);
disconnectButton.addEventListener('click', disconnect);
form.elements.sdkUrl.value = localStorage.getItem(SDK_URL_KEY) || '';
form.elements.hubToken.value = sessionStorage.getItem(HUB_TOKEN_KEY) || '';
