// nianbao dashboard. Every value from the store is rendered with textContent or as an attribute value set
// through the DOM, never parsed as HTML, so a report's text cannot inject markup.
'use strict';

const STATUS_ZH = { consistent: '一致', errors: '有错误', warnings: '有警告', needsReview: '需人工核查' };
const FIGURES = [
  ['newApplications', '本年新收申请'], ['granted', '予以公开'], ['denied', '不予公开'],
  ['reviews', '行政复议'], ['litigations', '行政诉讼'], ['penalties', '行政处罚'], ['licences', '行政许可']];
const LEVEL_ZH = { province: '省份', city: '市', county: '县（区）' };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) node.setAttribute(k, v); });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function show(value) { return value === null || value === undefined ? '—' : String(value); }

// When the service protects reads, the API key is asked for once and kept for this browser tab only.
const KEY_STORE = 'nianbao.apiKey';

async function getJson(url, askedForKey) {
  const key = sessionStorage.getItem(KEY_STORE);
  const response = await fetch(url, { headers: key ? { 'X-API-Key': key } : {} });
  if (response.status === 401 && !askedForKey) {
    // Requests refused at the same time ask once: a key entered meanwhile is tried before asking again.
    const entered = sessionStorage.getItem(KEY_STORE) !== key ? sessionStorage.getItem(KEY_STORE)
      : window.prompt('此服务的查询需要 API 密钥，请输入：');
    if (entered) {
      sessionStorage.setItem(KEY_STORE, entered.trim());
      return getJson(url, true);
    }
  }
  if (response.status === 204) return null;
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

function hashQuery() {
  const hash = location.hash || '#/';
  const at = hash.indexOf('?');
  return { path: at < 0 ? hash.slice(1) : hash.slice(1, at), params: new URLSearchParams(at < 0 ? '' : hash.slice(at + 1)) };
}

function render(...nodes) {
  const view = document.getElementById('view');
  view.replaceChildren(...nodes);
}

async function overview(params) {
  const query = new URLSearchParams();
  ['year', 'province', 'city'].forEach(k => { if (params.get(k)) query.set(k, params.get(k)); });
  const stats = await getJson('api/statistics?' + query);
  const level = stats.level;
  const table = el('table', { id: 'overview-table' },
    el('thead', {}, el('tr', {}, el('th', {}, LEVEL_ZH[level]), el('th', {}, '收到报告'), el('th', {}, '一致'),
      el('th', {}, '有错误'), el('th', {}, '需人工核查'), FIGURES.map(f => el('th', {}, f[1])))),
    el('tbody', {}, stats.groups.map(g => {
      const next = new URLSearchParams(query);
      if (level === 'province' && g.code) next.set('province', g.code);
      if (level === 'city' && g.code) next.set('city', g.code);
      const name = g.name || g.code || '未识别';
      const label = level !== 'county' && g.code ? el('a', { href: '#/?' + next }, name) : name;
      return el('tr', { 'data-code': g.code || '' },
        el('td', {}, label),
        el('td', { class: 'num', 'data-field': 'reports' }, g.reports),
        el('td', { class: 'num', 'data-field': 'consistent' }, g.consistent),
        el('td', { class: 'num', 'data-field': 'errors' }, g.errors),
        el('td', { class: 'num', 'data-field': 'needsReview' }, g.needsReview),
        FIGURES.map(f => el('td', { class: 'num', 'data-field': f[0] }, show(g.totals[f[0]]))));
    })));
  const form = el('form', { id: 'year-form' }, el('label', {}, '年度 ', el('input', { name: 'year', size: 6, value: params.get('year') || '' })),
    el('button', { type: 'submit' }, '筛选'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const next = new URLSearchParams(query);
    const year = form.elements.year.value.trim();
    if (year) next.set('year', year); else next.delete('year');
    location.hash = '#/?' + next;
  });
  render(el('h2', {}, '各' + LEVEL_ZH[level] + '报告概况'), breadcrumbs(query), form, overviewChart(stats.groups), table);
}

// The way back up from a drill-down: to all provinces, and from a city's counties to its province's cities.
function breadcrumbs(query) {
  const up = keys => {
    const q = new URLSearchParams();
    keys.forEach(k => { if (query.get(k)) q.set(k, query.get(k)); });
    return '#/?' + q;
  };
  const links = [];
  if (query.get('province') || query.get('city')) links.push(el('a', { href: up(['year']), class: 'up' }, '全国'));
  if (query.get('province') && query.get('city')) links.push(' › ', el('a', { href: up(['year', 'province']), class: 'up' }, '省内各市'));
  return el('p', { id: 'breadcrumbs' }, links);
}

// The search form's fields: [parameter, label, choices as [value, label] (a free text field when absent)].
const FILTERS = [['agency', '机关名称'], ['province', '省份代码'], ['city', '市代码'], ['county', '县代码'],
  ['year', '年度'], ['template', '模板', [['2019', '2019年版'], ['2021', '2021年版']]],
  ['status', '核查结果', Object.entries(STATUS_ZH)], ['rule', '规则']];

function filterField(name, choices, value) {
  if (!choices) return el('input', { name, size: name === 'agency' ? 16 : 6, value });
  const select = el('select', { name }, el('option', { value: '' }, '全部'),
    choices.map(([v, label]) => el('option', { value: v }, label)));
  select.value = value;
  return select;
}

// A filter form over `filters` ([key, label, choices?]) filled from the route's params; submitting it opens `route`
// with the filled ones. Returns the form and the query of the filters the page shows now.
function filterForm(id, filters, params, route, submitLabel) {
  const query = new URLSearchParams();
  filters.forEach(([k]) => { if (params.get(k)) query.set(k, params.get(k)); });
  const form = el('form', { id }, filters.map(([k, label, choices]) =>
    el('label', {}, label + ' ', filterField(k, choices, params.get(k) || ''))),
    el('button', { type: 'submit' }, submitLabel));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const next = new URLSearchParams();
    filters.forEach(([k]) => { const v = form.elements[k].value.trim(); if (v) next.set(k, v); });
    location.hash = route + '?' + next;
  });
  return { form, query };
}

// Loads `api` page by page (50 a page, by cursor) into `body`, one row per item; `more` loads the next page.
async function pagedRows(api, query, count, unit, body, more, row) {
  let cursor = null;
  async function load() {
    const page = new URLSearchParams(query);
    page.set('size', '50');
    if (cursor) page.set('cursor', cursor);
    try {
      const result = await getJson(api + '?' + page);
      count.textContent = '共 ' + result.total + ' ' + unit;
      result.items.forEach(item => body.append(row(item)));
      cursor = result.nextCursor;
      more.hidden = !cursor;
    } catch (e) {
      count.textContent = '查询失败：' + e.message;
    }
  }
  more.addEventListener('click', load);
  await load();
}

async function reports(params) {
  const { form, query } = filterForm('search-form', FILTERS, params, '#/reports', '检索');
  const body = el('tbody', {});
  const table = el('table', { id: 'report-list' }, el('thead', {}, el('tr', {}, ['机关名称', '年度', '模板', '核查结果', '告警数',
    '本年新收申请'].map(h => el('th', {}, h)))), body);
  const count = el('p', { id: 'report-count' });
  const more = el('button', { id: 'more', type: 'button' }, '更多');
  const exports = el('p', {}, el('a', { href: 'api/reports/export.csv?' + query }, '导出 CSV'), ' ',
    el('a', { href: 'api/reports/export.xlsx?' + query }, '导出 Excel'));
  render(el('h2', {}, '报告检索'), form, exports, count, table, more);
  await pagedRows('api/reports', query, count, '份', body, more, r => el('tr', { 'data-report-id': r.reportId },
    el('td', {}, el('a', { href: '#/report/' + encodeURIComponent(r.reportId) }, show(r.agency))),
    el('td', {}, show(r.year)), el('td', {}, show(r.template)), el('td', {}, STATUS_ZH[r.status] || show(r.status)),
    el('td', { class: 'num' }, show(r.alertCount)),
    el('td', { class: 'num' }, show(r.applications && r.applications.newApplications ? r.applications.newApplications[6] : null))));
}

function valueAt(report, path) {
  let current = report;
  for (const step of path.split('.')) {
    const m = /^([^\[]+)(?:\[(\d+)\])?$/.exec(step);
    current = current == null ? null : current[m[1]];
    if (m[2] !== undefined) current = Array.isArray(current) ? current[Number(m[2])] : null;
  }
  return current === undefined ? null : current;
}

// A finding names its cells by path; the reader knows them by the template's row and column headings.
function cellLabels(layout) {
  const labels = new Map();
  layout.forEach(t => t.blocks.forEach(b => b.rows.forEach(row => row.cells.forEach((path, j) => {
    if (path) labels.set(path, row.label + ' · ' + b.columns[j]);
  }))));
  return labels;
}

async function report(id) {
  const r = await getJson('api/reports/' + encodeURIComponent(id));
  const layout = await getJson('api/template?template=' + encodeURIComponent(r.template === '2019' ? '2019' : '2021'));
  const findings = r.findings || [];
  const flagged = new Map();
  const labels = cellLabels(layout);
  findings.forEach((f, i) => (f.cells || []).forEach(c => flagged.set(c, (flagged.get(c) || []).concat(i + 1))));
  // Section 二 prints one block per article item, each with its own columns; 三 and 四 are one block.
  const tables = layout.map(t => el('section', {}, el('h3', {}, t.title), t.blocks.map(b =>
    el('table', { 'data-table': t.key },
      el('thead', {}, el('tr', {}, el('th', {}, b.heading || ''), b.columns.map(c => el('th', {}, c)))),
      el('tbody', {}, b.rows.map(row => el('tr', {}, el('th', { scope: 'row' }, row.label),
        row.cells.map(path => {
          const value = valueAt(r, path);
          const marks = flagged.get(path);
          const cls = ['num', value === null ? 'unread' : '', marks ? 'flagged' : ''].filter(Boolean).join(' ');
          return el('td', { class: cls, 'data-path': path, title: marks ? '见发现 ' + marks.join('、') : path },
            show(value), marks ? el('sup', {}, marks.join(',')) : '');
        }))))))));
  const source = r.source || {};
  const sourceLink = /^https?:\/\//.test(source.url || '')
    ? el('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank', id: 'source-link' }, '原文链接')
    : el('span', { class: 'muted' }, '来源：' + show(source.fileName));
  const findingList = el('div', { id: 'findings' }, el('h3', {}, '核查发现（' + findings.length + '）'),
    findings.map((f, i) => el('div', { class: 'finding' + (f.severity === 'ERROR' ? '' : ' warn'), 'data-rule': f.ruleId },
      el('strong', {}, (i + 1) + '. ' + f.ruleId + ' '), el('span', {}, f.messageZh),
      el('div', { class: 'muted', title: (f.cells || []).join(' ') },
        '应为 ' + show(f.expected) + '，实为 ' + show(f.found) + '；单元格：' + (f.cells || []).map(c => labels.get(c) || c).join('、')))));
  const history = el('ul', { id: 'history' }, (r.history || []).map(h =>
    el('li', {}, show(h.storedAt) + ' ' + show(h.reportId) + '（解析器 ' + show(h.parserVersion) + '，' + (STATUS_ZH[h.status] || show(h.status)) + '）')));
  render(el('h2', { id: 'report-title' }, show(r.agency) + ' ' + show(r.year) + '年度报告'),
    el('p', {}, '模板 ' + show(r.template) + ' · 核查结果 ' + (STATUS_ZH[r.status] || show(r.status)) + ' · ', sourceLink, ' · ',
      el('a', { href: 'api/reports/' + encodeURIComponent(id) + '/tables.xlsx' }, '表格导出 Excel'),
      agencyKeyOf(r.id) ? [' · ', el('a', { href: '#/agency/' + encodeURIComponent(agencyKeyOf(r.id)), id: 'agency-link' }, '历年对比'),
        ' · ', el('a', { href: '#/peers/' + encodeURIComponent(agencyKeyOf(r.id)) + '?year=' + r.year, id: 'peers-link' }, '同级比较')] : []),
    el('div', { id: 'report-layout' }, el('div', { id: 'report-tables' }, tables), findingList),
    el('h3', {}, '历史版本'), history);
}

function feedItem(alert, isNew) {
  return el('li', { class: isNew ? 'new' : '', 'data-alert-id': alert.alertId, 'data-raised-at': alert.raisedAt || '' },
    el('a', { href: '#/report/' + encodeURIComponent(alert.reportId) }, show(alert.agency) + ' ' + show(alert.year)),
    ' ', el('strong', {}, alert.ruleId), ' ', alert.messageZh || '');
}

async function startFeed() {
  const feed = document.getElementById('alert-feed');
  const state = document.getElementById('feed-state');
  let source = null;
  // EventSource sends no headers: with an API key configured the stream opens with a short-lived token (none
  // comes back when no key is configured). A refused token closes the source; it is reopened with a fresh one.
  const connect = async () => {
    let url = 'api/alerts/stream';
    try {
      const token = await getJson('api/alerts/stream-token');
      if (token) url += '?token=' + encodeURIComponent(token.token);
    } catch (e) {
      state.textContent = e.message;
    }
    source = new EventSource(url);
    source.onopen = () => {
      state.textContent = '已连接';
      catchUp(feed, state);
    };
    source.onerror = () => {
      state.textContent = '重新连接中…';
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
    };
    source.onmessage = event => {
      const alert = JSON.parse(event.data);
      // catchUp may have shown it already: an alert stored while the stream was opening comes both ways.
      if (!feed.querySelector('[data-alert-id="' + CSS.escape(alert.alertId) + '"]')) feed.prepend(feedItem(alert, true));
    };
  };
  // A page left open in the back-forward cache would hold its stream, and browsers allow only six connections
  // per server: close it on leaving, open it again on coming back.
  window.addEventListener('pagehide', () => { if (source) source.close(); });
  window.addEventListener('pageshow', event => { if (event.persisted) connect(); });
  connect();
}

// On every (re)connection, the latest alerts from the API: those raised before the page opened, and those raised
// while the stream was down (the stream only carries alerts stored while it is open). Each is shown once, in
// order of raising, newest first.
async function catchUp(feed, state) {
  try {
    const recent = await getJson('api/alerts?size=20');
    recent.items.forEach(alert => {
      if (feed.querySelector('[data-alert-id="' + CSS.escape(alert.alertId) + '"]')) return;
      const item = feedItem(alert, false);
      const later = Array.from(feed.children).find(li => li.dataset.raisedAt && Date.parse(li.dataset.raisedAt) < Date.parse(item.dataset.raisedAt));
      feed.insertBefore(item, later || null);
    });
  } catch (e) {
    state.textContent = e.message;
  }
}

async function route() {
  const { path, params } = hashQuery();
  try {
    if (path.startsWith('/report/')) await report(decodeURIComponent(path.slice('/report/'.length)));
    else if (path === '/reports') await reports(params);
    else if (path === '/failures') await failures(params);
    else if (path.startsWith('/agency/')) await agencyPage(decodeURIComponent(path.slice('/agency/'.length)));
    else if (path.startsWith('/peers/')) await peersPage(decodeURIComponent(path.slice('/peers/'.length)), params);
    else if (path === '/review') await reviewPage(params);
    else await overview(params);
  } catch (e) {
    render(el('p', { class: 'error' }, '加载失败：' + e.message));
  }
  document.body.setAttribute('data-ready', location.hash || '#/');
}

window.addEventListener('hashchange', route);
startFeed();
route();
