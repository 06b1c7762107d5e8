/*
 * Breachflow dashboard: the board (index.html) and the incident page (incident.html?id=…), in plain JS.
 * Reads the query API, listens to /api/stream and redraws what changed; charts are inline SVG. Every call carries the
 * signed-in user's bearer token (auth.js, loaded first).
 * Everything is built with DOM nodes and textContent: incident data never becomes markup.
 */
(function () {
  'use strict';

  const PAGE = document.body.dataset.page;
  const RTF_UNITS = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];

  // ---- small helpers ----------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('data-')) node.setAttribute(key, value);
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
  const words = (value) => value ? String(value).replace(/_/g, ' ') : '—';

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
    if (!dueAt) return el('span', {class: 'muted', text: 'no clock'});
    return el('span', {class: 'countdown', 'data-due': dueAt, 'data-missed': missed ? 'true' : null});
  }
  function tick() {
    const now = Date.now();
    document.querySelectorAll('.countdown[data-due]').forEach((node) => {
      const seconds = (Date.parse(node.dataset.due) - now) / 1000;
      const late = seconds < 0 || node.dataset.missed === 'true';
      node.textContent = late ? `OVERDUE by ${duration(seconds)}` : `${duration(seconds)} left`;
      node.classList.toggle('late', late);
      node.classList.toggle('soon', !late && seconds < 3600);
    });
    document.querySelectorAll('[data-since]').forEach((node) => {
      node.textContent = duration((now - Date.parse(node.dataset.since)) / 1000);
    });
  }

  // ---- live connection ----------------------------------------------------------------------------------------
  function connect(onIncident, onOpen) {
    const live = $('live');
    const show = (state, text) => {
      live.dataset.live = state;
      document.body.dataset.live = state;
      live.querySelector('.live-text').textContent = text;
    };
    if (!window.ReadableStream || !window.TextDecoderStream) {
      show('closed', 'No live updates (browser)');
      return;
    }
    // fetch streaming, not EventSource: only fetch can send the bearer token. Reconnects 3 s after an end or error.
    const open = async () => {
      try {
        await BreachflowAuth.stream('api/stream', () => {
          show('open', 'Live');
          onOpen();   // catch up with what happened while (re)connecting: the stream does not replay
        }, (name, data) => {
          if (name !== 'incident') return;
          try {
            onIncident(JSON.parse(data));
          } catch (e) {
            console.warn('unreadable incident event', e);
          }
        });
      } catch (e) {
        console.warn('live updates interrupted', e);
      }
      show('connecting', 'Reconnecting…');
      setTimeout(open, 3000);
    };
    open();
  }

  async function loadFooter() {
    try {
      const metrics = await getJson('api/metrics');
      showLag(metrics);
      return metrics;
    } catch (e) {
      $('lag').textContent = 'Projection lag: unknown';
      return null;
    }
  }
  function showLag(metrics) {
    const lag = metrics.projectionLagSeconds;
    const lagNode = $('lag');
    lagNode.textContent = 'Projection lag: ' + (lag === null || lag === undefined ? 'unknown' : duration(lag));
    lagNode.classList.toggle('lagging', lag > 60);
    $('last-event').textContent = metrics.lastEventAt ? 'Last event: ' + localTime(metrics.lastEventAt) : '';
  }

  // ---- the board ----------------------------------------------------------------------------------------------
  function board() {
    const rows = $('board-rows');
    const statusFilter = $('f-status');
    const overdueFilter = $('f-overdue');
    const params = new URLSearchParams(location.search);
    statusFilter.value = params.get('status') || '';
    overdueFilter.checked = params.get('overdue') === 'true';
    let nextCursor = null;
    let incidents = new Map();

    function query(cursor) {
      const q = new URLSearchParams({limit: '100'});
      if (statusFilter.value) q.set('status', statusFilter.value);
      if (overdueFilter.checked) q.set('overdue', 'true');
      if (cursor) q.set('cursor', cursor);
      return 'api/incidents?' + q;
    }
    const matches = (incident) => (!statusFilter.value || incident.status === statusFilter.value)
      && (!overdueFilter.checked || incident.overdue > 0);

    function row(incident) {
      const href = 'incident.html?id=' + encodeURIComponent(incident.id);
      const next = incident.nextDeadline;
      const tr = el('tr', {class: 'row', 'data-id': incident.id},
        el('td', {}, badge('st', incident.status)),
        el('td', {}, badge('sev', incident.severity)),
        el('td', {text: words(incident.grade)}),
        el('td', {class: 'title'}, el('a', {href, text: incident.title || incident.id})),
        el('td', {text: incident.sourceSystem || '—'}),
        el('td', {text: incident.assignee || '—'}),
        el('td', {}, el('span', {'data-since': incident.openedAt,
            title: 'opened ' + incident.openedAt + (incident.awareAt ? ', aware ' + incident.awareAt : '')}),
          incident.awareAt ? el('div', {class: 'muted', text: 'aware ' + localTime(incident.awareAt)}) : null),
        el('td', {}, next ? countdown(next.dueAt, incident.overdue > 0 && Date.parse(next.dueAt) < Date.now())
          : el('span', {class: 'muted', text: '—'}), next ? el('div', {class: 'muted', text: next.recipient || ''}) : null),
        el('td', {}, incident.overdue > 0 ? el('span', {class: 'badge overdue', text: `OVERDUE ${incident.overdue}`})
          : el('span', {class: 'muted', text: 'none'})),
        el('td', {class: 'num', text: String(incident.openMeasures ?? 0)}));
      tr.addEventListener('click', (event) => {
        if (!event.target.closest('a')) location.href = href;
      });
      return tr;
    }

    function render() {
      const list = [...incidents.values()].sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt)
        || (a.id < b.id ? 1 : -1));
      if (!list.length) {
        rows.replaceChildren(el('tr', {class: 'empty'}, el('td', {colSpan: 10, text: 'No incidents match.'})));
      } else {
        const existing = new Map([...rows.querySelectorAll('tr[data-id]')].map((tr) => [tr.dataset.id, tr]));
        rows.replaceChildren(...list.map((incident) => existing.get(incident.id) || row(incident)));
      }
      $('board-count').textContent = `${list.length} shown` + (nextCursor ? ' (more available)' : '');
      $('board-more').hidden = !nextCursor;
      tick();
    }

    async function load() {
      try {
        const page = await getJson(query());
        incidents = new Map(page.items.map((incident) => [incident.id, incident]));
        nextCursor = page.nextCursor || null;
        rows.replaceChildren();
        render();
      } catch (e) {
        rows.replaceChildren(el('tr', {class: 'empty'}, el('td', {colSpan: 10, text: 'Incidents cannot be loaded: ' + e.message})));
      }
    }

    async function loadMore() {
      const page = await getJson(query(nextCursor));
      page.items.forEach((incident) => incidents.set(incident.id, incident));
      nextCursor = page.nextCursor || null;
      render();
    }

    function update(incident) {
      const known = incidents.has(incident.id);
      if (!matches(incident)) {
        if (known) { incidents.delete(incident.id); render(); }
        return;
      }
      incidents.set(incident.id, incident);
      const old = rows.querySelector(`tr[data-id="${CSS.escape(incident.id)}"]`);
      const fresh = row(incident);
      fresh.classList.add('fresh');
      if (old) old.replaceWith(fresh); else rows.prepend(fresh);
      render();
      if (!known) announce(`New incident: ${incident.title} (${words(incident.severity)})`);
      else announce(`Incident updated: ${incident.title}, ${words(incident.status)}`);
    }

    function filtersChanged() {
      const q = new URLSearchParams();
      if (statusFilter.value) q.set('status', statusFilter.value);
      if (overdueFilter.checked) q.set('overdue', 'true');
      history.replaceState(null, '', q.toString() ? '?' + q : location.pathname);
      load();
    }
    statusFilter.addEventListener('change', filtersChanged);
    overdueFilter.addEventListener('change', filtersChanged);
    $('filters').addEventListener('submit', (event) => event.preventDefault());
    $('load-more').addEventListener('click', loadMore);

    load();
    loadMetrics();
    setInterval(loadMetrics, 30000);
    connect(update, load);
  }

  // ---- charts ---------------------------------------------------------------------------------------------------
  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Horizontal bars: label, bar, value written out (the number is the information, the bar the shape).
  function hbars(container, entries, format, title) {
    if (!entries.length) { container.replaceChildren(el('p', {class: 'muted', text: 'No data yet.'})); return; }
    const max = Math.max(...entries.map(([, v]) => v || 0), 1);
    const rowH = 24, labelW = 170, width = 560, barW = width - labelW - 80;
    const chart = svg('svg', {viewBox: `0 0 ${width} ${entries.length * rowH + 4}`, role: 'img', 'aria-label': title});
    entries.forEach(([label, value], i) => {
      const y = i * rowH + 2;
      chart.append(svg('text', {x: labelW - 8, y: y + 15, 'text-anchor': 'end'}, label));
      chart.append(svg('rect', {class: 'bar-rect', x: labelW, y: y + 3, height: rowH - 8,
        width: Math.max(1, (value || 0) / max * barW)}));
      chart.append(svg('text', {x: labelW + Math.max(1, (value || 0) / max * barW) + 6, y: y + 15}, format(value)));
    });
    container.replaceChildren(chart);
  }

  function vbars(container, entries, title) {
    if (!entries.length) { container.replaceChildren(el('p', {class: 'muted', text: 'No data yet.'})); return; }
    const max = Math.max(...entries.map(([, v]) => v), 1);
    const width = 560, height = 170, bottom = 22, slot = width / entries.length;
    const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title});
    chart.append(svg('line', {class: 'axis', x1: 0, x2: width, y1: height - bottom, y2: height - bottom}));
    entries.forEach(([label, value], i) => {
      const h = value / max * (height - bottom - 18);
      const x = i * slot + slot * 0.15;
      chart.append(svg('rect', {class: 'bar-rect', x, y: height - bottom - h, width: slot * 0.7, height: Math.max(h, 1)}));
      chart.append(svg('text', {x: x + slot * 0.35, y: height - bottom - h - 4, 'text-anchor': 'middle'}, String(value)));
      if (entries.length <= 16 || i % 2 === 0) {
        chart.append(svg('text', {x: x + slot * 0.35, y: height - 6, 'text-anchor': 'middle'}, label));
      }
    });
    container.replaceChildren(chart);
  }

  async function loadMetrics() {
    const metrics = await loadFooter();
    const status = $('metrics-status');
    if (!metrics) { status.textContent = 'Metrics are not available just now.'; return; }
    const fp = metrics.falsePositiveRate;
    status.textContent = 'False-positive rate: ' + (fp === null || fp === undefined ? '—' : (fp * 100).toFixed(1) + ' %');
    const hours = (s) => s === null || s === undefined ? 'no data' : (s / 3600).toFixed(s < 36000 ? 2 : 1) + ' h';
    const times = [['Triage', metrics.timeToTriage], ['First measure', metrics.timeToFirstMeasure],
      ['Containment', metrics.timeToContainment], ['Regulator notified', metrics.timeToRegulatorNotification]]
      .map(([label, stat]) => [label + (stat && stat.count ? ` (n=${stat.count})` : ''), stat ? stat.medianSeconds : null]);
    hbars($('chart-times'), times, hours, 'Median time to triage, first measure, containment and regulator notification');
    vbars($('chart-weeks'), (metrics.incidentsByWeek || []).slice(-12).map((w) => [String(w.week).replace(/^\d{4}-/, ''), w.count]),
      'Incidents by week');
    const byCount = (object) => Object.entries(object || {}).sort((a, b) => b[1] - a[1]).map(([k, v]) => [words(k), v]);
    hbars($('chart-harm'), byCount(metrics.incidentsByHarm), String, 'Incidents by harm');
    hbars($('chart-source'), byCount(metrics.incidentsBySource).slice(0, 10), String, 'Incidents by source');
  }

  // ---- the incident page ---------------------------------------------------------------------------------------
  function incidentPage() {
    const id = new URLSearchParams(location.search).get('id');

    // The timeline comes in pages (issue 10: one answer must stay small); the page follows them, up to a bound.
    async function timelineItems() {
      const base = 'api/incidents/' + encodeURIComponent(id) + '/timeline?limit=200';
      const items = [];
      let url = base;
      for (let pages = 0; url && pages < 50; pages++) {
        const page = await getJson(url);
        items.push(...page.items);
        url = page.nextCursor ? base + '&cursor=' + encodeURIComponent(page.nextCursor) : null;
      }
      return items;
    }
    if (!id) { $('incident-status').textContent = 'No incident id in the address.'; return; }
    let pending = null;

    function facts(incident) {
      const fact = (term, value) => el('div', {}, el('dt', {text: term}), el('dd', {}, value ?? '—'));
      const triage = incident.triage;
      $('facts').replaceChildren(
        fact('Status', badge('st', incident.status)),
        // Issue 11: the dashboard met an event of this incident it cannot read and stopped applying its events there.
        fact('Projection', incident.projectionStalled ? el('span', {class: 'badge overdue',
          text: `STALLED since ${new Date(incident.projectionStalled.since).toLocaleString()}: ${incident.projectionStalled.reason}`})
          : 'up to date'),
        fact('Severity', badge('sev', incident.severity)),
        fact('Grade', words(incident.grade)),
        fact('Harm', words(incident.harm)),
        fact('Harms', (incident.harms || []).length ? incident.harms.map(words).join(', ') : null),
        fact('Source', incident.sourceSystem),
        fact('Opened', timeEl(incident.openedAt)),
        fact('Aware', incident.awareAt ? el('span', {},
          timeEl(incident.awareAt), ` (from ${incident.awarenessFrom === 'ALERT_TIME' ? 'alert time' : 'receipt'})`)
          : 'not recorded (clocks ran from the opening)'),
        fact('First detection received', timeEl(incident.receivedAt)),
        fact('First detection seen', timeEl(incident.observedAt)),
        fact('Age', el('span', {'data-since': incident.openedAt})),
        fact('Assignee', incident.assignee),
        fact('Detections', String(incident.detectionsCount)),
        fact('Open measures', String(incident.openMeasures)),
        fact('People affected', incident.subjectsAffected === null ? null : Number(incident.subjectsAffected).toLocaleString()),
        fact('Triage', triage ? `${words(triage.verdict)} by ${triage.triagedBy}` : 'not triaged'),
        fact('Overdue obligations', incident.overdue > 0 ? el('span', {class: 'badge overdue', text: `OVERDUE ${incident.overdue}`}) : 'none'),
        fact('Resolved', timeEl(incident.resolvedAt)),
        fact('Closed', timeEl(incident.closedAt)),
        // Its responder free text then reads "[erased]" everywhere; times and duties stay.
        fact('Personal data erased', incident.erasedAt ? el('span', {},
          timeEl(incident.erasedAt), ` (${words(incident.erasureGround)})`) : null),
        fact('Incident id', el('code', {text: incident.id})));
    }

    function clocks(obligations) {
      const body = $('clocks');
      if (!obligations || !obligations.length) {
        body.replaceChildren(el('tr', {class: 'empty'}, el('td', {colSpan: 6, text: 'No obligations determined yet.'})));
        return;
      }
      body.replaceChildren(...obligations.map((o) => {
        const open = o.state === 'OPEN';
        return el('tr', {},
          el('td', {text: words(o.kind)}),
          el('td', {text: o.recipient || '—'}),
          el('td', {text: o.citation || '—'}),
          el('td', {}, timeEl(o.dueAt)),
          el('td', {}, open ? countdown(o.dueAt, o.overdue) : el('span', {class: 'muted', text: '—'})),
          el('td', {}, o.overdue ? el('span', {class: 'badge overdue', text: 'OVERDUE'}) : words(o.state)));
      }));
    }

    function timeline(items) {
      const list = $('timeline');
      const sorted = [...(items || [])].sort((a, b) => b.sequence - a.sequence);
      if (!sorted.length) { list.replaceChildren(el('li', {class: 'empty', text: 'No events yet.'})); return; }
      list.replaceChildren(...sorted.map((item) => el('li', {'data-type': item.type},
        el('div', {}, el('span', {class: 'type', text: words(item.type)}), ' ',
          el('span', {class: 'meta'}, timeEl(item.occurredAt), item.actor ? ' · ' + item.actor : '', ' · #' + item.sequence)),
        item.summary ? el('p', {class: 'summary', text: item.summary}) : null)));
    }

    async function load() {
      try {
        const incident = await getJson('api/incidents/' + encodeURIComponent(id));
        document.title = 'Breachflow · ' + incident.title;
        $('incident-title').textContent = incident.title;
        $('incident-status').textContent = 'Updated ' + localTime(incident.lastUpdatedAt);
        facts(incident);
        clocks(incident.obligations);
      } catch (e) {
        $('incident-status').textContent = e.status === 404 ? 'The dashboard knows no incident ' + id + ' (yet).'
          : 'The incident cannot be loaded: ' + e.message;
      }
      try {
        timeline(await timelineItems());
      } catch (e) {
        $('timeline').replaceChildren(el('li', {class: 'empty', text: 'The timeline cannot be loaded: ' + e.message}));
      }
      tick();
    }

    const reload = () => { clearTimeout(pending); pending = setTimeout(load, 150); };
    load();
    loadFooter();
    setInterval(loadFooter, 30000);
    connect((incident) => {
      if (incident.id === id) { reload(); announce(`Incident updated: ${words(incident.status)}`); }
    }, reload);
  }

  setInterval(tick, 1000);
  BreachflowAuth.ready().then(() => {
    if (PAGE === 'board') board();
    if (PAGE === 'incident') incidentPage();
  }, (e) => announce('Not signed in: ' + e.message));
})();
