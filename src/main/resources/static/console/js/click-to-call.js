// Click-to-call: POST /api/v1/click-to-call {"line"|"agent", "number", "displayName"?, "tag"?}
// → 202 {"id","vendor","source","line","status"}; errors show the hub's message.

import { ApiError, apiFetch } from './api.js';
import { el, renderLayout, showMessage, clearMessage } from './layout.js';
import { text } from './format.js';

renderLayout();

const form = document.querySelector('[data-testid="c2c-form"]');
const fromInput = document.querySelector('[data-testid="c2c-from"]');
const fromLabel = document.querySelector('#c2c-from-label');
const submit = document.querySelector('[data-testid="c2c-submit"]');
const errorRegion = document.querySelector('[data-testid="c2c-error"]');
const result = document.querySelector('[data-testid="c2c-result"]');

function fromKind() {
  return new FormData(form).get('fromKind') === 'agent' ? 'agent' : 'line';
}

function labelFrom() {
  fromLabel.firstChild.textContent = fromKind() === 'agent' ? 'Agent ' : 'Line ';
  fromLabel.querySelector('.hint').textContent = fromKind() === 'agent' ? '(agent id or extension)' : '(your number, any format)';
}

/** The request body, or a message naming what is missing. */
export function requestBody(data, kind) {
  const from = (data.get('from') || '').trim();
  const number = (data.get('number') || '').trim();
  if (!from) {
    return { error: kind === 'agent' ? 'Enter the agent to ring first.' : 'Enter the line to ring first.' };
  }
  if (!number) {
    return { error: 'Enter the number to call.' };
  }
  const body = { [kind]: from, number };
  ['displayName', 'tag'].forEach((name) => {
    const value = (data.get(name) || '').trim();
    if (value) {
      body[name] = value;
    }
  });
  return { body };
}

/** The 202 answer: {"id","vendor","source","line","status"}; status is the call's API path (followed in the history). */
function showResult(answer) {
  const follow = answer.id
    ? el('a', { href: `history.html?id=${encodeURIComponent(answer.id)}`, dataset: { testid: 'c2c-result-follow' } }, 'Follow the call')
    : null;
  const fields = [['Call id', answer.id], ['Vendor', answer.vendor], ['Source', answer.source], ['Line', answer.line]];
  if (answer.status && !String(answer.status).startsWith('/')) {
    fields.push(['Status', answer.status]);
  }
  result.querySelector('dl').replaceChildren(...fields.flatMap(([name, value]) => [
    el('dt', {}, name), el('dd', { dataset: { testid: `c2c-result-${name.toLowerCase().replace(' ', '-')}` } }, text(value))]),
  ...(follow ? [el('dt', {}, 'History'), el('dd', {}, follow)] : []));
  result.hidden = false;
}

form.addEventListener('change', labelFrom);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearMessage(errorRegion);
  result.hidden = true;
  const { body, error } = requestBody(new FormData(form), fromKind());
  if (error) {
    showMessage(errorRegion, error);
    return;
  }
  submit.disabled = true;
  submit.textContent = 'Calling…';
  try {
    showResult(await apiFetch('/api/v1/click-to-call', { method: 'POST', body }) || {});
  } catch (failure) {
    const status = failure instanceof ApiError && failure.status ? ` (${failure.status})` : '';
    showMessage(errorRegion, `The call was not started${status}: ${failure.message}`);
  } finally {
    submit.disabled = false;
    submit.textContent = 'Call';
  }
});

const params = new URLSearchParams(location.search);
if (params.get('number')) {
  form.elements.number.value = params.get('number');
}
if (params.get('line')) {
  fromInput.value = params.get('line');
}
labelFrom();
