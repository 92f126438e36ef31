// Ictal's reference viewer: a plain page over the viewer's JSON API (see the bundle's README).
'use strict';

const $ = (id) => document.getElementById(id);
const view = { name: null, duration: 0, start: 0, state: [], trends: [], review: [], selected: null, polls: 0 };
const COLOURS = { 'csa/delta': '#4a6fa5', 'csa/theta': '#3c9d5d', 'csa/alpha': '#c98b1a', 'csa/beta': '#8a4fb0' };

async function api(path, options) {
  const request = Object.assign({}, options);
  if (request.method === 'POST') {
    // The servlet refuses POSTs without it (cross-site request forgery guard).
    request.headers = Object.assign({ 'X-Requested-With': 'ictal-viewer' }, request.headers);
  }
  const response = await fetch('api/' + path, request);
  const type = response.headers.get('Content-Type') || '';
  const body = type.startsWith('application/json') ? await response.json() : null;
  if (!response.ok) {
    throw new Error(body && body.error ? body.error : response.status + ' ' + response.statusText);
  }
  return body;
}

function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return Math.floor(s / 3600) + ':' + String(Math.floor(s / 60) % 60).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
}

function showError(error) {
  $('status').textContent = error.message;
  $('status').className = 'error';
}

async function loadRecordings(select) {
  const files = await api('recordings');
  $('recording').innerHTML = '';
  for (const f of files) {
    const option = document.createElement('option');
    option.value = option.textContent = f.name;
    $('recording').appendChild(option);
  }
  if (select) { $('recording').value = select; }
}

async function open(name) {
  try {
    const opened = await api('open?name=' + encodeURIComponent(name), { method: 'POST' });
    Object.assign(view, { name: opened.name, duration: opened.durationSeconds, start: 0, state: [], trends: [],
      review: [], selected: null, polls: 0 });
    $('title').textContent = opened.name + ' — ' + clock(opened.durationSeconds) + ', ' + opened.signals.length
      + ' signals; analysed by ' + (opened.providers.join(', ') || 'no provider');
    $('status').className = '';
    history.replaceState(null, '', '?open=' + encodeURIComponent(name));
    $('explanation').hidden = true;
    updatePosition();
    await Promise.all([drawTraces(), poll()]);
  } catch (e) { showError(e); }
}

// --- analysis state: markers, progress, trends ---------------------------------------------------
async function poll() {
  if (!view.name) { return; }
  const name = view.name;
  try {
    const running = view.state.length === 0 || view.state.some((s) => s.status === 'running');
    const withTrends = running ? view.polls % 3 === 0 : view.trends.length === 0;
    const state = await api('state?name=' + encodeURIComponent(name) + (withTrends ? '&trends=1' : ''));
    if (name !== view.name) { return; }
    view.polls++;
    view.state = state;
    if (withTrends) { view.trends = state.flatMap((s) => s.trends); }
    showProgress();
    showMarkers();
    drawTrend();
    drawTraces(true);
    if (view.polls % 3 === 1 || !running) { await loadReview(); }
    if (state.some((s) => s.status === 'running') || !view.trends.length && view.polls < 4) {
      setTimeout(poll, 700);
    } else {
      view.trends = (await api('state?name=' + encodeURIComponent(name) + '&trends=1')).flatMap((s) => s.trends);
      drawTrend();
      await loadReview();
    }
  } catch (e) { showError(e); setTimeout(poll, 3000); }
}

function showProgress() {
  const s = view.state;
  if (!s.length) { $('status').textContent = 'no marker provider is installed'; return; }
  const fraction = s.reduce((sum, x) => sum + x.progress, 0) / s.length;
  $('progress').value = fraction;
  $('status').className = s.some((x) => x.status === 'failed') ? 'error' : '';
  $('status').textContent = s.map((x) => x.provider + ' — ' + x.status + ': ' + x.message).join(' | ');
}

function allMarkers() { return view.state.flatMap((s) => s.markers); }

// Events (seizures, arrhythmias); what event classifiers said about one (its type, its video
// semiology) is shown with it, not as a marker of its own.
function markers() { return allMarkers().filter((m) => !m.event); }

function findings(m) { return allMarkers().filter((f) => f.event === m.id); }

function findingText(f) { return f.label + ' ' + f.confidence.toFixed(2); }

function scoresText(f) {
  return f.task + ': ' + Object.entries(f.scores).map(([k, v]) => k + ' ' + v.toFixed(2)).join(', ') + ' (' + f.model + ')';
}

let shownMarkers = '';

function showMarkers() {
  // Rebuilt only when something changed, so rows stay put (and clickable) between polls.
  const signature = JSON.stringify([allMarkers(), view.selected]);
  if (signature === shownMarkers) { return; }
  shownMarkers = signature;
  const body = $('markers').tBodies[0];
  body.innerHTML = '';
  for (const m of markers()) {
    const row = body.insertRow();
    row.className = 'marker' + (view.selected === m.id ? ' selected' : '');
    row.dataset.id = m.id;
    const about = findings(m);
    for (const text of [clock(m.onset), m.duration.toFixed(1) + ' s', m.label, m.confidence.toFixed(2),
      about.map(findingText).join(' · '), m.channels.join(', ') || 'all']) {
      row.insertCell().textContent = text;
    }
    row.title = [m.task + ' — ' + m.model].concat(about.map(scoresText)).join('\n');
    row.onclick = () => select(m);
  }
}

function select(m) {
  view.selected = m.id;
  goTo(m.onset - 2);
  showMarkers();
  const figure = $('explanation');
  figure.hidden = !m.explained;
  if (m.explained) {
    $('explanation-image').src = 'api/explanation?name=' + encodeURIComponent(view.name) + '&marker='
      + encodeURIComponent(m.id);
    $('explanation-caption').textContent = m.label + ' at ' + clock(m.onset) + ' (' + m.model + ')';
  }
}

// --- review --------------------------------------------------------------------------------------
async function loadReview() {
  try {
    view.review = await api('review?name=' + encodeURIComponent(view.name));
    $('review-note').textContent = view.review.length ? '' : 'No detections queued for this recording yet.';
    $('review-note').className = '';
  } catch (e) {
    view.review = [];
    $('review-note').textContent = e.message;
    $('review-note').className = 'error';
  }
  showReview();
}

let shownReview = '';

function showReview() {
  const signature = JSON.stringify(view.review);
  if (signature === shownReview) { return; }
  shownReview = signature;
  const body = $('review').tBodies[0];
  body.innerHTML = '';
  for (const item of view.review) {
    const row = body.insertRow();
    row.className = item.follows ? 'review-item follower' : 'review-item';
    row.dataset.id = item.id;
    const onset = item.editedOnset !== null ? item.editedOnset : item.onset;
    const duration = item.editedOffset !== null ? item.editedOffset - item.editedOnset : item.duration;
    // What an event classifier said (a type, a semiology) names its kind: "type: CPSZ", not "CPSZ".
    // The server lists it right under the seizure it is about (item.follows).
    const label = item.task === 'seizure-detection' ? item.label : item.task.replace(/^seizure-/, '') + ': ' + item.label;
    for (const text of [clock(onset), duration.toFixed(1) + ' s', label, item.confidence.toFixed(2)]) {
      row.insertCell().textContent = text;
    }
    row.title = item.task;
    const state = row.insertCell();
    state.className = 'state state-' + item.state;
    state.textContent = item.state + (item.reviewer ? ' (' + item.reviewer + ')' : '');
    const actions = row.insertCell();
    for (const action of ['confirm', 'reject', 'edit']) {
      const button = document.createElement('button');
      button.className = action;
      button.textContent = action;
      button.onclick = () => (action === 'edit' ? editRow(row, item) : decide(item, action));
      actions.appendChild(button);
    }
  }
}

function editRow(row, item) {
  const cell = row.cells[row.cells.length - 1];
  cell.innerHTML = '';
  const onset = document.createElement('input');
  onset.className = 'edit-onset'; onset.size = 7; onset.value = item.onset.toFixed(1);
  const offset = document.createElement('input');
  offset.className = 'edit-offset'; offset.size = 7; offset.value = (item.onset + item.duration).toFixed(1);
  const save = document.createElement('button');
  save.className = 'save'; save.textContent = 'save';
  save.onclick = () => decide(item, 'edit', parseFloat(onset.value), parseFloat(offset.value));
  cell.append('from ', onset, ' to ', offset, ' s ', save);
}

async function decide(item, action, onset, offset) {
  const reviewer = $('reviewer').value.trim();
  if (!reviewer) {
    $('review-note').textContent = 'Enter your name as reviewer first.';
    $('review-note').className = 'error';
    $('reviewer').focus();
    return;
  }
  try {
    await api('decide', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: item.id, revision: item.revision, action, reviewer, comment: '',
        onset: onset === undefined ? null : onset, offset: offset === undefined ? null : offset }) });
  } catch (e) {
    $('review-note').textContent = e.message;
    $('review-note').className = 'error';
  }
  await loadReview();
}

// --- traces --------------------------------------------------------------------------------------
function pageSeconds() { return parseFloat($('timebase').value); }

function goTo(seconds) {
  view.start = Math.max(0, Math.min(seconds, view.duration - pageSeconds()));
  updatePosition();
  drawTraces();
  drawTrend();
}

function updatePosition() {
  $('position').max = Math.max(0, Math.floor(view.duration - pageSeconds()));
  $('position').value = Math.floor(view.start);
  $('clock').textContent = clock(view.start) + ' – ' + clock(view.start + pageSeconds());
}

let traces = null;

async function drawTraces(markersOnly) {
  if (!view.name) { return; }
  const canvas = $('traces');
  if (!markersOnly || !traces || traces.start !== view.start || traces.name !== view.name) {
    const duration = Math.min(pageSeconds(), Math.max(1, view.duration - view.start));
    try {
      traces = await api('traces?name=' + encodeURIComponent(view.name) + '&start=' + view.start + '&duration='
        + duration + '&montage=' + $('montage').value + '&points=' + (canvas.width - 110));
      traces.name = view.name;
    } catch (e) { showError(e); return; }
  }
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const left = 100; const width = canvas.width - left - 10;
  const rows = traces.labels.length; const spacing = canvas.height / (rows + 1);
  const x = (t) => left + (t - traces.start) / pageSeconds() * width;
  // Markers first, under the traces: the span, stronger on the channels involved.
  for (const m of markers()) {
    if (m.onset + m.duration < traces.start || m.onset > traces.start + pageSeconds()) { continue; }
    const x0 = Math.max(left, x(m.onset)); const x1 = Math.min(left + width, x(m.onset + m.duration) + 1);
    g.fillStyle = 'rgba(230, 57, 70, 0.10)';
    g.fillRect(x0, 0, x1 - x0, canvas.height);
    g.fillStyle = 'rgba(230, 57, 70, 0.25)';
    traces.labels.forEach((label, i) => {
      if (m.channels.some((c) => label.toUpperCase().includes(c.toUpperCase()))) {
        g.fillRect(x0, (i + 0.5) * spacing, x1 - x0, spacing);
      }
    });
    g.fillStyle = '#b00';
    g.fillText([m.label + ' ' + m.confidence.toFixed(2)].concat(findings(m).map(findingText)).join(' · '), x0 + 2, 10);
  }
  // Seconds grid.
  g.strokeStyle = '#eee';
  for (let s = Math.ceil(traces.start); s <= traces.start + pageSeconds(); s++) {
    g.beginPath(); g.moveTo(x(s), 0); g.lineTo(x(s), canvas.height); g.stroke();
  }
  const microvoltsPerSpacing = parseFloat($('gain').value);
  g.strokeStyle = '#123'; g.fillStyle = '#123';
  traces.labels.forEach((label, i) => {
    const centre = (i + 1) * spacing;
    g.fillText(label, 4, centre + 4);
    const values = traces.values[i]; const buckets = traces.buckets;
    const scale = traces.units[i].toLowerCase() === 'mv' ? 1000 : 1;
    g.beginPath();
    let pen = false;
    for (let b = 0; b < 2 * buckets; b++) {
      const v = values[b];
      if (v === null || Number.isNaN(v)) { pen = false; continue; }
      const px = left + (Math.floor(b / 2) + 0.5) / buckets * width * (traces.duration / pageSeconds());
      const py = centre - v * scale / microvoltsPerSpacing * spacing;
      if (pen) { g.lineTo(px, py); } else { g.moveTo(px, py); pen = true; }
    }
    g.stroke();
  });
}

// --- trend panel: seizure probability and CSA over the whole recording ----------------------------
function drawTrend() {
  const canvas = $('trend'); const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  if (!view.duration) { return; }
  const left = 100; const width = canvas.width - left - 10; const h = canvas.height;
  const x = (t) => left + t / view.duration * width;
  g.fillStyle = 'rgba(36, 54, 75, 0.12)';
  g.fillRect(x(view.start), 0, Math.max(2, pageSeconds() / view.duration * width), h);
  const csa = view.trends.filter((s) => s.id.startsWith('csa/'));
  const all = csa.flatMap((s) => s.values.filter((v) => v !== null));
  const low = Math.min(...all); const high = Math.max(...all);
  const legend = [];
  for (const s of view.trends) {
    // Probabilities (by unit or name) on a fixed 0..1 scale; CSA bands share one dB scale.
    const probability = s.unit === 'probability' || s.id.includes('probability');
    const colour = probability ? '#e63946' : COLOURS[s.id] || '#777';
    const y = probability ? (v) => h - 4 - v * (h - 8) : (v) => h - 4 - (v - low) / Math.max(1e-9, high - low) * (h - 8);
    g.strokeStyle = colour; g.lineWidth = probability ? 2 : 1;
    g.beginPath();
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) { pen = false; return; }
      const px = x(s.start + i * s.step); const py = y(v);
      if (pen) { g.lineTo(px, py); } else { g.moveTo(px, py); pen = true; }
    });
    g.stroke();
    legend.push('<span style="color:' + colour + '">■ ' + s.label.replace(/</g, '&lt;') + '</span>');
  }
  g.lineWidth = 1;
  for (const m of markers()) {
    g.fillStyle = '#e63946';
    g.fillRect(x(m.onset), 0, Math.max(2, x(m.onset + m.duration) - x(m.onset)), 6);
  }
  g.fillStyle = '#123';
  g.fillText('trends', 4, 14);
  $('legend').innerHTML = legend.join('');
}

// --- wiring ---------------------------------------------------------------------------------------
$('open').onclick = () => open($('recording').value);
$('first').onclick = () => goTo(0);
$('last').onclick = () => goTo(view.duration);
$('prev').onclick = () => goTo(view.start - pageSeconds());
$('next').onclick = () => goTo(view.start + pageSeconds());
$('position').oninput = () => goTo(parseFloat($('position').value));
$('timebase').onchange = () => goTo(view.start);
$('gain').onchange = () => drawTraces(true);
$('montage').onchange = () => drawTraces();
$('trend').onclick = (e) => {
  const rect = e.target.getBoundingClientRect();
  goTo((e.clientX - rect.left - 100) / (e.target.width - 110) * view.duration - pageSeconds() / 2);
};
$('reviewer').value = localStorage.getItem('ictal.reviewer') || '';
$('reviewer').onchange = () => localStorage.setItem('ictal.reviewer', $('reviewer').value.trim());
document.addEventListener('keydown', (e) => {
  if (e.target.tagName === 'INPUT') { return; }
  if (e.key === 'ArrowRight') { goTo(view.start + pageSeconds()); }
  if (e.key === 'ArrowLeft') { goTo(view.start - pageSeconds()); }
});
$('upload').onchange = async () => {
  const file = $('upload').files[0];
  if (!file) { return; }
  $('status').textContent = 'uploading ' + file.name + ' ...';
  try {
    const stored = await api('upload?name=' + encodeURIComponent(file.name), { method: 'POST', body: file });
    await loadRecordings(stored.name);
    await open(stored.name);
  } catch (e) { showError(e); }
};

(async () => {
  const wanted = new URLSearchParams(location.search).get('open');
  try {
    await loadRecordings(wanted);
    if (wanted) { await open(wanted); }
  } catch (e) { showError(e); }
})();
