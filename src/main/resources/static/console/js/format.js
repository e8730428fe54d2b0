// Display helpers shared by the pages. Times are shown in the operator's local time zone.

export function dateTime(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function time(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString();
}

export function seconds(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  const s = Math.max(0, Math.round(value));
  const minutes = Math.floor(s / 60);
  return minutes ? `${minutes} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/** Seconds elapsed since an ISO time, for a running call. */
export function since(iso, now = Date.now()) {
  if (!iso) {
    return null;
  }
  const start = new Date(iso).getTime();
  return Number.isNaN(start) ? null : (now - start) / 1000;
}

export function text(value) {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** A datetime-local value (the operator's local time) as an ISO-8601 UTC instant, or ''. */
export function localToIso(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
