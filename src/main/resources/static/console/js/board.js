// Live calls board: ringing, in conversation, recently ended.

import { ApiError, onApiStatus } from './api.js';
import { el, renderLayout, showMessage, clearMessage } from './layout.js';
import { seconds, since, text, time } from './format.js';
import { LiveFeed } from './live-feed.js';

const ENDED_KEPT = 25;
const STATE_RANK = new Map([['RINGING', 0], ['ANSWERED', 1], ['ENDED', 2]]);

renderLayout();

const columns = {
  RINGING: document.querySelector('[data-testid="board-ringing"]'),
  ANSWERED: document.querySelector('[data-testid="board-answered"]'),
  ENDED: document.querySelector('[data-testid="board-ended"]'),
};
const counts = {
  RINGING: document.querySelector('[data-testid="count-ringing"]'),
  ANSWERED: document.querySelector('[data-testid="count-answered"]'),
  ENDED: document.querySelector('[data-testid="count-ended"]'),
};
const modeLabel = document.querySelector('[data-testid="feed-mode"]');
const errorRegion = document.querySelector('[data-testid="board-error"]');
const filterForm = document.querySelector('[data-testid="board-filter"]');

/** Every call on the board by id, and the order ended calls arrived in. */
const calls = new Map();
let endedOrder = [];
let filter = readFilter();
let feed = null;

function list(value) {
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

function readFilter() {
  const data = new FormData(filterForm);
  return { lines: list(data.get('lines') || ''), agents: list(data.get('agents') || '') };
}

/**
 * Compares numbers loosely, as typed by an operator: '+33 1 72 58 79 48', '33172587948' and
 * '01 72 58 79 48' are the same line (same last 9 digits); short numbers (extensions) must be equal.
 */
function sameNumber(a, b) {
  const x = String(a || '').replace(/\D/g, '');
  const y = String(b || '').replace(/\D/g, '');
  if (x.length >= 9 && y.length >= 9) {
    return x.slice(-9) === y.slice(-9);
  }
  return x === y && x !== '';
}

/** Like the hub's live feed: lines and agents together match a call on either. */
function matches(call) {
  if (!filter.lines.length && !filter.agents.length) {
    return true;
  }
  return filter.lines.some((line) => sameNumber(line, call.line))
    || filter.agents.some((agent) => String(call.agent || '') === agent);
}

function card(call) {
  const runningFrom = call.answeredAt || call.startedAt;
  return el('li', {
    className: `call-card ${call.state.toLowerCase()}`,
    dataset: { testid: 'board-call', callId: call.id, state: call.state },
  },
  el('div', { className: 'parties' },
    el('span', { className: 'from', dataset: { testid: 'call-from' } }, text(call.from)),
    el('span', { className: 'arrow', attrs: { 'aria-label': 'to' } }, ' → '),
    el('span', { className: 'to', dataset: { testid: 'call-to' } }, text(call.to))),
  el('dl', { className: 'facts' },
    el('dt', {}, 'Line'), el('dd', {}, text(call.line)),
    el('dt', {}, 'Direction'), el('dd', {}, text(call.direction)),
    el('dt', {}, 'Vendor'), el('dd', {}, text(call.vendor)),
    call.agent ? [el('dt', {}, 'Agent'), el('dd', {}, call.agent)] : null,
    el('dt', {}, 'Started'), el('dd', {}, time(call.startedAt)),
    call.state === 'ENDED'
      ? [el('dt', {}, 'Outcome'), el('dd', { dataset: { testid: 'call-outcome' } }, text(call.outcome)),
        el('dt', {}, 'Talk'), el('dd', {}, seconds(call.talkSeconds))]
      : [el('dt', {}, call.state === 'ANSWERED' ? 'Talking' : 'Ringing'),
        el('dd', { className: 'running', dataset: { since: runningFrom || '' } }, seconds(since(runningFrom)))]),
  el('a', { className: 'details', href: `history.html?id=${encodeURIComponent(call.id)}` }, 'Details'));
}

function render() {
  const byState = { RINGING: [], ANSWERED: [], ENDED: [] };
  calls.forEach((call) => {
    if (matches(call) && byState[call.state]) {
      byState[call.state].push(call);
    }
  });
  const newestFirst = (a, b) => String(b.startedAt).localeCompare(String(a.startedAt));
  byState.RINGING.sort(newestFirst);
  byState.ANSWERED.sort(newestFirst);
  const endedRank = new Map(endedOrder.map((id, index) => [id, index]));
  byState.ENDED.sort((a, b) => endedRank.get(b.id) - endedRank.get(a.id));
  Object.entries(byState).forEach(([state, items]) => {
    columns[state].replaceChildren(...items.map(card));
    if (!items.length) {
      columns[state].append(el('li', { className: 'empty' }, state === 'ENDED' ? 'No call ended yet' : 'No call'));
    }
    counts[state].textContent = String(items.length);
  });
}

const announcer = document.querySelector('[data-testid="board-announcer"]');

/** Tells screen readers about a state change (the columns themselves are re-drawn, not announced). */
function announce(call) {
  const what = { RINGING: 'ringing', ANSWERED: 'answered', ENDED: `ended, ${String(call.outcome || '').toLowerCase()}` };
  announcer.textContent = `Call from ${text(call.from)} to ${text(call.to)} ${what[call.state]}`;
}

let renderPending = false;

/** Renders once after a burst of updates (a polling round brings many calls at once). */
function scheduleRender() {
  if (!renderPending) {
    renderPending = true;
    setTimeout(() => {
      renderPending = false;
      render();
    }, 0);
  }
}

function onCall(call) {
  const previous = calls.get(call.id);
  if (!STATE_RANK.has(call.state) || (previous && STATE_RANK.get(call.state) < STATE_RANK.get(previous.state))) {
    return; // a call's state only moves forward: a late snapshot must not move it back
  }
  if (previous && JSON.stringify(previous) === JSON.stringify(call)) {
    return; // polling brings the same calls again and again
  }
  calls.set(call.id, call);
  if ((!previous || previous.state !== call.state) && matches(call)) {
    announce(call);
  }
  if (call.state === 'ENDED' && (!previous || previous.state !== 'ENDED')) {
    endedOrder = endedOrder.filter((id) => id !== call.id).concat(call.id);
    while (endedOrder.length > ENDED_KEPT) {
      calls.delete(endedOrder.shift());
    }
  }
  scheduleRender();
}

function activeIds() {
  return [...calls.values()].filter((call) => call.state !== 'ENDED').map((call) => call.id);
}

function onMode(mode, detail) {
  modeLabel.textContent = detail;
  modeLabel.dataset.mode = mode;
}

function onError(error) {
  if (!error) {
    clearMessage(errorRegion);
  } else if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) {
    showMessage(errorRegion, `Could not refresh the board: ${error.message}`);
  } else {
    showMessage(errorRegion, 'The board cannot load calls until a valid API key is entered.');
  }
}

function restart() {
  if (feed) {
    feed.stop();
  }
  feed = new LiveFeed(filter, { onCall, onMode, onError, activeIds });
  feed.start();
}

filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  filter = readFilter();
  render();
  restart();
});

// Running durations tick without re-rendering the cards.
setInterval(() => {
  document.querySelectorAll('dd.running[data-since]').forEach((dd) => {
    dd.textContent = seconds(since(dd.dataset.since));
  });
}, 1000);

onApiStatus((event) => {
  if (event.type === 'key-changed') {
    restart();
  }
});

render();
restart();
