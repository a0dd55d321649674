// The Taskgraph page: start a run, follow its stream (console, DAG, task table), then show its results.
// Plain browser JavaScript, no build step. Every server message shown to the user comes from the API as is.
'use strict';

const $ = (id) => document.getElementById(id);
const SVG_NS = 'http://www.w3.org/2000/svg';
const MAX_CONSOLE_LINES = 5000;
const SELECT_HINT = 'Choose tasks to run only them and the tasks they need; choose none to run every task.';

const RUN_LIST_REFRESH_MS = 3000;
const ACTIVE = new Set(['queued', 'running']);

const state = {
  files: [],        // File objects chosen or dropped, in order
  source: null,     // the EventSource of the run being watched
  runId: null,
  tasks: new Map(), // task name -> last task JSON
  limits: null,
  runListTimer: null,
};

// ---------- API ----------

async function api(path, options) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (e) {
    throw new Error('The server cannot be reached (' + e.message + '). Is taskgraph serve still running?');
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? body.error : 'The server answered ' + response.status + '.';
    throw new Error(message);
  }
  return body;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
}

function setStatus(text, runState) {
  const status = $('run-status');
  status.textContent = text;
  status.className = 'run-status' + (runState ? ' run-' + runState : '');
}

// ---------- Form ----------

async function loadForm() {
  try {
    const [options, specs] = await Promise.all([api('/api/options'), api('/api/specs')]);
    state.limits = options;
    showReplay(options.replay);
    $('model').value = options.default_model;
    $('model-suggestions').replaceChildren(...options.model_suggestions.map((m) => new Option('', m)));
    const effort = $('effort');
    effort.replaceChildren(...options.reasoning_efforts.map((e) => new Option(e, e, false, e === options.default_reasoning_effort)));
    const iterations = $('max-iterations');
    iterations.value = options.default_max_iterations;
    iterations.max = options.max_iterations_limit;
    $('max-iterations-hint').textContent = 'Default ' + options.default_max_iterations + ', at most '
      + options.max_iterations_limit + '.';
    $('runs-hint').textContent = 'This server keeps its last ' + options.keep_runs + ' finished runs; open one to see '
      + 'its results again.';
    const spec = $('spec');
    if (specs.length === 0) {
      spec.replaceChildren(new Option('No specs found: add one under specs/ in the server\'s directory', ''));
    } else {
      spec.replaceChildren(...specs.map((s) => {
        const option = new Option(s.id + (s.source === 'builtin' ? ' (example)' : ''), s.id);
        option.dataset.path = s.path;
        return option;
      }));
    }
    specChosen();
    $('files-hint').textContent += ' Up to ' + options.max_files + ' files of ' + formatBytes(options.max_file_bytes) + ' each.';
  } catch (e) {
    showError(e.message);
  }
}

// A server that replays recorded model answers (serve --demo, serve --llm-replay) says so above everything.
function showReplay(replay) {
  const banner = $('replay-banner');
  banner.textContent = replay ? replay.notice : '';
  banner.hidden = !replay;
}

function showSpecPath() {
  const selected = $('spec').selectedOptions[0];
  $('spec-path').textContent = selected && selected.dataset.path ? selected.dataset.path : '';
}

function specChosen() {
  showSpecPath();
  loadTasks($('spec').value);
}

// The chosen spec's tasks, to select some of them; a spec that cannot be read says why (its run would too).
async function loadTasks(specId) {
  const list = $('select-tasks');
  list.replaceChildren();
  list.dataset.spec = specId;
  if (!specId) return;
  try {
    const body = await api('/api/specs/' + encodeURIComponent(specId) + '/tasks');
    if (list.dataset.spec !== specId) return; // another spec was chosen meanwhile
    list.replaceChildren(...body.tasks.map((t) => new Option(t.name, t.name)));
    list.size = Math.min(Math.max(body.tasks.length, 2), 8);
    $('select-hint').textContent = body.problems.length
      ? 'This spec cannot run: ' + body.problems.join(' ')
      : SELECT_HINT;
  } catch (e) {
    if (list.dataset.spec !== specId) return;
    $('select-hint').textContent = SELECT_HINT;
    const option = new Option('Tasks unknown: ' + e.message, '');
    option.disabled = true;
    list.replaceChildren(option);
  }
}

function addFiles(list) {
  for (const file of list) {
    const existing = state.files.findIndex((f) => f.name === file.name);
    if (existing >= 0) state.files.splice(existing, 1, file); else state.files.push(file);
  }
  renderFiles();
}

function renderFiles() {
  const list = $('file-list');
  list.replaceChildren(...state.files.map((file, index) => {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = file.name + ' (' + formatBytes(file.size) + ')';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'link-button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', 'Remove ' + file.name);
    remove.addEventListener('click', () => { state.files.splice(index, 1); renderFiles(); $('data-files').focus(); });
    item.append(name, remove);
    return item;
  }));
}

function wireDropZone() {
  const zone = $('drop-zone');
  const input = $('data-files');
  input.addEventListener('change', () => { addFiles(input.files); input.value = ''; });
  ['dragenter', 'dragover'].forEach((type) => zone.addEventListener(type, (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  }));
  ['dragleave', 'drop'].forEach((type) => zone.addEventListener(type, () => zone.classList.remove('dragging')));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files) addFiles(e.dataTransfer.files);
  });
}

async function startRun(event) {
  event.preventDefault();
  showError('');
  const spec = $('spec').value;
  if (!spec) {
    showError('Pick a spec first.');
    $('spec').focus();
    return;
  }
  const form = new FormData();
  form.append('spec_id', spec);
  form.append('model', $('model').value.trim());
  form.append('reasoning_effort', $('effort').value);
  form.append('max_iterations', $('max-iterations').value.trim());
  [...$('select-tasks').selectedOptions].filter((o) => o.value).forEach((o) => form.append('select', o.value));
  state.files.forEach((file) => form.append('data_files', file, file.name));
  const button = $('start');
  button.disabled = true;
  try {
    const body = await api('/api/run', { method: 'POST', body: form });
    history.replaceState(null, '', '#run=' + body.run_id);
    await watch(body.run_id);
  } catch (e) {
    showError(e.message);
  } finally {
    button.disabled = false;
  }
}

// ---------- Watching a run ----------

async function watch(runId) {
  if (state.source) state.source.close();
  state.source = null;
  let status;
  try {
    status = await api('/api/run/' + encodeURIComponent(runId)); // a clear message for an unknown run, before streaming
  } catch (e) {
    showError(e.message);
    setStatus('No run', null);
    showCancel(false);
    refreshRuns();
    return;
  }
  showError('');
  state.runId = runId;
  showRunSettings(status);
  showCancel(ACTIVE.has(status.state));
  refreshRuns();
  state.tasks.clear();
  $('console').textContent = '';
  $('results').hidden = true;
  drawDag([], []);
  renderTaskTable();
  setStatus('Run ' + runId + ': starting', 'running');

  const source = new EventSource('/api/run/' + encodeURIComponent(runId) + '/stream');
  state.source = source;
  source.addEventListener('log', (e) => appendLog(e.data));
  source.addEventListener('graph', (e) => {
    const graph = JSON.parse(e.data);
    graph.tasks.forEach((t) => state.tasks.set(t.task, t));
    drawDag(graph.tasks, graph.edges);
    renderTaskTable();
    setStatus('Run ' + runId + ': running', 'running');
  });
  source.addEventListener('task', (e) => {
    const task = JSON.parse(e.data);
    state.tasks.set(task.task, task);
    updateNode(task);
    renderTaskTable();
  });
  source.addEventListener('done', (e) => {
    const done = JSON.parse(e.data);
    setStatus('Run ' + runId + ': ' + done.state, done.state);
    showCancel(false);
    refreshRuns();
  });
  source.addEventListener('result', (e) => {
    source.close();
    showResults(runId, JSON.parse(e.data));
  });
  source.addEventListener('error', () => {
    // The browser reconnects by itself (resuming after the last event it got); only a closed stream is final.
    if (source.readyState === EventSource.CLOSED && state.source === source) {
      showError('Lost the connection to run ' + runId + '. Reload the page to reconnect.');
    }
  });
}

// The form shows what the watched run was started with, so its spec is the one selected (not the last one picked).
async function showRunSettings(status) {
  const spec = $('spec');
  if ([...spec.options].some((o) => o.value === status.spec_id)) {
    spec.value = status.spec_id;
    showSpecPath();
    await loadTasks(status.spec_id);
    const chosen = new Set(status.select);
    [...$('select-tasks').options].forEach((o) => { o.selected = chosen.has(o.value); });
  }
  $('model').value = status.model;
  if ([...$('effort').options].some((o) => o.value === status.reasoning_effort)) $('effort').value = status.reasoning_effort;
  $('max-iterations').value = status.max_iterations;
}

function showCancel(visible) {
  const button = $('cancel');
  button.hidden = !visible;
  button.disabled = false;
  button.textContent = 'Cancel run';
}

async function cancelRun() {
  const runId = state.runId;
  if (!runId) return;
  const button = $('cancel');
  button.disabled = true;
  button.textContent = 'Cancelling…';
  try {
    await api('/api/run/' + encodeURIComponent(runId) + '/cancel', { method: 'POST' });
  } catch (e) {
    showError(e.message);
    button.disabled = false;
    button.textContent = 'Cancel run';
  }
}

// ---------- Earlier runs ----------

async function refreshRuns() {
  clearTimeout(state.runListTimer);
  let runs;
  try {
    runs = await api('/api/runs');
  } catch (e) {
    return; // the form's own calls say when the server is gone
  }
  const list = $('run-list');
  list.replaceChildren(...runs.slice().reverse().map((run) => {
    const item = document.createElement('li');
    item.dataset.runId = run.run_id;
    item.dataset.state = run.state;
    const open = document.createElement('a');
    open.href = '#run=' + run.run_id;
    open.className = 'run-link';
    if (run.run_id === state.runId) open.setAttribute('aria-current', 'true');
    const spec = document.createElement('span');
    spec.className = 'run-spec';
    spec.textContent = run.spec_id;
    const runState = document.createElement('span');
    runState.className = 'state-text state-' + stateClass(run.state);
    runState.textContent = run.state;
    const when = document.createElement('time');
    when.dateTime = run.created_at;
    when.textContent = new Date(run.created_at).toLocaleTimeString();
    open.append(spec, ' ', runState, ' ', when);
    open.addEventListener('click', (e) => {
      e.preventDefault();
      history.replaceState(null, '', '#run=' + run.run_id);
      watch(run.run_id);
    });
    item.append(open);
    return item;
  }));
  if (runs.some((run) => ACTIVE.has(run.state))) {
    state.runListTimer = setTimeout(refreshRuns, RUN_LIST_REFRESH_MS);
  }
}

/** The task-state colour a run state reads as. */
function stateClass(runState) {
  return { succeeded: 'passed', error: 'failed', queued: 'waiting' }[runState] || runState;
}

function appendLog(line) {
  const consoleBox = $('console');
  const atBottom = consoleBox.scrollTop + consoleBox.clientHeight >= consoleBox.scrollHeight - 4;
  const row = document.createElement('span');
  row.className = 'line' + (line.startsWith('error:') ? ' line-error' : line.startsWith('warning:') ? ' line-warning' : '');
  row.textContent = line + '\n';
  consoleBox.append(row);
  while (consoleBox.childNodes.length > MAX_CONSOLE_LINES) consoleBox.firstChild.remove();
  if (atBottom) consoleBox.scrollTop = consoleBox.scrollHeight;
}

// ---------- DAG (layered layout, drawn as SVG) ----------

const NODE_W = 168;
const NODE_H = 48;
const GAP_X = 56;
const GAP_Y = 18;
const PAD = 12;

/** Layer of each task: 0 without dependencies, else one more than its deepest dependency. */
function layers(tasks) {
  const byName = new Map(tasks.map((t) => [t.task, t]));
  const layer = new Map();
  const visit = (name, trail) => {
    if (layer.has(name)) return layer.get(name);
    if (trail.has(name)) return 0; // a cycle cannot reach the page (the run refuses it); stay safe anyway
    trail.add(name);
    const deps = (byName.get(name) || { depends_on: [] }).depends_on.filter((d) => byName.has(d));
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((d) => visit(d, trail)));
    layer.set(name, value);
    return value;
  };
  tasks.forEach((t) => visit(t.task, new Set()));
  return layer;
}

function drawDag(tasks, edges) {
  const svg = $('dag');
  svg.replaceChildren();
  $('dag-desc').textContent = tasks.length === 0
    ? 'The tasks appear here once a run has loaded its spec.'
    : 'Task graph with ' + tasks.length + ' tasks; arrows point from a task to the tasks that use its views.';
  if (tasks.length === 0) {
    svg.setAttribute('viewBox', '0 0 10 10');
    svg.style.height = '0px';
    return;
  }
  const layer = layers(tasks);
  const columns = [];
  tasks.forEach((t) => {
    const l = layer.get(t.task);
    (columns[l] = columns[l] || []).push(t.task);
  });
  // Order each column by the mean row of its dependencies: fewer crossing edges than spec order alone.
  const row = new Map();
  columns.forEach((names, l) => {
    if (l > 0) {
      const key = (name) => {
        const deps = tasks.find((t) => t.task === name).depends_on.filter((d) => row.has(d));
        return deps.length ? deps.reduce((sum, d) => sum + row.get(d), 0) / deps.length : 0;
      };
      names.sort((a, b) => key(a) - key(b));
    }
    names.forEach((name, i) => row.set(name, i));
  });
  const tallest = Math.max(...columns.map((c) => c.length));
  const width = PAD * 2 + columns.length * NODE_W + (columns.length - 1) * GAP_X;
  const height = PAD * 2 + tallest * NODE_H + (tallest - 1) * GAP_Y;
  const position = new Map();
  columns.forEach((names, l) => {
    const offset = (tallest - names.length) * (NODE_H + GAP_Y) / 2;
    names.forEach((name, i) => position.set(name, {
      x: PAD + l * (NODE_W + GAP_X),
      y: PAD + offset + i * (NODE_H + GAP_Y),
    }));
  });
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  svg.style.height = Math.min(height, 420) + 'px';
  svg.style.minWidth = Math.min(width, 2000) + 'px';

  const defs = el('defs');
  const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }));
  defs.append(marker);
  svg.append(defs);

  edges.forEach((edge) => {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    if (!from || !to) return;
    const x1 = from.x + NODE_W; const y1 = from.y + NODE_H / 2;
    const x2 = to.x; const y2 = to.y + NODE_H / 2;
    const bend = Math.max(24, (x2 - x1) / 2);
    svg.append(el('path', {
      class: 'edge', 'data-from': edge.from, 'data-to': edge.to, 'marker-end': 'url(#arrow)',
      d: 'M ' + x1 + ' ' + y1 + ' C ' + (x1 + bend) + ' ' + y1 + ', ' + (x2 - bend) + ' ' + y2 + ', ' + x2 + ' ' + y2,
    }));
  });

  tasks.forEach((task) => {
    const p = position.get(task.task);
    const node = el('g', { class: 'task-node', 'data-task': task.task, transform: 'translate(' + p.x + ' ' + p.y + ')' });
    node.append(el('title'), el('rect', { width: NODE_W, height: NODE_H, rx: 8, ry: 8 }));
    const name = el('text', { x: 12, y: 20, class: 'task-name' });
    name.textContent = truncate(task.task, 20);
    const detail = el('text', { x: 12, y: 37, class: 'task-detail' });
    node.append(name, detail);
    svg.append(node);
    updateNode(task);
  });
}

function updateNode(task) {
  const node = document.querySelector('#dag .task-node[data-task="' + cssEscape(task.task) + '"]');
  if (!node) return;
  node.setAttribute('class', 'task-node ' + stateClass(task.state));
  node.setAttribute('data-state', task.state);
  const started = !['waiting', 'blocked', 'reused', 'not selected'].includes(task.state);
  node.querySelector('.task-detail').textContent = task.state + (started ? ' · ' + task.elapsed : '');
  node.querySelector('title').textContent = task.task + ': ' + task.state + (task.detail ? ' · ' + task.detail : '');
}

function renderTaskTable() {
  const table = $('task-table');
  const rows = [...state.tasks.values()].map((t) => {
    const tr = document.createElement('tr');
    tr.dataset.task = t.task;
    [t.task, t.state, t.detail].forEach((value, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      if (i === 1) cell.className = 'state-text ' + stateClass(t.state);
      cell.textContent = value;
      tr.append(cell);
    });
    return tr;
  });
  table.tBodies[0].replaceChildren(...rows);
  $('task-details').hidden = rows.length === 0;
}

// ---------- Results ----------

function showResults(runId, result) {
  const section = $('results');
  section.hidden = false;
  setStatus('Run ' + runId + ': ' + result.state, result.state);
  const summary = $('result-summary');
  if (result.error) {
    summary.textContent = 'The run could not be carried out: ' + result.error;
    summary.className = 'error-text';
  } else {
    summary.textContent = result.verdict + ' ' + result.totals;
    summary.className = '';
  }
  // Only what the model server reported; a server that reports no cost shows none (never an estimate).
  const cost = $('result-cost');
  cost.textContent = result.cost ? 'Cost: ' + result.cost + ' (as reported by the model server)' : '';
  cost.hidden = !result.cost;
  renderResultTasks(result.tasks, Boolean(result.cost));
  const downloads = $('downloads');
  downloads.replaceChildren();
  if (result.report_url) downloads.append(reportItem(result.report_url));
  if (result.db_url) downloads.append(linkItem(result.db_url, 'Download the workspace (.db)', 'download-db'));
  result.exports.filter((x) => x.ok).forEach((x) => downloads.append(linkItem(x.url, 'Download ' + x.name, 'download-export')));
  result.exports.filter((x) => !x.ok).forEach((x) => {
    const li = document.createElement('li');
    li.className = 'error-text';
    li.textContent = 'Export ' + x.name + ' failed: ' + x.error;
    downloads.append(li);
  });
  const previews = $('previews');
  previews.replaceChildren();
  result.views.forEach((view, index) => previews.append(previewBlock(runId, view, index === 0)));
}

// Per task what became of it and why: the validation failures, the budget, no progress, who blocked it.
// withCost: the run reported a cost, so each task's is shown ('–' for a task that made no model call).
function renderResultTasks(tasks, withCost) {
  const table = $('result-tasks');
  table.tBodies[0].replaceChildren(...tasks.map((t) => {
    const tr = document.createElement('tr');
    tr.dataset.task = t.task;
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = t.task;
    const status = document.createElement('td');
    status.className = 'state-text state-' + t.status;
    status.textContent = t.status;
    const why = document.createElement('td');
    why.className = 'why';
    const lines = t.status === 'passed' || t.status === 'reused' ? [t.detail]
      : [t.reason || t.detail, ...t.failures.slice(0, 3)].filter((line) => line);
    lines.forEach((line, i) => {
      const part = document.createElement(i === 0 ? 'span' : 'div');
      part.className = i === 0 ? 'why-reason' : 'why-failure';
      part.textContent = line;
      why.append(part);
    });
    tr.append(name, status, why);
    if (withCost) {
      const cost = document.createElement('td');
      cost.className = 'num cost';
      cost.textContent = t.cost || '–';
      tr.append(cost);
    }
    return tr;
  }));
  $('result-cost-column').hidden = !withCost;
  table.hidden = tasks.length === 0;
}

// The page `taskgraph report` writes, made from the run's .db: opened beside this one, and savable from there.
function reportItem(href) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = href;
  a.textContent = 'Report';
  a.title = "Open the run's report (graph, each task's SQL, rows and trace) in a new tab";
  a.className = 'open-report';
  a.target = '_blank';
  a.rel = 'noopener';
  li.append(a);
  return li;
}

function linkItem(href, text, className) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.className = className;
  a.setAttribute('download', '');
  li.append(a);
  return li;
}

function previewBlock(runId, view, open) {
  const details = document.createElement('details');
  details.className = 'preview';
  details.dataset.view = view;
  const summary = document.createElement('summary');
  summary.textContent = view;
  const body = document.createElement('div');
  body.className = 'preview-body';
  body.textContent = 'Loading…';
  details.append(summary, body);
  let loaded = false;
  const load = async () => {
    if (loaded) return;
    loaded = true;
    try {
      const data = await api('/api/run/' + encodeURIComponent(runId) + '/preview/' + encodeURIComponent(view) + '?limit=50');
      body.replaceChildren(previewTable(data));
    } catch (e) {
      body.textContent = e.message;
      body.className = 'preview-body error-text';
    }
  };
  details.addEventListener('toggle', () => { if (details.open) load(); });
  if (open) { details.open = true; load(); }
  return details;
}

function previewTable(data) {
  const wrap = document.createElement('div');
  wrap.className = 'table-scroll';
  const table = document.createElement('table');
  table.className = 'preview-table';
  const head = table.createTHead().insertRow();
  data.columns.forEach((c) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  });
  const body = table.createTBody();
  data.rows.forEach((r) => {
    const tr = body.insertRow();
    r.forEach((v) => { tr.insertCell().textContent = v === null ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v); });
  });
  wrap.append(table);
  if (data.truncated) {
    const note = document.createElement('p');
    note.className = 'hint';
    note.textContent = 'First ' + data.limit + ' rows shown; the .db has them all.';
    wrap.append(note);
  }
  return wrap;
}

// ---------- Helpers ----------

function el(name, attributes) {
  const node = document.createElementNS(SVG_NS, name);
  Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

/** The CSS class of a state label: 'not selected' -> 'state-not-selected'. */
function stateClass(label) {
  return 'state-' + label.replace(/ /g, '-');
}

function truncate(text, length) {
  return text.length <= length ? text : text.slice(0, length - 1) + '…';
}

function cssEscape(text) {
  return window.CSS && CSS.escape ? CSS.escape(text) : text.replace(/["\\]/g, '\\$&');
}

function formatBytes(n) {
  if (n >= 1024 * 1024) return (n / (1024 * 1024)).toFixed(n % (1024 * 1024) ? 1 : 0) + ' MiB';
  if (n >= 1024) return (n / 1024).toFixed(n % 1024 ? 1 : 0) + ' KiB';
  return n + ' bytes';
}

// ---------- Start ----------

document.addEventListener('DOMContentLoaded', () => {
  $('run-form').addEventListener('submit', startRun);
  $('spec').addEventListener('change', specChosen);
  $('cancel').addEventListener('click', cancelRun);
  wireDropZone();
  const match = /^#run=([0-9a-f]+)$/.exec(location.hash);
  // The run's settings go into the form once the form has its options.
  loadForm().then(() => (match ? watch(match[1]) : refreshRuns()));
});
