/*
 * Breachflow pages: the small helpers both pages and the console share. Everything is built with DOM nodes and
 * textContent: incident data never becomes markup. Loaded after auth.js and i18n.js, before app.js and console.js.
 */
(function () {
  'use strict';

  const t = BreachflowI18n.t;
  const RTF_UNITS = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('data-') || key.startsWith('aria-')) node.setAttribute(key, value);
      else if (key in node) node[key] = value;
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  const $ = (id) => document.getElementById(id);
  // An enum value as words, in the page's language: CONFIRMED → Confirmed / 已确认.
  const words = (value) => value ? t(String(value).replace(/_/g, ' ')) : '—';

  async function getJson(url) {
    const response = await BreachflowAuth.fetch(url, {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      const error = new Error(url + ' answered ' + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  function duration(seconds) {
    let left = Math.abs(Math.round(seconds));
    const parts = [];
    for (const [unit, size] of RTF_UNITS) {
      const amount = Math.floor(left / size);
      left -= amount * size;
      if (amount || parts.length) parts.push(amount + unit);
      if (parts.length === 2) break;
    }
    return parts.length ? parts.join(' ') : '0s';
  }

  function localTime(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  const timeEl = (iso) => iso ? el('time', {dateTime: iso, title: iso, text: localTime(iso)}) : '—';

  function badge(kind, value, label) {
    return value ? el('span', {class: `badge ${kind}-${value}`, text: label || words(value)}) : '—';
  }

  function announce(message) {
    const region = $('announcer');
    region.append(el('p', {text: message}));
    while (region.childNodes.length > 5) region.firstChild.remove();
  }

  // A countdown element: updated every second by tick(); text says it, colour only repeats it.
  function countdown(dueAt, missed) {
    if (!dueAt) return el('span', {class: 'muted', text: t('no clock')});
    return el('span', {class: 'countdown', 'data-due': dueAt, 'data-missed': missed ? 'true' : null});
  }
  function tick() {
    const now = Date.now();
    document.querySelectorAll('.countdown[data-due]').forEach((node) => {
      const seconds = (Date.parse(node.dataset.due) - now) / 1000;
      const late = seconds < 0 || node.dataset.missed === 'true';
      node.textContent = late ? t('OVERDUE by {d}', {d: duration(seconds)}) : t('{d} left', {d: duration(seconds)});
      node.classList.toggle('late', late);
      node.classList.toggle('soon', !late && seconds < 3600);
    });
    document.querySelectorAll('[data-since]').forEach((node) => {
      node.textContent = duration((now - Date.parse(node.dataset.since)) / 1000);
    });
  }
  setInterval(tick, 1000);

  // The header's "signed in as": the user and their Breachflow roles as the services read them (GET api/console).
  function showUser(settings) {
    const node = $('whoami');
    if (node) {
      node.textContent = t('Signed in as {user} ({roles})', {user: settings.user,
        roles: settings.roles.map((role) => t(role)).join(', ') || t('no Breachflow role')});
    }
  }

  window.BreachflowUi = {el, $, t, words, getJson, duration, localTime, timeEl, badge, announce, countdown, tick, showUser};
})();
