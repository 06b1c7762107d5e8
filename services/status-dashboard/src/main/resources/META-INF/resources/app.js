/*
 * Breachflow dashboard: the board (index.html) and the incident page (incident.html?id=…), in plain JS.
 * Reads the query API, listens to /api/stream and redraws what changed; charts are inline SVG. Every call carries the
 * signed-in user's bearer token (auth.js, loaded first); helpers in ui.js, texts in both languages in i18n.js; the
 * incident page's actions are console.js's.
 */
(function () {
  'use strict';

  const PAGE = document.body.dataset.page;
  const {el, $, t, words, getJson, duration, localTime, timeEl, badge, announce, countdown, tick} = BreachflowUi;

  // ---- live connection ----------------------------------------------------------------------------------------
  function connect(onIncident, onOpen) {
    const live = $('live');
    const show = (state, text) => {
      live.dataset.live = state;
      document.body.dataset.live = state;
      live.querySelector('.live-text').textContent = text;
    };
    if (!window.ReadableStream || !window.TextDecoderStream) {
      show('closed', t('No live updates (browser)'));
      return;
    }
    // fetch streaming, not EventSource: only fetch can send the bearer token. Reconnects 3 s after an end or error.
    const open = async () => {
      try {
        await BreachflowAuth.stream('api/stream', () => {
          show('open', t('Live'));
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
      show('connecting', t('Reconnecting…'));
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
      $('lag').textContent = t('Projection lag: {d}', {d: t('unknown')});
      return null;
    }
  }
  function showLag(metrics) {
    const lag = metrics.projectionLagSeconds;
    const lagNode = $('lag');
    lagNode.textContent = t('Projection lag: {d}', {d: lag === null || lag === undefined ? t('unknown') : duration(lag)});
    lagNode.classList.toggle('lagging', lag > 60);
    $('last-event').textContent = metrics.lastEventAt ? t('Last event: {time}', {time: localTime(metrics.lastEventAt)}) : '';
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
          incident.awareAt ? el('div', {class: 'muted', text: t('aware {time}', {time: localTime(incident.awareAt)})}) : null),
        el('td', {}, next ? countdown(next.dueAt, incident.overdue > 0 && Date.parse(next.dueAt) < Date.now())
          : el('span', {class: 'muted', text: '—'}), next ? el('div', {class: 'muted', text: next.recipient || ''}) : null),
        el('td', {}, incident.overdue > 0 ? el('span', {class: 'badge overdue', text: t('OVERDUE {n}', {n: incident.overdue})})
          : el('span', {class: 'muted', text: t('none')})),
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
        rows.replaceChildren(el('tr', {class: 'empty'}, el('td', {colSpan: 10, text: t('No incidents match.')})));
      } else {
        const existing = new Map([...rows.querySelectorAll('tr[data-id]')].map((tr) => [tr.dataset.id, tr]));
        rows.replaceChildren(...list.map((incident) => existing.get(incident.id) || row(incident)));
      }
      $('board-count').textContent = t('{n} shown', {n: list.length}) + (nextCursor ? ' ' + t('(more available)') : '');
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
        rows.replaceChildren(el('tr', {class: 'empty'}, el('td', {colSpan: 10, text: t('Incidents cannot be loaded: {reason}', {reason: e.message})})));
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
      if (!known) announce(t('New incident: {title} ({severity})', {title: incident.title, severity: words(incident.severity)}));
      else announce(t('Incident updated: {title}, {status}', {title: incident.title, status: words(incident.status)}));
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
    getJson('api/console').then(BreachflowUi.showUser, () => {});   // who is signed in: a nicety, the board works without
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
    if (!entries.length) { container.replaceChildren(el('p', {class: 'muted', text: t('No data yet.')})); return; }
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
    if (!entries.length) { container.replaceChildren(el('p', {class: 'muted', text: t('No data yet.')})); return; }
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
    if (!metrics) { status.textContent = t('Metrics are not available just now.'); return; }
    const fp = metrics.falsePositiveRate;
    status.textContent = t('False-positive rate: {rate}', {rate: fp === null || fp === undefined ? '—' : (fp * 100).toFixed(1) + ' %'});
    const hours = (s) => s === null || s === undefined ? t('no data') : (s / 3600).toFixed(s < 36000 ? 2 : 1) + ' h';
    const times = [['Triage', metrics.timeToTriage], ['First measure', metrics.timeToFirstMeasure],
      ['Containment', metrics.timeToContainment], ['Regulator notified', metrics.timeToRegulatorNotification]]
      .map(([label, stat]) => [t(label) + (stat && stat.count ? ` (n=${stat.count})` : ''), stat ? stat.medianSeconds : null]);
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
    if (!id) { $('incident-status').textContent = t('No incident id in the address.'); return; }
    let pending = null;

    function facts(incident) {
      const fact = (term, value) => el('div', {}, el('dt', {text: t(term)}), el('dd', {}, value ?? '—'));
      const triage = incident.triage;
      $('facts').replaceChildren(
        fact('Status', badge('st', incident.status)),
        // Issue 11: the dashboard met an event of this incident it cannot read and stopped applying its events there.
        fact('Projection', incident.projectionStalled ? el('span', {class: 'badge overdue',
          text: t('STALLED since {time}: {reason}', {time: new Date(incident.projectionStalled.since).toLocaleString(),
            reason: incident.projectionStalled.reason})})
          : t('up to date')),
        fact('Severity', badge('sev', incident.severity)),
        fact('Grade', words(incident.grade)),
        fact('Harm', words(incident.harm)),
        fact('Harms', (incident.harms || []).length ? incident.harms.map(words).join(', ') : null),
        fact('Source', incident.sourceSystem),
        fact('Opened', timeEl(incident.openedAt)),
        fact('Aware', incident.awareAt ? el('span', {},
          timeEl(incident.awareAt), ' ' + t(incident.awarenessFrom === 'ALERT_TIME' ? '(from alert time)' : '(from receipt)'))
          : t('not recorded (clocks ran from the opening)')),
        fact('First detection received', timeEl(incident.receivedAt)),
        fact('First detection seen', timeEl(incident.observedAt)),
        fact('Age', el('span', {'data-since': incident.openedAt})),
        fact('Assignee', incident.assignee),
        fact('Detections', String(incident.detectionsCount)),
        fact('Open measures', String(incident.openMeasures)),
        fact('People affected', incident.subjectsAffected === null ? null : Number(incident.subjectsAffected).toLocaleString()),
        fact('Triage', triage ? t('{verdict} by {who}', {verdict: words(triage.verdict), who: triage.triagedBy}) : t('not triaged')),
        fact('Overdue obligations', incident.overdue > 0 ? el('span', {class: 'badge overdue', text: t('OVERDUE {n}', {n: incident.overdue})}) : t('none')),
        fact('Resolved', timeEl(incident.resolvedAt)),
        fact('Closed', timeEl(incident.closedAt)),
        // Its responder free text then reads "[erased]" everywhere; times and duties stay.
        fact('Personal data erased', incident.erasedAt ? el('span', {},
          timeEl(incident.erasedAt), ` (${words(incident.erasureGround)})`) : null),
        fact('Incident id', el('code', {text: incident.id})));
    }

    // Rows are kept by obligation and only their cells redrawn: the last cell holds the console's forms (console.js),
    // which must keep what the user typed, and the focus, while live updates come in.
    function clocks(obligations) {
      const body = $('clocks');
      if (!obligations || !obligations.length) {
        body.replaceChildren(el('tr', {class: 'empty'}, el('td', {colSpan: 7, text: t('No obligations determined yet.')})));
        return;
      }
      const rows = new Map([...body.querySelectorAll('tr[data-obligation]')].map((tr) => [tr.dataset.obligation, tr]));
      const wanted = obligations.map((o) => {
        const tr = rows.get(o.obligationId)
          || el('tr', {'data-obligation': o.obligationId}, [0, 1, 2, 3, 4, 5].map(() => el('td')), el('td', {class: 'acts'}));
        tr.dataset.state = o.state;
        const open = o.state === 'OPEN';
        [words(o.kind), o.recipient || '—', o.citation || '—', timeEl(o.dueAt),
          open ? countdown(o.dueAt, o.overdue) : el('span', {class: 'muted', text: '—'}),
          o.overdue ? el('span', {class: 'badge overdue', text: t('OVERDUE')}) : words(o.state)]
          .forEach((content, i) => tr.cells[i].replaceChildren(content));
        return tr;
      });
      body.querySelectorAll('tr:not([data-obligation])').forEach((tr) => tr.remove());
      [...rows.values()].filter((tr) => !wanted.includes(tr)).forEach((tr) => tr.remove());
      wanted.forEach((tr, i) => { if (body.children[i] !== tr) body.insertBefore(tr, body.children[i] || null); });
    }

    function timeline(items) {
      const list = $('timeline');
      const sorted = [...(items || [])].sort((a, b) => b.sequence - a.sequence);
      if (!sorted.length) { list.replaceChildren(el('li', {class: 'empty', text: t('No events yet.')})); return; }
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
        $('incident-status').textContent = t('Updated {time}', {time: localTime(incident.lastUpdatedAt)});
        facts(incident);
        clocks(incident.obligations);
        document.dispatchEvent(new CustomEvent('breachflow:incident', {detail: incident}));   // console.js
      } catch (e) {
        $('incident-status').textContent = e.status === 404 ? t('The dashboard knows no incident {id} (yet).', {id})
          : t('The incident cannot be loaded: {reason}', {reason: e.message});
      }
      try {
        timeline(await timelineItems());
      } catch (e) {
        $('timeline').replaceChildren(el('li', {class: 'empty', text: t('The timeline cannot be loaded: {reason}', {reason: e.message})}));
      }
      tick();
    }

    const reload = () => { clearTimeout(pending); pending = setTimeout(load, 150); };
    load();
    loadFooter();
    setInterval(loadFooter, 30000);
    connect((incident) => {
      if (incident.id === id) { reload(); announce(t('Incident updated: {title}, {status}', {title: incident.title, status: words(incident.status)})); }
    }, reload);
  }

  BreachflowAuth.ready().then(() => {
    if (PAGE === 'board') board();
    if (PAGE === 'incident') incidentPage();
  }, (e) => announce(t('Not signed in: {reason}', {reason: e.message})));
})();
