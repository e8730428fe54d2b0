// Failed deliveries: GET /api/v1/deliveries?status=DEAD and POST /api/v1/deliveries/{id}/replay.
// A hub without the CRM connectors has no such endpoint (404): the page says so.

import { ApiError, apiFetch, query } from './api.js';
import { el, renderLayout, showMessage, clearMessage } from './layout.js';
import { dateTime, text } from './format.js';

renderLayout();

const table = document.querySelector('[data-testid="deliveries-table"]');
const rows = document.querySelector('[data-testid="deliveries-rows"]');
const summary = document.querySelector('[data-testid="deliveries-summary"]');
const notInstalled = document.querySelector('[data-testid="deliveries-not-installed"]');
const errorRegion = document.querySelector('[data-testid="deliveries-error"]');
const resultRegion = document.querySelector('[data-testid="deliveries-result"]');

function row(item) {
  // {id, subscription, callId, feedSeq, state, status, attempts, replays, nextAttemptAt, lastError, createdAt, updatedAt}
  const { id, callId } = item;
  return el('tr', { dataset: { testid: 'delivery-row', deliveryId: String(id) } },
    el('td', { className: 'num' }, text(id)),
    el('td', {}, text(item.subscription)),
    el('td', {}, callId ? el('a', { href: `history.html?id=${encodeURIComponent(callId)}` }, callId) : '—'),
    el('td', { className: 'num' }, text(item.attempts)),
    el('td', { dataset: { testid: 'delivery-error' } }, el('pre', {}, text(item.lastError))),
    el('td', { className: 'num' }, dateTime(item.updatedAt)),
    el('td', {}, el('button', {
      type: 'button',
      dataset: { testid: 'delivery-replay' },
      attrs: { 'aria-label': `Replay delivery ${id}` },
      onClick: (event) => replay(id, event.currentTarget),
    }, 'Replay')));
}

async function load() {
  clearMessage(errorRegion);
  try {
    const page = await apiFetch(`/api/v1/deliveries${query({ status: 'DEAD', limit: 200 })}`);
    const items = page.items || [];
    const total = typeof page.total === 'number' ? page.total : items.length;
    notInstalled.hidden = true;
    table.hidden = false;
    rows.replaceChildren(...items.map(row));
    if (!items.length) {
      rows.append(el('tr', {}, el('td', { colSpan: 7 }, 'No failed delivery.')));
    }
    const noun = total === 1 ? 'failed delivery' : 'failed deliveries';
    summary.textContent = items.length === total ? `${total} ${noun}` : `${items.length} of ${total} ${noun}`;
  } catch (error) {
    table.hidden = true;
    if (error instanceof ApiError && error.status === 404 && !(error.body && error.body.message)) {
      showMessage(notInstalled,
        'The CRM connectors are not installed on this hub: it has no delivery API (GET /api/v1/deliveries answered 404).', 'info');
    } else {
      showMessage(errorRegion, `Could not load the failed deliveries: ${error.message}`);
    }
  }
}

async function replay(id, button) {
  clearMessage(errorRegion);
  clearMessage(resultRegion);
  button.disabled = true;
  try {
    await apiFetch(`/api/v1/deliveries/${encodeURIComponent(id)}/replay`, { method: 'POST' });
    showMessage(resultRegion, `Delivery ${id} is queued again.`, 'ok');
    await load();
  } catch (error) {
    button.disabled = false;
    showMessage(errorRegion, `Replay of delivery ${id} failed: ${error.message}`);
  }
}

document.querySelector('[data-testid="deliveries-refresh"]').addEventListener('click', load);
load();
