// w2v explorer: the page's behaviour. Plain JavaScript, no library; every answer comes from the JSON API under /api/.
'use strict';

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22',
  '#7f7f7f'];
const $ = (id) => document.getElementById(id);
let models = [];

/** GET /api/NAME?params; resolves to the JSON answer, rejects with {status, error}. */
async function api(name, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach((x) => qs.append(k, x)); else if (v !== undefined && v !== null) qs.append(k, v);
  }
  const r = await fetch('/api/' + name + '?' + qs.toString());
  let body;
  try { body = await r.json(); } catch (e) { body = { error: 'bad answer from the server (' + r.status + ')' }; }
  if (!r.ok) throw { status: r.status, error: body.error || ('HTTP ' + r.status) };
  return body;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

/** "king woman -man" -> {pos: [king, woman], neg: [man]}. */
function parseQuery(text) {
  const pos = [], neg = [];
  for (const t of text.trim().split(/\s+/)) {
    if (!t) continue;
    if (t.length > 1 && t[0] === '-') neg.push(t.slice(1)); else pos.push(t);
  }
  return { pos, neg };
}

function fmt(x) { return x === null ? 'n/a' : x.toFixed(4); }

function showMessage(nodes) {
  const m = $('message');
  m.replaceChildren(...nodes);
  m.hidden = nodes.length === 0;
}

/** For a query with an unknown word: "did you mean" links from /api/suggestions, else the server's message. */
async function didYouMean(text, err) {
  const { pos, neg } = parseQuery(text);
  const parts = [];
  let changed = false;
  for (const w of pos.concat(neg.map((x) => '-' + x))) {
    const bare = w.startsWith('-') ? w.slice(1) : w;
    let s;
    try { s = await api('suggestions', { word: bare }); } catch (e) { s = { known: true }; }
    if (!s.known && s.suggestions.length) {
      parts.push((w.startsWith('-') ? '-' : '') + s.suggestions[0]);
      changed = true;
    } else {
      parts.push(w);
    }
  }
  // the server's message ends with its own "(did you mean ...)" for the first unknown word: the link replaces it
  const nodes = [document.createTextNode(err.error.replace(/ \(did you mean .*\)$/, '.') + ' ')];
  if (changed) {
    const fixed = parts.join(' ');
    nodes.push(document.createTextNode('Did you mean '),
      el('a', { id: 'suggestion', onclick: () => search(fixed, true) }, fixed), document.createTextNode('?'));
  }
  showMessage(nodes);
}

// ---- search: nearest neighbours in each model, side by side ------------------------------------------------------

let lastSearch = '';

async function search(text, push) {
  text = text.trim();
  if (!text) return;
  $('q').value = text;
  hideCompletions();
  lastSearch = text;
  const url = '/?q=' + encodeURIComponent(text);
  if (push) history.pushState({ q: text }, '', url); else history.replaceState({ q: text }, '', url);
  document.title = text + ' · w2v explorer';
  const { pos, neg } = parseQuery(text);
  const n = Math.max(1, Math.min(1000, parseInt($('n').value, 10) || 15));
  const answers = await Promise.all(models.map((m) =>
    api('similar', { word: pos.join(' '), neg: neg.length ? neg.join(' ') : undefined, n, model: m.model })
      .catch((e) => e)));
  if (text !== lastSearch) return; // a newer search started meanwhile
  const failed = answers.find((a) => a.error !== undefined);
  if (failed && answers.every((a) => a.error !== undefined)) {
    await didYouMean(text, failed);
    $('results').replaceChildren(el('p', { class: 'empty' }, 'No answer: see the message above.'));
    $('shared').replaceChildren();
    $('map').replaceChildren();
    view.points = [];
    $('map-caption').textContent = 'No map: see the message above.';
    return;
  }
  showMessage([]);
  renderNeighbours(answers);
  if (!failed || answers[0].error === undefined) {
    $('map-words').value = '';
    drawMap({ word: pos.join(' ') }, pos.length === 1 ? Math.min(n, 30) : 8);
  }
}

function renderNeighbours(answers) {
  const words = answers.map((a) => new Set(a.results ? a.results.map((r) => r.word) : []));
  const shared = answers.length === 2 ? new Set([...words[0]].filter((w) => words[1].has(w))) : new Set();
  const cols = answers.map((a, i) => {
    const head = models.length > 1 ? el('h3', { title: models[i].name }, (i + 1) + ': ' + models[i].name) : null;
    if (a.error !== undefined) return el('div', { class: 'model-col', 'data-model': i + 1 }, head, el('p', { class: 'error' }, a.error));
    const tbody = el('tbody');
    a.results.forEach((r, k) => {
      const w = Math.max(0, r.cosine) * 100;
      const bar = el('i');
      bar.style.width = w.toFixed(1) + '%';
      tbody.append(el('tr', { class: shared.has(r.word) ? 'shared' : '' },
        el('td', { class: 'rank' }, String(k + 1)),
        el('td', { class: 'word', title: 'search ' + r.word, onclick: () => search(r.word, true) }, r.word),
        el('td', { class: 'score' }, el('span', { class: 'bar' }, bar, fmt(r.cosine)))));
    });
    if (a.results.length === 0) tbody.append(el('tr', {}, el('td', { colspan: 3 }, '(no word scores above the threshold)')));
    return el('div', { class: 'model-col', 'data-model': i + 1 }, head, el('table', { class: 'neighbours' }, tbody));
  });
  $('results').replaceChildren(...cols);
  const sc = $('shared');
  if (answers.length === 2 && answers.every((a) => a.results)) {
    sc.replaceChildren(el('b', {}, String(shared.size)), document.createTextNode(' of ' +
      Math.max(answers[0].results.length, answers[1].results.length) + ' shared'));
  } else {
    sc.replaceChildren();
  }
}

// ---- completion from the vocabulary ------------------------------------------------------------------------------

let completeTimer = 0, completeSeq = 0, active = -1;

function hideCompletions() {
  clearTimeout(completeTimer);
  $('completions').hidden = true;
  active = -1;
  completeSeq++;
}

function lastToken(value) {
  const m = /(^|\s)(-?)(\S*)$/.exec(value);
  return m ? { sign: m[2], word: m[3], start: value.length - m[2].length - m[3].length } : { sign: '', word: '', start: value.length };
}

async function complete() {
  const q = $('q');
  const t = lastToken(q.value);
  if (!t.word) { hideCompletions(); return; }
  const seq = ++completeSeq;
  let ans;
  try { ans = await api('complete', { prefix: t.word, n: 8 }); } catch (e) { return; }
  if (seq !== completeSeq) return;
  const ul = $('completions');
  const items = ans.words.map((w, i) => {
    const li = el('li', { role: 'option', id: 'completion-' + i, 'data-word': w },
      el('b', {}, w.slice(0, t.word.length)), w.slice(t.word.length));
    li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(w); });
    return li;
  });
  ul.replaceChildren(...items);
  ul.hidden = items.length === 0 || (items.length === 1 && ans.words[0] === t.word);
  active = -1;
}

function choose(word) {
  const q = $('q');
  const t = lastToken(q.value);
  q.value = q.value.slice(0, t.start) + t.sign + word;
  hideCompletions();
  search(q.value, true);
}

function moveActive(d) {
  const items = $('completions').querySelectorAll('li');
  if ($('completions').hidden || items.length === 0) return false;
  active += d; // -1 is the typed text itself
  if (active >= items.length) active = -1;
  if (active < -1) active = items.length - 1;
  items.forEach((li, i) => li.classList.toggle('active', i === active));
  return true;
}

// ---- the map: a PCA scatter with pan, zoom, hover and click ------------------------------------------------------

const view = { points: [], k: 1, tx: 0, ty: 0, fit: null };

async function drawMap(params, n) {
  const model = parseInt($('map-model').value || '1', 10);
  let ans;
  try {
    ans = await api('map', Object.assign({ n, model }, params));
  } catch (e) {
    $('map-caption').textContent = e.error;
    $('map').replaceChildren();
    view.points = [];
    return;
  }
  view.points = ans.points;
  const total = ans.varianceX + ans.varianceY;
  $('map-caption').textContent = ans.points.length + ' words of ' + models[model - 1].name + '; the axes explain '
    + (100 * ans.varianceX).toFixed(0) + '% and ' + (100 * ans.varianceY).toFixed(0) + '% of their variance ('
    + (100 * total).toFixed(0) + '% together). Drag to pan, scroll to zoom, click a point to search it.';
  fitView();
  renderMap();
}

function mapSize() {
  const r = $('map').getBoundingClientRect();
  return { w: r.width || 600, h: r.height || 480 };
}

/** Scale and offset that fit every point with a margin for labels; y grows upwards as in w2v plot. */
function fitView() {
  const { w, h } = mapSize();
  const xs = view.points.map((p) => p.x), ys = view.points.map((p) => p.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const left = 40, right = 110, top = 30, bottom = 30; // room for labels, mostly on the right of their points
  const sx = (w - left - right) / Math.max(1e-9, x1 - x0), sy = (h - top - bottom) / Math.max(1e-9, y1 - y0);
  view.base = Math.min(sx, sy);
  view.cx = (x0 + x1) / 2;
  view.cy = (y0 + y1) / 2;
  view.k = 1;
  view.tx = left + (w - left - right) / 2;
  view.ty = top + (h - top - bottom) / 2;
}

function toScreen(p) {
  const s = view.base * view.k;
  return [view.tx + (p.x - view.cx) * s, view.ty - (p.y - view.cy) * s];
}

function renderMap() {
  const map = $('map');
  const { w: W, h: H } = mapSize();
  map.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  const links = svg('g'), dots = svg('g'), labels = svg('g');
  const anchors = {};
  const pts = view.points;
  pts.forEach((p) => { if (p.query) anchors[p.group] = toScreen(p); });
  const screen = pts.map(toScreen);
  const dot = (i) => { const [x, y] = screen[i], r = pts[i].query ? 7 : 4.5; return [x - r, y - r, x + r, y + r]; };
  const placed = [];
  const order = pts.map((p, i) => i).sort((a, b) => (pts[b].query ? 1 : 0) - (pts[a].query ? 1 : 0));
  // labels: the words asked for first, then each neighbour where its label overlaps nothing (hover shows the rest)
  for (const i of order) {
    const p = pts[i], [x, y] = screen[i];
    const w = p.word.length * (p.query ? 8.6 : 7.0) + 2, h = p.query ? 16 : 13, r = p.query ? 9 : 6;
    const spots = [[x + r, y - h / 2, 'start'], [x - r - w, y - h / 2, 'end'], [x - w / 2, y - r - h, 'middle'],
      [x - w / 2, y + r, 'middle']];
    const free = ([lx, ly]) => {
      const hit = (b) => lx < b[2] && lx + w > b[0] && ly < b[3] && ly + h > b[1];
      // points are obstacles too, on maps small enough for the quadratic check (a neighbourhood has tens)
      const inside = lx >= 2 && lx + w <= W - 2 && ly >= 2 && ly + h <= H - 2;
      return inside && !placed.some(hit) && (pts.length > 600 || !pts.some((q, j) => j !== i && hit(dot(j))));
    };
    let spot = spots.find(free);
    if (!spot && p.query) spot = spots[0];
    if (!spot) continue;
    placed.push([spot[0], spot[1], spot[0] + w, spot[1] + h]);
    const tx = spot[2] === 'start' ? spot[0] : spot[2] === 'end' ? spot[0] + w : spot[0] + w / 2;
    const t = svg('text', { x: tx, y: spot[1] + h - 3, 'text-anchor': spot[2], class: p.query ? 'query' : '' });
    t.textContent = p.word;
    labels.append(t);
  }
  pts.forEach((p, i) => {
    const [x, y] = screen[i];
    const colour = PALETTE[p.group % PALETTE.length];
    if (!p.query && anchors[p.group]) {
      links.append(svg('line', { class: 'link', x1: anchors[p.group][0], y1: anchors[p.group][1], x2: x, y2: y,
        stroke: colour }));
    }
    const c = svg('circle', { cx: x, cy: y, r: p.query ? 7 : 4.5, fill: colour, class: p.query ? 'query' : '',
      'data-word': p.word });
    c.addEventListener('pointerenter', () => hover(c, p, x, y));
    c.addEventListener('pointerleave', () => unhover(c));
    dots.append(c);
  });
  map.replaceChildren(links, dots, labels);
}

function hover(c, p, x, y) {
  c.classList.add('hover');
  const tip = $('tooltip');
  tip.textContent = p.word;
  const r = $('map').getBoundingClientRect(), scale = r.width / mapSize().w;
  tip.style.left = (x * scale) + 'px';
  tip.style.top = (y * scale) + 'px';
  tip.hidden = false;
}

function unhover(c) {
  c.classList.remove('hover');
  $('tooltip').hidden = true;
}

function zoomAt(factor, sx, sy) {
  const k = Math.max(0.2, Math.min(50, view.k * factor));
  const f = k / view.k;
  view.tx = sx - (sx - view.tx) * f;
  view.ty = sy - (sy - view.ty) * f;
  view.k = k;
  renderMap();
}

function setUpMap() {
  const map = $('map');
  let drag = null;
  map.addEventListener('pointerdown', (e) => {
    drag = { x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty, moved: false, target: e.target };
    map.setPointerCapture(e.pointerId);
  });
  map.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    map.classList.add('dragging');
    $('tooltip').hidden = true;
    view.tx = drag.tx + dx;
    view.ty = drag.ty + dy;
    renderMap();
  });
  map.addEventListener('pointerup', () => {
    const d = drag;
    drag = null;
    map.classList.remove('dragging');
    if (d && !d.moved && d.target.tagName === 'circle') search(d.target.getAttribute('data-word'), true);
  });
  map.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = map.getBoundingClientRect(), scale = mapSize().w / r.width;
    zoomAt(e.deltaY < 0 ? 1.2 : 1 / 1.2, (e.clientX - r.left) * scale, (e.clientY - r.top) * scale);
  }, { passive: false });
  const centre = () => { const { w, h } = mapSize(); return [w / 2, h / 2]; };
  $('zoom-in').addEventListener('click', () => zoomAt(1.4, ...centre()));
  $('zoom-out').addEventListener('click', () => zoomAt(1 / 1.4, ...centre()));
  $('zoom-reset').addEventListener('click', () => { if (view.points.length) { fitView(); renderMap(); } });
  window.addEventListener('resize', () => { if (view.points.length) { fitView(); renderMap(); } });
}

// ---- analogy, cosine, odd one out --------------------------------------------------------------------------------

function errorOut(id, e) { $(id).replaceChildren(el('span', { class: 'error' }, e.error)); }

function answerList(results, score) {
  return el('ol', {}, ...results.map((r) => el('li', {},
    el('span', { class: 'answer', onclick: () => search(r.word, true) }, r.word), el('span', { class: 's' }, fmt(r[score])))));
}

async function perModel(id, name, params, render) {
  const answers = await Promise.all(models.map((m) => api(name, Object.assign({ model: m.model }, params)).catch((e) => e)));
  if (models.length === 1) {
    if (answers[0].error !== undefined) errorOut(id, answers[0]); else $(id).replaceChildren(render(answers[0]));
    return;
  }
  $(id).replaceChildren(el('div', { class: 'cols' }, ...answers.map((a, i) => el('div', {},
    el('h4', { title: models[i].name }, (i + 1) + ': ' + models[i].name),
    a.error !== undefined ? el('span', { class: 'error' }, a.error) : render(a)))));
}

function setUpTools() {
  $('analogy-form').addEventListener('submit', (e) => {
    e.preventDefault();
    perModel('analogy-out', 'analogy', { a: $('an-a').value, b: $('an-b').value, c: $('an-c').value, n: 5 },
      (a) => answerList(a.results, 'cosine'));
  });
  $('cosine-form').addEventListener('submit', (e) => {
    e.preventDefault();
    perModel('cosine-out', 'cosine', { w1: $('cos-a').value, w2: $('cos-b').value },
      (a) => el('div', { class: 'big' }, fmt(a.cosine)));
  });
  $('odd-form').addEventListener('submit', (e) => {
    e.preventDefault();
    perModel('odd-out', 'odd-one-out', { words: $('odd-words').value }, (a) => {
      const ol = answerList(a.results, 'cosine');
      ol.firstChild.classList.add('odd');
      return el('div', {}, el('div', {}, 'odd one out: ', el('b', {}, a.odd)), ol);
    });
  });
  $('map-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const words = $('map-words').value.trim();
    if (words) drawMap({ words }, 0); else if (lastSearch) drawMap({ word: parseQuery(lastSearch).pos.join(' ') }, 20);
  });
  $('map-model').addEventListener('change', () => $('map-form').requestSubmit());
}

// ---- start ---------------------------------------------------------------------------------------------------------

async function start() {
  models = (await api('models')).models;
  $('models').replaceChildren(...models.map((m) => el('span', { class: 'model', title: m.format },
    el('b', {}, (models.length > 1 ? m.model + ': ' : '') + m.name), ' ' + m.words.toLocaleString('en') + ' words × ' + m.dim)));
  $('map-model').replaceChildren(...models.map((m) => el('option', { value: m.model }, 'model ' + m.model)));
  $('map-model').hidden = models.length < 2;
  const q = $('q');
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const items = $('completions').querySelectorAll('li');
    if (!$('completions').hidden && active >= 0 && items[active]) { choose(items[active].dataset.word); return; }
    search(q.value, true);
  });
  q.addEventListener('input', () => { clearTimeout(completeTimer); completeTimer = setTimeout(complete, 120); });
  q.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && moveActive(1)) e.preventDefault();
    else if (e.key === 'ArrowUp' && moveActive(-1)) e.preventDefault();
    else if (e.key === 'Escape') hideCompletions();
  });
  q.addEventListener('blur', () => setTimeout(hideCompletions, 150));
  setUpMap();
  setUpTools();
  window.addEventListener('popstate', (e) => { if (e.state && e.state.q) search(e.state.q, false); });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) search(initial, false);
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', () => start().catch((e) => showMessage([document.createTextNode(
  'Cannot reach the server: ' + (e.error || e))])));
