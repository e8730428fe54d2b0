// The part every console page shares: the navigation, the API key field and the banner that
// explains a refused key. Each page calls renderLayout() once, before anything else.

import { apiKey, onApiStatus, setApiKey } from './api.js';

const PAGES = [
  { href: './', file: 'index.html', label: 'Live calls' },
  { href: 'history.html', file: 'history.html', label: 'Call history' },
  { href: 'click-to-call.html', file: 'click-to-call.html', label: 'Click-to-call' },
  { href: 'deliveries.html', file: 'deliveries.html', label: 'Failed deliveries' },
  { href: 'keyyo-relay.html', file: 'keyyo-relay.html', label: 'Keyyo CTI relay' },
];

/** Creates an element: el('td', {className: 'x', dataset: {testid: 'y'}}, 'text', child). */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(props).forEach(([name, value]) => {
    if (value === undefined || value === null) {
      return;
    }
    if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'attrs') {
      Object.entries(value).forEach(([attr, v]) => element.setAttribute(attr, v));
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2).toLowerCase(), value);
    } else {
      element[name] = value;
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

function currentFile() {
  const last = location.pathname.split('/').pop();
  return last === '' ? 'index.html' : last;
}

function navigation() {
  const file = currentFile();
  return el('nav', { attrs: { 'aria-label': 'Console pages' } },
    el('ul', {},
      PAGES.map((page) => el('li', {},
        el('a', {
          href: page.href,
          dataset: { testid: `nav-${page.file.replace('.html', '')}` },
          attrs: page.file === file ? { 'aria-current': 'page' } : {},
        }, page.label)))));
}

function apiKeyForm() {
  const input = el('input', {
    id: 'api-key',
    type: 'password',
    autocomplete: 'off',
    spellcheck: false,
    placeholder: 'paste your key',
    dataset: { testid: 'api-key-input' },
    attrs: { 'aria-describedby': 'api-key-status' },
  });
  const status = el('span', { id: 'api-key-status', className: 'key-status', dataset: { testid: 'api-key-status' } });
  const showStatus = () => {
    status.textContent = apiKey() ? 'Key set for this tab' : 'No key';
  };
  const form = el('form', {
    className: 'api-key',
    dataset: { testid: 'api-key-form' },
    attrs: { 'aria-label': 'API key of this tab' },
    onSubmit: (event) => {
      event.preventDefault();
      setApiKey(input.value);
      input.value = '';
      showStatus();
    },
  },
  el('label', { htmlFor: 'api-key' }, 'API key'),
  input,
  el('button', { type: 'submit', dataset: { testid: 'api-key-save' } }, 'Use key'),
  el('button', {
    type: 'button',
    className: 'secondary',
    dataset: { testid: 'api-key-clear' },
    onClick: () => {
      setApiKey('');
      input.value = '';
      showStatus();
    },
  }, 'Forget'),
  status);
  showStatus();
  return form;
}

function authBanner() {
  const banner = el('div', { className: 'banner error', hidden: true, dataset: { testid: 'auth-error' }, attrs: { role: 'alert' } });
  onApiStatus((event) => {
    if (event.type === 'auth-failed') {
      const what = event.status === 401 ? 'API key refused (401)' : 'API key not allowed (403)';
      banner.textContent = `${what}: ${event.message}`;
      banner.hidden = false;
    } else if (event.type === 'auth-ok' || event.type === 'key-changed') {
      banner.hidden = true;
      banner.textContent = '';
    }
  });
  return banner;
}

/** Fills the page's <header> and returns nothing; call once per page. */
export function renderLayout() {
  const header = document.querySelector('header.console-header');
  header.replaceChildren(
    el('div', { className: 'brand' }, el('span', { className: 'logo', attrs: { 'aria-hidden': 'true' } }, '☎'), ' Switchboard'),
    navigation(),
    apiKeyForm());
  header.after(authBanner());
}

/** Shows a message in a page's message region; kind is 'error', 'info' or 'ok'. */
export function showMessage(region, text, kind = 'error') {
  region.textContent = text;
  region.className = `message ${kind}`;
  region.hidden = !text;
}

export function clearMessage(region) {
  showMessage(region, '', 'info');
}
