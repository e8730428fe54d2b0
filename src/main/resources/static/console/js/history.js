// Call history: GET /api/v1/calls with the filters of the form, paged; one call's events on demand.

import { apiFetch, query } from './api.js';
import { el, renderLayout, showMessage, clearMessage } from './layout.js';
import { dateTime, localToIso, seconds, text } from './format.js';

const PAGE_SIZE = 20;
const FILTERS = ['number', 'line', 'vendor', 'state', 'outcome', 'since', 'until'];

renderLayout();

const form = document.querySelector('[data-testid="history-form"]');
const rows = document.querySelector('[data-testid="history-rows"]');
const summary = document.querySelector('[data-testid="history-summary"]');
const errorRegion = document.querySelector('[data-testid="history-error"]');
const prev = document.querySelector('[data-testid="history-prev"]');
const next = document.querySelector('[data-testid="history-next"]');
const detail = document.querySelector('[data-testid="call-detail"]');

let offset = 0;
let total = 0;
let selectedId = null;

/** Filters of the form as API parameters (local datetimes become UTC instants). */
function filters() {
  const data = new FormData(form);
  const params = {};
  FILTERS.forEach((name) => {
    const value = (data.get(name) || '').trim();
    params[name] = name === 'since' || name === 'until' ? localToIso(value) : value;
  });
  return params;
}

/** Keeps the search in the page address (bookmarkable; it never holds a secret). */
function remember() {
  const data = new FormData(form);
  const params = {};
  FILTERS.forEach((name) => {
    params[name] = data.get(name) || '';
  });
  if (offset) {
    params.offset = offset;
  }
  if (selectedId) {
    params.id = selectedId;
  }
  history.replaceState(null, '', `${location.pathname}${query(params)}`);
}

function restore() {
  const params = new URLSearchParams(location.search);
  FILTERS.forEach((name) => {
    if (params.has(name)) {
      form.elements[name].value = params.get(name);
    }
  });
  offset = Math.max(0, Number.parseInt(params.get('offset') || '0', 10) || 0);
  selectedId = params.get('id');
}

function row(call) {
  const tr = el('tr', { dataset: { testid: 'history-row', callId: call.id }, className: call.id === selectedId ? 'selected' : '' },
    el('td', { className: 'num' }, dateTime(call.startedAt)),
    el('td', {}, text(call.direction)),
    el('td', { className: 'num', dataset: { testid: 'history-from' } }, text(call.from)),
    el('td', { className: 'num', dataset: { testid: 'history-to' } }, text(call.to)),
    el('td', { className: 'num' }, text(call.line)),
    el('td', {}, text(call.vendor)),
    el('td', { dataset: { testid: 'history-state' } }, text(call.state)),
    el('td', { dataset: { testid: 'history-outcome' } }, text(call.outcome)),
    el('td', { className: 'num' }, seconds(call.ringSeconds)),
    el('td', { className: 'num' }, seconds(call.talkSeconds)),
    el('td', {}, text(call.agent)),
    el('td', {},
      el('button', {
        type: 'button',
        className: 'secondary',
        dataset: { testid: 'history-show' },
        attrs: { 'aria-label': `Show call ${call.from || ''} to ${call.to || ''}` },
        onClick: () => showCall(call.id),
      }, 'Events'),
      ' ',
      callBack(call)));
  return tr;
}

/** "Call back" goes to the click-to-call form with the other party's number. */
function callBack(call) {
  const other = call.direction === 'OUTBOUND' ? call.to : call.from;
  if (!other || !/\d/.test(other)) {
    return null;
  }
  const params = query({ number: other, line: call.line });
  return el('a', { href: `click-to-call.html${params}`, dataset: { testid: 'history-call-back' } }, 'Call back');
}

async function search() {
  clearMessage(errorRegion);
  summary.textContent = 'Searching…';
  remember();
  try {
    const page = await apiFetch(`/api/v1/calls${query({ ...filters(), offset, limit: PAGE_SIZE })}`);
    total = page.total;
    rows.replaceChildren(...page.items.map(row));
    if (!page.items.length) {
      rows.append(el('tr', {}, el('td', { colSpan: 12, className: 'empty' }, 'No call matches.')));
    }
    summary.textContent = page.items.length
      ? `Calls ${offset + 1}–${offset + page.items.length} of ${total}, newest first`
      : `No call matches (${total} in all).`;
  } catch (error) {
    rows.replaceChildren();
    total = 0;
    summary.textContent = 'No result.';
    showMessage(errorRegion, `Search failed: ${error.message}`);
  }
  prev.disabled = offset === 0;
  next.disabled = offset + PAGE_SIZE >= total;
}

function field(name, value) {
  return [el('dt', {}, name), el('dd', {}, value)];
}

async function showCall(id) {
  selectedId = id;
  remember();
  rows.querySelectorAll('tr').forEach((tr) => tr.classList.toggle('selected', tr.dataset.callId === id));
  try {
    const call = await apiFetch(`/api/v1/calls/${encodeURIComponent(id)}`);
    detail.querySelector('#detail-title').textContent = `Call ${text(call.from)} → ${text(call.to)}`;
    detail.querySelector('dl').replaceChildren(
      ...field('Hub id', call.id),
      ...field('Vendor / source', `${text(call.vendor)} / ${text(call.source)}`),
      ...field('Vendor call id', text(call.vendorCallId)),
      ...field('Line', text(call.line)),
      ...field('Direction', text(call.direction)),
      ...field('State / outcome', `${text(call.state)} / ${text(call.outcome)}`),
      ...field('Started', dateTime(call.startedAt)),
      ...field('Answered', dateTime(call.answeredAt)),
      ...field('Ended', dateTime(call.endedAt)),
      ...field('Ring / talk', `${seconds(call.ringSeconds)} / ${seconds(call.talkSeconds)}`),
      ...field('Agent', text(call.agent)),
      ...field('Recording', call.recordingUrl ? el('a', { href: call.recordingUrl, rel: 'noopener noreferrer', target: '_blank' }, 'listen') : '—'),
      ...field('Other ids', (call.legs || []).join(', ') || '—'));
    const events = call.events || [];
    detail.querySelector('tbody').replaceChildren(...events.map((stored) => {
      const event = stored.event || {};
      const party = (p) => (p ? text(p.number || p.raw) : '—');
      return el('tr', { dataset: { testid: 'call-event' } },
        el('td', { className: 'num' }, dateTime(stored.occurredAt || event.occurredAt)),
        el('td', {}, text(stored.kind || event.kind)),
        el('td', {}, text(stored.vendorEventType || event.vendorEventType)),
        el('td', { className: 'num' }, party(event.from)),
        el('td', { className: 'num' }, party(event.to)),
        el('td', {}, text(event.agent)));
    }));
    detail.hidden = false;
    detail.focus();
  } catch (error) {
    detail.hidden = true;
    showMessage(errorRegion, `Could not load the call: ${error.message}`);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  offset = 0;
  selectedId = null;
  detail.hidden = true;
  search();
});
form.addEventListener('reset', () => {
  setTimeout(() => form.requestSubmit(), 0);
});
prev.addEventListener('click', () => {
  offset = Math.max(0, offset - PAGE_SIZE);
  search();
});
next.addEventListener('click', () => {
  offset += PAGE_SIZE;
  search();
});

restore();
search().then(() => {
  if (selectedId) {
    showCall(selectedId);
  }
});
