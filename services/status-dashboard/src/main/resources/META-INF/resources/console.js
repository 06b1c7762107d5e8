/*
 * The console: on the incident page, every action the workflow's API offers, shown only to the roles that may take
 * it (the workflow checks again: a refusal shows its problem's detail), the filings generated from the log (preview,
 * copy, download as Markdown and JSON) and the incident as the log stood at any moment.
 * Commands go straight to the workflow's API (GET api/console says where, and who the user is) with the user's
 * token; what they change comes back through the dashboard's live stream like everyone else's changes.
 * Forms keep what the user typed while live updates redraw the page: they are built once and only shown or hidden.
 * README, "The console".
 */
(function () {
  'use strict';

  if (document.body.dataset.page !== 'incident') return;
  const {el, $, t, words, localTime, timeEl, announce, getJson, tick} = BreachflowUi;
  let id = null;           // read once signed in: coming back from the provider, the address holds its answer first
  const RESPONDERS = ['responder', 'dpo'];
  const DPO = ['dpo'];

  // The values the workflow's API accepts (contracts: MeasureKind, IncidentGrade, FilingDetail, ErasureGround, HarmKind).
  const MEASURE_KINDS = ['CONTAIN', 'REVOKE_CREDENTIALS', 'ISOLATE_SYSTEM', 'TAKE_DOWN_PUBLISHED_DATA', 'RESTORE_FROM_BACKUP', 'PATCH', 'OTHER'];
  const GRADES = ['GENERAL', 'RELATIVELY_MAJOR', 'MAJOR', 'ESPECIALLY_MAJOR'];
  const FILING_DETAILS = ['PLACE', 'SUPPORT_NEEDED', 'TREND', 'RANSOM_DEMAND', 'SITE_PROTECTION', 'PLANNED_MEASURES',
    'INDIVIDUAL_MEASURES', 'LESSONS_LEARNED', 'DELAY_REASONS', 'PERPETRATOR_FINDINGS'];
  const ERASURE_GROUNDS = ['RETENTION_ENDED', 'DATA_SUBJECT_REQUEST', 'DPO_DECISION'];
  const HARMS = ['DISCLOSURE', 'LOSS', 'DAMAGE', 'TAMPERING'];
  const PHASES = ['INITIAL', 'SUPPLEMENTARY', 'FINAL'];

  let settings = null;     // {user, roles, workflowUrl}
  let record = null;       // the workflow's history of this incident, now
  let filings = [];        // the filings the incident calls for
  let fieldCount = 0;

  const may = (roles) => roles.some((role) => settings.roles.includes(role));
  const incidentPath = (path) => settings.workflowUrl + '/api/incidents/' + encodeURIComponent(id) + path;

  // ---- talking to the workflow ---------------------------------------------------------------------------------
  // A refused request as an Error whose message is the problem's own words (title, detail and the errors it lists).
  async function refusal(response) {
    let problem = {};
    try { problem = await response.json(); } catch (e) { /* not a problem document */ }
    const errors = Array.isArray(problem.errors) && problem.errors.length ? ' (' + problem.errors.join('; ') + ')' : '';
    const error = new Error(`${response.status} ${problem.title || ''}${problem.detail ? ': ' + problem.detail : ''}${errors}`);
    error.status = response.status;
    return error;
  }
  async function workflow(path, init) {
    const response = await BreachflowAuth.fetch(incidentPath(path), init);
    if (!response.ok) throw await refusal(response);
    return response;
  }
  const readJson = async (path) => (await workflow(path, {headers: {Accept: 'application/json'}})).json();
  const readMarkdown = async (path) => (await workflow(path, {headers: {Accept: 'text/markdown'}})).text();
  const post = (path, body) => workflow(path, {method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'}, body: JSON.stringify(body)});

  function result(done, text) {
    const node = $('work-result');
    node.textContent = text;
    node.dataset.result = done ? 'done' : 'refused';
    node.hidden = false;
    announce(text);
  }

  // ---- forms ---------------------------------------------------------------------------------------------------
  // A field: {name, label, type: text|textarea|number|list|select|checkbox|checkboxes, options, value, optional, hint}.
  // list = comma-separated values sent as an array; select options are values or [value, label] pairs.
  function field(spec) {
    const fid = `c${++fieldCount}-${spec.name}`;
    const kind = spec.type || 'text';
    if (kind === 'checkbox') {
      return el('div', {class: 'field'}, el('label', {class: 'check'},
        el('input', {type: 'checkbox', id: fid, name: spec.name, checked: !!spec.value, 'data-kind': kind}), ' ', t(spec.label)));
    }
    if (kind === 'checkboxes') {
      return el('fieldset', {class: 'field'}, el('legend', {text: t(spec.label)}), ...spec.options.map((option) =>
        el('label', {class: 'check'}, el('input', {type: 'checkbox', name: spec.name, value: option, 'data-kind': kind}), ' ', words(option))));
    }
    let input;
    if (kind === 'select') {
      input = el('select', {id: fid, name: spec.name, 'data-kind': kind}, ...spec.options.map((option) => {
        const [value, label] = Array.isArray(option) ? option : [option, words(option)];
        return el('option', {value, text: label});
      }));
    } else if (kind === 'textarea') {
      input = el('textarea', {id: fid, name: spec.name, rows: spec.rows || 3, maxLength: spec.maxLength || 4000, 'data-kind': kind});
    } else {
      input = el('input', {id: fid, name: spec.name, type: kind === 'number' ? 'number' : 'text', 'data-kind': kind,
        min: kind === 'number' ? '0' : null, maxLength: kind === 'number' ? null : 200});
    }
    input.required = !spec.optional;
    if (spec.value !== undefined && spec.value !== null) input.value = spec.value;
    return el('div', {class: 'field'}, el('label', {htmlFor: fid, text: t(spec.label) + (spec.optional ? ' ' + t('(optional)') : '')}),
      input, spec.hint ? el('small', {class: 'muted', text: t(spec.hint)}) : null);
  }

  function values(form) {
    const body = {};
    for (const input of form.querySelectorAll('[data-kind]')) {
      const kind = input.dataset.kind;
      if (kind === 'checkboxes') {
        body[input.name] = body[input.name] || [];
        if (input.checked) body[input.name].push(input.value);
      } else if (kind === 'checkbox') {
        body[input.name] = input.checked;
      } else if (input.value.trim() === '') {
        continue;   // optional and left empty: not sent
      } else if (kind === 'number') {
        body[input.name] = Number(input.value);
      } else if (kind === 'list') {
        body[input.name] = input.value.split(',').map((item) => item.trim()).filter(Boolean);
      } else {
        body[input.name] = input.value;
      }
    }
    return body;
  }

  /*
   * One action as a disclosure (<details>): one Tab stop until opened with Enter or Space, its first field focused
   * then. Submitting posts to the workflow; a refusal keeps what was typed and shows the problem's detail.
   */
  function actionForm(action) {
    const label = t(action.label);
    const submit = el('button', {type: 'submit', class: 'primary', text: t(action.submit || action.label)});
    const form = el('form', {class: 'action-form', 'aria-label': label}, ...action.fields().map(field), submit);
    const details = el('details', {class: 'action', 'data-action': action.id}, el('summary', {text: label}), form);
    details.addEventListener('toggle', () => {
      if (!details.open) return;
      if (action.opened) action.opened(form);
      const first = form.querySelector('input, select, textarea');
      if (first) first.focus();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        await post(action.path(), action.body ? action.body(values(form)) : values(form));
        form.reset();
        details.open = false;
        await refresh();   // first: when the result shows, the actions offered already fit the new state
        result(true, t('{action}: recorded.', {action: label}));
      } catch (e) {
        result(false, t('{action} refused: {reason}', {action: label, reason: e.message}));
        form.querySelector('input, select, textarea, button').focus();
      } finally {
        submit.disabled = false;
      }
    });
    return details;
  }

  // ---- the incident's actions ----------------------------------------------------------------------------------
  const uuid = () => crypto.randomUUID ? crypto.randomUUID()
    : 'c-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  const status = () => record ? record.status : null;
  const isAnyOf = (...states) => () => states.includes(status());

  const ACTIONS = [
    {id: 'triage', label: 'Triage', roles: RESPONDERS, when: isAnyOf('OPEN'), path: () => '/triage',
      fields: () => [{name: 'verdict', label: 'Verdict', type: 'select', options: ['CONFIRMED', 'FALSE_POSITIVE']},
        {name: 'rationale', label: 'Rationale', type: 'textarea', hint: 'Kept in the log as evidence.'}]},
    {id: 'assign', label: 'Assign', roles: RESPONDERS, when: () => status() !== 'CLOSED', path: () => '/assign',
      fields: () => [{name: 'assignee', label: 'Assignee', value: settings.user}]},
    {id: 'measure', label: 'Start a measure', roles: RESPONDERS, when: isAnyOf('OPEN', 'CONFIRMED'), path: () => '/measures',
      fields: () => [{name: 'kind', label: 'Kind of measure', type: 'select', options: MEASURE_KINDS},
        {name: 'description', label: 'What is being done', type: 'textarea'}],
      body: (v) => Object.assign({measureId: uuid()}, v)},
    {id: 'assessment', label: 'Assess the impact', roles: RESPONDERS, when: isAnyOf('CONFIRMED', 'RESOLVED'), path: () => '/assessment',
      fields: () => [
        {name: 'personalDataCategories', label: 'Categories of personal data', type: 'list', hint: 'Comma-separated, e.g. email, phone_number'},
        {name: 'subjectsAffected', label: 'People affected', type: 'number'},
        {name: 'recordsAffected', label: 'Records affected', type: 'number'},
        {name: 'jurisdictions', label: 'Where the people are', type: 'list', value: 'CN', hint: 'ISO country codes or EU, comma-separated'},
        {name: 'likelyConsequences', label: 'Likely consequences for them', type: 'textarea'},
        {name: 'sensitiveData', label: 'Sensitive personal information', type: 'checkbox'},
        {name: 'minorsData', label: 'Data of minors', type: 'checkbox'},
        {name: 'suspectedCrime', label: 'A crime is suspected', type: 'checkbox'},
        {name: 'harms', label: 'Harms found', type: 'checkboxes', options: HARMS}]},
    {id: 'grade', label: 'Grade', roles: RESPONDERS, when: isAnyOf('CONFIRMED', 'RESOLVED'), path: () => '/grade',
      fields: () => [{name: 'grade', label: 'Grade', type: 'select', options: GRADES},
        {name: 'rationale', label: 'Why this grade', type: 'textarea'}]},
    {id: 'filing-details', label: 'State a filing detail', roles: RESPONDERS, when: isAnyOf('CONFIRMED', 'RESOLVED'),
      path: () => '/filing-details',
      fields: () => [{name: 'item', label: 'Item', type: 'select', options: FILING_DETAILS},
        {name: 'text', label: 'Text', type: 'textarea'}],
      body: (v) => ({details: {[v.item]: v.text}})},
    {id: 'resolve', label: 'Resolve', roles: RESPONDERS, when: isAnyOf('CONFIRMED'), path: () => '/resolve',
      fields: () => [{name: 'rootCause', label: 'Root cause and what was changed', type: 'textarea'}]},
    {id: 'close', label: 'Close', roles: DPO, when: isAnyOf('RESOLVED', 'FALSE_POSITIVE'), path: () => '/close',
      fields: () => [{name: 'summary', label: 'Summary kept with the closed incident', type: 'textarea'}]},
    {id: 'reopen', label: 'Reopen', roles: RESPONDERS, when: isAnyOf('RESOLVED', 'FALSE_POSITIVE', 'CLOSED'), path: () => '/reopen',
      fields: () => [{name: 'reason', label: 'Why it needs work again', type: 'textarea'}]},
    {id: 'note', label: 'Add a note', roles: RESPONDERS, when: () => true, path: () => '/notes',
      fields: () => [{name: 'text', label: 'Note', type: 'textarea'}], body: (v) => Object.assign({noteId: uuid()}, v)},
    {id: 'profile', label: 'Judge by the current profile', roles: DPO, when: () => status() !== 'CLOSED', path: () => '/profile',
      fields: () => [{name: 'reason', label: 'Reason', type: 'textarea'}]},
    {id: 'erase', label: 'Erase personal data', roles: DPO, when: () => true, path: () => '/erase-personal-data',
      fields: () => [{name: 'ground', label: 'Ground', type: 'select', options: ERASURE_GROUNDS},
        {name: 'reference', label: 'Reference (a ticket, never a name)', optional: true}]},
  ];
  const built = new Map();   // action id (or measure/obligation key) → its <details>, kept across redraws

  function kept(key, make) {
    if (!built.has(key)) built.set(key, make());
    return built.get(key);
  }

  // Shows the actions that fit the incident's state; appends only what is not yet in place (focus stays put).
  function place(container, nodes) {
    const wanted = new Set(nodes);
    [...container.children].forEach((child) => { if (!wanted.has(child)) child.remove(); });
    nodes.forEach((node, i) => { if (container.children[i] !== node) container.insertBefore(node, container.children[i] || null); });
  }

  function drawActions() {
    const allowed = ACTIONS.filter((action) => may(action.roles) && action.when());
    place($('actions'), allowed.map((action) => kept(action.id, () => actionForm(action))));
    const running = (record.measures || []).filter((measure) => !measure.completedAt);
    place($('measures'), may(RESPONDERS) ? running.map((measure) => kept('measure:' + measure.measureId, () => actionForm({
      id: 'complete-measure', label: t('Complete: {what}', {what: words(measure.kind) + ' · ' + (measure.description || '')}),
      submit: 'Complete', path: () => '/measures/' + encodeURIComponent(measure.measureId) + '/complete',
      fields: () => [{name: 'outcome', label: 'What it achieved', type: 'textarea'},
        {name: 'effective', label: 'It stopped or limited the harm', type: 'checkbox', value: true}]}))) : []);
    $('no-actions').hidden = allowed.length > 0 || running.length > 0;
  }

  // ---- obligations: what each still needs, and how it is met -----------------------------------------------------
  function filingsFor(obligationId) {
    return filings.filter((filing) => Object.prototype.hasOwnProperty.call(filing.obligations, obligationId));
  }

  // Recording a notification: the content is the filing generated from the log, as the user may still edit it before
  // sending; only its SHA-256 is kept in the log.
  function notificationForm(obligation) {
    const toPeople = obligation.kind === 'DATA_SUBJECT_NOTIFICATION';
    const choices = filingsFor(obligation.obligationId).map((filing) => [filing.kind, filing.title]);
    const fields = toPeople
      ? [{name: 'channel', label: 'How they were told', value: 'email'},
        {name: 'subjectsNotified', label: 'People told', type: 'number', value: record.assessment ? record.assessment.subjectsAffected : null}]
      : [{name: 'authority', label: 'Authority told', value: obligation.recipient},
        {name: 'phase', label: 'Phase', type: 'select', options: PHASES, value: obligation.kind === 'FINAL_REPORT' ? 'FINAL' : 'INITIAL'},
        {name: 'reference', label: "The authority's reference", optional: true}];
    if (choices.length) fields.push({name: 'filing', label: 'Filing', type: 'select', options: choices});
    fields.push({name: 'content', label: 'Content as sent', type: 'textarea', rows: 8, maxLength: 1000000,
      hint: 'Only its SHA-256 is kept.'});
    const fill = async (form) => {
      const choice = form.elements.filing;
      if (!choice || form.elements.content.value) return;
      try {
        form.elements.content.value = await readMarkdown('/filings/' + encodeURIComponent(choice.value));
      } catch (e) {
        result(false, t('The filing cannot be generated: {reason}', {reason: e.message}));
      }
    };
    const details = actionForm({id: 'notify', label: toPeople ? 'Record the notice to people' : 'Record the report',
      path: () => toPeople ? '/notifications/data-subjects' : '/notifications/regulator',
      fields: () => fields, opened: fill,
      body: (v) => { delete v.filing; return Object.assign({obligationId: obligation.obligationId}, v); }});
    const form = details.querySelector('form');
    if (form.elements.filing) {
      form.elements.filing.addEventListener('change', () => { form.elements.content.value = ''; fill(form); });
    }
    return details;
  }

  function waiverForm(obligation) {
    return actionForm({id: 'waive', label: 'Waive', submit: 'Waive on this ground',
      path: () => '/obligations/' + encodeURIComponent(obligation.obligationId) + '/waive',
      fields: () => [{name: 'ground', label: 'Legal ground', type: 'select', options: obligation.waiverGrounds.map((ground) =>
        [ground.id, `${ground.citation}: ${ground.description}`])},
      {name: 'rationale', label: 'Why the ground holds', type: 'textarea'}]});
  }

  function revokeForm(obligation) {
    return actionForm({id: 'revoke-waiver', label: 'Revoke the waiver',
      path: () => '/obligations/' + encodeURIComponent(obligation.obligationId) + '/revoke-waiver',
      fields: () => [{name: 'reason', label: 'Reason', type: 'textarea'}]});
  }

  function drawObligations() {
    const byId = new Map((record.obligations || []).map((obligation) => [obligation.obligationId, obligation]));
    document.querySelectorAll('#clocks tr[data-obligation]').forEach((row) => {
      const obligation = byId.get(row.dataset.obligation);
      const cell = row.querySelector('td.acts');
      if (!obligation || !cell) return;
      const key = (what) => `${what}:${obligation.obligationId}:${obligation.state}:${obligation.determinations}`;
      const nodes = [];
      if (obligation.state === 'OPEN') {
        if (obligation.requiredContent.length) {
          nodes.push(kept(key('needs'), () => el('div', {class: 'needs'}, t('Needs: {what}', {what: obligation.requiredContent.join('; ')}))));
        }
        const notifiable = !['REMEDIAL_MEASURE', 'ASSESSMENT'].includes(obligation.kind);
        if (notifiable && may(RESPONDERS)) nodes.push(kept(key('notify'), () => notificationForm(obligation)));
        if (!notifiable) {
          nodes.push(kept(key('met-by'), () => el('div', {class: 'muted', text: t(obligation.kind === 'ASSESSMENT'
            ? 'Met by recording the assessment.' : 'Met by starting a measure.')})));
        }
        if (obligation.waiverGrounds.length && may(DPO)) nodes.push(kept(key('waive'), () => waiverForm(obligation)));
      } else if (obligation.state === 'WAIVED') {
        if (obligation.waiver) {
          nodes.push(kept(key('waived'), () => el('div', {class: 'muted',
            text: t('Waived by {who}: {ground}', {who: obligation.waiver.approvedBy || '—',
              ground: obligation.waiver.groundCitation || obligation.waiver.ground || ''})})));
        }
        if (may(DPO)) nodes.push(kept(key('revoke'), () => revokeForm(obligation)));
      }
      place(cell, nodes);
    });
  }

  // ---- filings: preview, copy, download ----------------------------------------------------------------------------
  function download(name, type, text) {
    const link = el('a', {href: URL.createObjectURL(new Blob([text], {type})), download: name});
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function filingItem(filing) {
    const preview = el('pre', {class: 'filing-preview', hidden: true, tabIndex: 0});
    const base = '/filings/' + encodeURIComponent(filing.kind);
    const name = `${id}-${filing.kind}`;
    const act = (label, run) => el('button', {type: 'button', text: t(label), 'data-filing-action': label, onclick: async () => {
      try { await run(); } catch (e) { result(false, t('The filing cannot be generated: {reason}', {reason: e.message})); }
    }});
    const states = Object.values(filing.obligations).map(words).join(', ');
    return el('li', {'data-filing': filing.kind},
      el('div', {}, el('strong', {text: BreachflowI18n.lang() === 'zh-CN' && filing.titleZh ? filing.titleZh : filing.title}),
        el('span', {class: 'muted', text: ` · ${filing.legalBasis} · ${states}`})),
      el('div', {class: 'buttons'},
        act('Preview', async () => {
          if (preview.hidden) preview.textContent = await readMarkdown(base);
          preview.hidden = !preview.hidden;
        }),
        act('Copy', async () => {
          await navigator.clipboard.writeText(await readMarkdown(base));
          result(true, t('Copied: {what}', {what: filing.title}));
        }),
        act('Download Markdown', async () => download(name + '.md', 'text/markdown', await readMarkdown(base))),
        act('Download JSON', async () => download(name + '.json', 'application/json',
          JSON.stringify(await readJson(base), null, 2)))),
      preview);
  }

  function drawFilings() {
    const list = $('filings');
    if (!filings.length) {
      list.replaceChildren(el('li', {class: 'muted', text: t('No filing yet: none of its duties has a recipient.')}));
      return;
    }
    // Redrawn when the states of the duties it answers change (an open preview stays open otherwise).
    place(list, filings.map((filing) => kept(`filing:${filing.kind}:${Object.values(filing.obligations).join()}`,
      () => filingItem(filing))));
  }

  // ---- history as of a moment ----------------------------------------------------------------------------------------
  function asOfSummary(then) {
    const fact = (term, value) => el('div', {}, el('dt', {text: t(term)}), el('dd', {}, value ?? '—'));
    const measures = then.measures || [];
    const obligations = (then.obligations || []).map((o) => el('li', {},
      `${words(o.kind)} · ${o.recipient || '—'} · `, words(o.state), o.dueAt ? ' · ' + t('due {time}', {time: localTime(o.dueAt)}) : ''));
    return [el('dl', {class: 'facts'},
      fact('Status', words(then.status)),
      fact('Triage', then.triage ? t('{verdict} by {who}', {verdict: words(then.triage.verdict), who: then.triage.triagedBy}) : t('not triaged')),
      fact('Assignee', then.assignment ? then.assignment.assignee : null),
      fact('Measures', t('{started} started, {completed} completed',
        {started: measures.length, completed: measures.filter((m) => m.completedAt).length})),
      fact('People affected', then.assessment ? Number(then.assessment.subjectsAffected).toLocaleString() : t('not assessed')),
      fact('Grade', then.grade ? words(then.grade.grade) : null),
      fact('Notifications', String((then.notifications || []).length)),
      fact('Notes', String((then.notes || []).length)),
      fact('Resolved', then.resolution ? timeEl(then.resolution.resolvedAt) : null),
      fact('Closed', then.closure ? timeEl(then.closure.closedAt) : null)),
    el('h3', {text: t('Obligations then')}),
    obligations.length ? el('ul', {class: 'plain'}, obligations) : el('p', {class: 'muted', text: t('none')})];
  }

  async function showAsOf(instant) {
    const out = $('asof-result');
    try {
      const then = await readJson('/history?asOf=' + encodeURIComponent(instant.toISOString()));
      out.replaceChildren(el('p', {}, t('What the log held at {time}:', {time: localTime(instant.toISOString())})), ...asOfSummary(then));
    } catch (e) {
      out.replaceChildren(el('p', {class: 'refused', text: e.status === 404
        ? t('The incident was not yet opened at {time}.', {time: localTime(instant.toISOString())}) : e.message}));
    }
  }

  function setUpAsOf() {
    const input = $('asof-at');
    $('asof-form').addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value) showAsOf(new Date(input.value));   // datetime-local is the user's local time
    });
    document.querySelectorAll('[data-t-plus]').forEach((button) => button.addEventListener('click', () => {
      const start = record && (record.awareness && record.awareness.awareAt || record.openedAt);
      if (!start) return;
      const at = new Date(Date.parse(start) + Number(button.dataset.tPlus) * 3600 * 1000);
      const pad = (n) => String(n).padStart(2, '0');
      input.value = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
      showAsOf(at);
    }));
  }

  // ---- loading -----------------------------------------------------------------------------------------------------
  let refreshing = null;
  async function refresh() {
    if (refreshing) return refreshing;
    refreshing = (async () => {
      try {
        [record, filings] = await Promise.all([readJson('/history'), readJson('/filings')]);
        drawActions();
        drawObligations();
        drawFilings();
        tick();
      } catch (e) {
        $('work-status').textContent = e.status === 404 ? t('The workflow does not know this incident yet.')
          : t('The workflow cannot be reached: {reason}', {reason: e.message});
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function start() {
    id = new URLSearchParams(location.search).get('id');
    if (!id) return;
    settings = await getJson('api/console');
    BreachflowUi.showUser(settings);
    if (!settings.workflowUrl) {
      $('work-status').textContent = t('No actions here: the dashboard is not told where the workflow is (breachflow.console.workflow-url).');
      return;
    }
    $('work-status').textContent = may(RESPONDERS) ? '' : t('You may read this incident; your roles take no action on it.');
    setUpAsOf();
    await refresh();
    // The page redraws the obligations on every live update (app.js): the console fills their actions again.
    document.addEventListener('breachflow:incident', () => { drawObligations(); refresh(); });
  }

  BreachflowAuth.ready().then(start).catch((e) => { $('work-status').textContent = e.message; });
})();
