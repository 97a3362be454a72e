// nianbao dashboard: the comparison pages (an agency across years, its peers, a province's year as a scorecard) and
// the charts, drawn by Apache ECharts (served from the org.mvnpm:echarts jar). Uses el, show, getJson, render,
// valueAt, STATUS_ZH and FIGURES from app.js; as there, every stored value is set as text, never parsed as HTML.
'use strict';

const APPLICANT_TOTAL = 6;

// A chart in a fixed-size box, drawn once the page holding it is rendered (a microtask: before the page counts as
// ready). The instance stays reachable through echarts.getInstanceByDom: the browser tests read its figures there.
function echart(id, option, height) {
  const box = el('div', { id, class: 'chart', style: 'height:' + (height || 300) + 'px' });
  queueMicrotask(() => echarts.init(box, null, { renderer: 'svg' }).setOption(Object.assign({ animation: false }, option)));
  return box;
}

// The overview's bars: all reports per division, with the erroneous ones beside them.
function overviewChart(groups) {
  const names = groups.map(g => g.name || g.code || '未识别');
  return echart('overview-chart', {
    legend: { data: ['收到报告', '有错误'] }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '收到报告', type: 'bar', data: groups.map(g => g.reports), label: { show: true, position: 'top' }, itemStyle: { color: '#6b8fb3' } },
      { name: '有错误', type: 'bar', data: groups.map(g => g.errors), itemStyle: { color: '#d04040' } }]
  }, 260);
}

function agencyKeyOf(reportDocumentId) {
  return /^report:/.test(reportDocumentId || '') ? null : reportDocumentId.replace(/\|\d{4}$/, '');
}

function change(value) {
  if (value === null || value === undefined) return '';
  return value > 0 ? '+' + value : String(value);
}

// A value with its change from the year before beside it, marked up or down.
function figureCell(value, delta, attrs) {
  const cls = ['num', value === null || value === undefined ? 'unread' : ''].filter(Boolean).join(' ');
  return el('td', Object.assign({ class: cls }, attrs), show(value),
    delta ? el('span', { class: 'delta ' + (delta > 0 ? 'up' : 'down') }, ' ' + change(delta)) : '');
}

async function agencyPage(key) {
  const agency = await getJson('api/agencies/' + encodeURIComponent(key));
  const years = agency.years;
  const latest = years[years.length - 1];
  const layout = await getJson('api/template?template=' + encodeURIComponent(latest.template === '2019' ? '2019' : '2021'));
  const yearHeads = years.map(y => el('th', {}, el('a', { href: '#/report/' + encodeURIComponent(y.reportId) }, y.year + '年')));
  const figures = el('table', { id: 'agency-figures' },
    el('thead', {}, el('tr', {}, el('th', {}, '关键数据'), yearHeads)),
    el('tbody', {}, FIGURES.map(([key, label]) => el('tr', { 'data-field': key }, el('th', { scope: 'row' }, label),
      years.map(y => figureCell(y.figures[key], y.figureChanges[key], { 'data-year': y.year }))))));
  const chart = echart('agency-chart', {
    legend: { type: 'scroll' }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: years.map(y => String(y.year)) }, yAxis: { type: 'value', minInterval: 1 },
    series: FIGURES.map(([key, label]) => ({ name: label, type: 'line', connectNulls: false, data: years.map(y => y.figures[key]) }))
  });
  let full = false;
  const tables = el('div', { id: 'agency-tables' });
  const drawTables = () => tables.replaceChildren(...layout.map(t => sectionTable(t, years, full)));
  const toggle = el('button', { type: 'button', id: 'full-tables' }, '显示完整表格');
  toggle.addEventListener('click', () => { full = !full; toggle.textContent = full ? '只看关键行' : '显示完整表格'; drawTables(); });
  drawTables();
  render(el('h2', { id: 'agency-title' }, show(agency.agency) + ' 历年报告对比'),
    el('p', {}, el('a', { href: '#/peers/' + encodeURIComponent(key), id: 'peers-link' }, '同级比较'), ' · ',
      el('span', { class: 'muted' }, '机关标识 ' + key)),
    chart, figures, el('h3', {}, '二、三、四部分逐年对比 ', toggle), tables,
    el('h3', {}, '结转链（上年“结转下年度”＝本年“上年结转”）'), carryChain(years),
    el('h3', {}, '正文与上年对比（照搬的句子标出）'), proseComparison(years),
    el('h3', {}, '同一年度的修订版本'), revisions(years, layout));
}

// A template table with the years side by side, block by block (section 二 prints one block per article item):
// per row its last (总计) cell, or with `full` every column.
function sectionTable(table, years, full) {
  return el('section', {}, el('h4', {}, table.title), table.blocks.map(block => {
    const columns = full ? block.columns.map((c, j) => j) : [block.columns.length - 1];
    return el('table', { 'data-table': table.key },
      el('thead', {}, el('tr', {}, el('th', {}, block.heading || ''), years.map(y => el('th', { colspan: columns.length }, y.year + '年'))),
        full ? el('tr', {}, el('th', {}, ''), years.flatMap(() => columns.map(j => el('th', {}, block.columns[j])))) : []),
      el('tbody', {}, block.rows.map(row => el('tr', {}, el('th', { scope: 'row' }, row.label),
        years.flatMap(y => columns.map(j => {
          const path = lastCell(row.cells, j, full);
          if (!path) return el('td', {});
          return figureCell(path in y.cells ? y.cells[path] : null, y.cellChanges[path], { 'data-path': path, 'data-year': y.year });
        }))))));
  }));
}

// In key-row mode a row's figure is its last printed cell (总计, or the only cell of a 二 row).
function lastCell(cells, column, full) {
  if (full) return cells[column];
  for (let j = cells.length - 1; j >= 0; j--) if (cells[j]) return cells[j];
  return null;
}

const APPLICANTS_ZH = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

function carryChain(years) {
  const links = years.filter(y => y.carryOver);
  if (!links.length) return el('p', { id: 'carry-chain', class: 'muted' }, '没有连续两年的报告，无从核对结转。');
  return el('table', { id: 'carry-chain' },
    el('thead', {}, el('tr', {}, el('th', {}, ''), APPLICANTS_ZH.map(a => el('th', {}, a)))),
    el('tbody', {}, links.flatMap(y => {
      const c = y.carryOver;
      const broken = c.breaks.length > 0;
      const row = (label, values, cls) => el('tr', { class: cls }, el('th', { scope: 'row' }, label),
        values.map((v, j) => el('td', { class: 'num' + (c.breaks.includes(j) ? ' break' : ''), 'data-column': j }, show(v))));
      return [row(c.fromYear + '年 结转下年度', c.carriedForward, 'carry-from'),
        row(c.toYear + '年 上年结转' + (broken ? '（断链）' : '（相符）'), c.carriedOver,
          'carry-to ' + (broken ? 'broken' : 'kept'))];
    })));
}

function proseComparison(years) {
  return el('div', { id: 'prose' }, years.filter(y => y.proseComparedWith).map(y => {
    const share = y.prose.share === null ? '—' : Math.round(y.prose.share * 100) + '%';
    return el('section', { class: 'prose-year', 'data-year': y.year },
      el('h4', {}, y.year + '年 与 ' + y.proseComparedWith + '年相比：照搬 ', el('span', { class: 'share' }, share)),
      y.copyFindings.map(f => el('div', { class: 'finding warn' }, 'COPY-PRIOR ' + f)),
      y.prose.sections.filter(s => s.passages.length).map(s => el('p', {}, el('strong', {}, s.heading + ' '),
        s.passages.map(p => p.copied ? el('mark', { class: 'copied' }, p.text) : el('span', {}, p.text)))));
  }));
}

function revisions(years, layout) {
  const labels = cellLabels(layout);
  const revised = years.filter(y => y.revisions.earlier.length || y.revisions.changes.length);
  if (!revised.length) return el('p', { id: 'revisions', class: 'muted' }, '各年度报告均未修订。');
  return el('div', { id: 'revisions' }, revised.map(y => el('section', { 'data-year': y.year },
    el('h4', {}, y.year + '年：' + (y.revisions.earlier.length + 1) + ' 个版本'),
    el('ul', {}, y.revisions.earlier.map(h => el('li', {}, '早先版本 ' + show(h.reportId) + '（' + show(h.storedAt) + '，'
      + (STATUS_ZH[h.status] || show(h.status)) + '）'))),
    y.revisions.changes.map(c => el('div', { class: 'finding warn revision' },
      el('strong', {}, 'PUB-CHANGED ' + show(c.from) + ' → ' + show(c.to) + ' '), c.messageZh,
      el('table', {}, el('tbody', {}, c.cells.map(path => el('tr', {}, el('th', { scope: 'row' }, labels.get(path) || path),
        el('td', { class: 'num', 'data-path': path }, show(path in y.cells ? y.cells[path] : null)))))))))));
}

function peerRows(peers, extra) {
  return peers.map(p => el('tr', { 'data-agency-key': p.agencyKey || '', class: p.countyGovernment ? 'government' : '' },
    el('td', {}, p.agencyKey ? el('a', { href: '#/agency/' + encodeURIComponent(p.agencyKey) }, show(p.agency)) : show(p.agency)),
    el('td', {}, STATUS_ZH[p.status] || show(p.status)),
    FIGURES.map(([key]) => el('td', { class: 'num', 'data-field': key }, show(p.figures[key]))), extra ? extra(p) : []));
}

function peerTable(id, peers, footer) {
  return el('table', { id }, el('thead', {}, el('tr', {}, el('th', {}, '机关'), el('th', {}, '核查结果'), FIGURES.map(f => el('th', {}, f[1])))),
    el('tbody', {}, peerRows(peers)), footer || []);
}

async function peersPage(key, params) {
  const query = params.get('year') ? '?year=' + encodeURIComponent(params.get('year')) : '';
  const peers = await getJson('api/agencies/' + encodeURIComponent(key) + '/peers' + query);
  const h = peers.hierarchy;
  const parts = el('tfoot', {}, el('tr', { id: 'parts-total' }, el('th', { scope: 'row' }, '所属部门和乡镇合计'), el('td', {}, ''),
    FIGURES.map(([key]) => el('td', { class: 'num', 'data-field': key }, show(h.partsTotal[key])))));
  const chart = echart('peers-chart', {
    tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 180 },
    yAxis: { type: 'category', data: peers.county.map(p => p.agency), inverse: true, axisLabel: { interval: 0 } }, xAxis: { type: 'value', minInterval: 1 },
    series: [['newApplications', '本年新收申请'], ['granted', '予以公开']].map(([key, label]) =>
      ({ name: label, type: 'bar', data: peers.county.map(p => p.figures[key]) }))
  }, 60 + 36 * peers.county.length);
  render(el('h2', { id: 'peers-title' }, show(peers.self.agency) + ' ' + peers.year + '年 同级比较'),
    el('p', {}, el('a', { href: '#/agency/' + encodeURIComponent(key) }, '历年对比')),
    el('h3', {}, '同一县（区）的报告'), chart, peerTable('county-peers', peers.county, parts),
    el('div', { id: 'hierarchy' }, h.government ? (h.findings.length
      ? h.findings.map(f => el('div', { class: 'finding warn' }, 'HIER-SUM ' + f))
      : el('p', { class: 'muted' }, '本级政府报告不少于所属部门和乡镇之和（HIER-SUM 未发现问题）。'))
      : el('p', { class: 'muted' }, '本年度未收到本级政府报告。')),
    el('h3', {}, '省内同类机关（' + show(peers.kind) + '）'), peerTable('kind-peers', peers.sameKind),
    peers.sameKindTotal > peers.sameKind.length ? el('p', { id: 'kind-peers-shown', class: 'muted' }, '显示 ' + peers.sameKind.length + ' / ' + peers.sameKindTotal + ' 个（本县、本市的在前，各按名称）') : '',
    el('h3', {}, '正文雷同的其他机关报告（COPY-PEER）'),
    el('div', { id: 'copies' }, peers.copies.length ? peers.copies.map(c => el('section', { class: 'copy' },
      el('h4', {}, c.reportId ? el('a', { href: '#/report/' + encodeURIComponent(c.reportId) }, show(c.agency)) : show(c.agency)),
      el('p', { class: 'muted' }, c.messageZh), el('ol', {}, c.shared.map(s => el('li', {}, el('mark', { class: 'copied' }, s))))))
      : el('p', { class: 'muted' }, '未发现雷同报告。')));
}

// The scorecard's columns: [field, heading, value shown, value sorted by].
const YES_NO = v => v ? '是' : '否';
const REVIEW_COLUMNS = [
  ['countyName', '县（区）', e => show(e.countyName)],
  ['agency', '机关名称', e => show(e.agency)],
  ['status', '核查结果', e => STATUS_ZH[e.status] || show(e.status)],
  ['late', '按期发布', e => e.late === null ? '日期不明' : e.late ? '否' : '是', e => e.late === null ? 0.5 : e.late ? 1 : 0],
  ['sectionsFound', '章节', e => e.sectionsFound + '/6'],
  ['incomplete', '内容完整', e => YES_NO(!e.incomplete)],
  ['errors', '错误', e => e.errors],
  ['warnings', '警告', e => e.warnings],
  ['copyPrior', '照搬上年', e => YES_NO(e.copyPrior)],
  ['copyPeer', '与他机关雷同', e => YES_NO(e.copyPeer)],
  ['revisions', '修订', e => e.revisions],
  ['newApplications', '本年新收申请', e => show(e.figures.newApplications), e => e.figures.newApplications],
  ['newApplicationsChange', '较上年', e => e.previousStatus === null ? '上年无报告' : change(e.figureChanges.newApplications) || '—',
    e => e.figureChanges.newApplications]];

async function reviewPage(params) {
  const province = params.get('province') || '';
  const year = params.get('year') || '';
  const form = el('form', { id: 'review-form' },
    el('label', {}, '省份代码 ', el('input', { name: 'province', size: 4, value: province })),
    el('label', {}, '年度 ', el('input', { name: 'year', size: 6, value: year })),
    el('button', { type: 'submit' }, '生成评议表'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    location.hash = '#/review?' + new URLSearchParams({ province: form.elements.province.value.trim(), year: form.elements.year.value.trim() });
  });
  if (!province || !year) {
    render(el('h2', {}, '年度评议'), form, el('p', { class: 'muted' }, '输入省份代码和年度，列出该省该年度每个机关的报告评议。'));
    return;
  }
  const query = new URLSearchParams({ province, year });
  const card = await getJson('api/reviews?' + query);
  const s = card.summary;
  const cities = [...new Map(card.entries.map(e => [e.cityCode || '', e.cityName || e.cityCode || '未识别'])).entries()];
  const citySelect = el('select', { name: 'city', id: 'city-filter' }, el('option', { value: '' }, '全部市'),
    cities.map(([code, name]) => el('option', { value: code }, name)));
  const countySelect = el('select', { name: 'county', id: 'county-filter' });
  const body = el('tbody', {});
  const missingList = el('ul', { id: 'missing-list' });
  const shownCount = el('span', { id: 'review-count' });
  let sortBy = null, descending = false, sortValueOf = null;
  const head = el('tr', {}, REVIEW_COLUMNS.map(([field, label, , sortValue]) => {
    const th = el('th', { 'data-sort': field, class: 'sortable' }, label);
    th.addEventListener('click', () => {
      descending = sortBy === field ? !descending : false;
      sortBy = field;
      sortValueOf = sortValue || (e => e[field]);
      draw();
    });
    return th;
  }));
  const inDivision = item => (!citySelect.value || item.cityCode === citySelect.value)
    && (!countySelect.value || item.countyCode === countySelect.value);
  const fillCounties = () => {
    const counties = new Map(card.entries.filter(e => !citySelect.value || e.cityCode === citySelect.value)
      .map(e => [e.countyCode || '', e.countyName || e.countyCode || '未识别']));
    countySelect.replaceChildren(el('option', { value: '' }, '全部县（区）'), [...counties].map(([code, name]) => el('option', { value: code }, name)));
  };
  const draw = () => {
    const rows = card.entries.filter(inDivision);
    if (sortBy) {
      rows.sort((a, b) => {
        const x = sortValueOf(a), y = sortValueOf(b);
        const order = x === y ? 0 : x === null || x === undefined ? 1 : y === null || y === undefined ? -1 : x < y ? -1 : 1;
        return descending ? -order : order;
      });
    }
    head.querySelectorAll('th').forEach(th => th.setAttribute('aria-sort', th.dataset.sort === sortBy ? (descending ? 'descending' : 'ascending') : 'none'));
    body.replaceChildren(...rows.map(e => el('tr', { 'data-agency-key': e.agencyKey, class: e.errors ? 'has-errors' : '' },
      REVIEW_COLUMNS.map(([field, , value]) => el('td', { 'data-field': field, class: field === 'agency' || field === 'countyName' ? '' : 'num' },
        field === 'agency' ? el('a', { href: '#/agency/' + encodeURIComponent(e.agencyKey) }, value(e)) : value(e))))));
    missingList.replaceChildren(...card.missing.filter(inDivision).map(m => el('li', { 'data-agency-key': m.agencyKey },
      el('a', { href: '#/agency/' + encodeURIComponent(m.agencyKey) }, show(m.agency)), ' ', el('span', { class: 'muted' },
        show(m.cityName) + ' ' + show(m.countyName) + ' · 上年报告 ' + show(m.previousReportId)))));
    shownCount.textContent = '显示 ' + rows.length + ' / ' + card.entries.length + ' 个机关';
  };
  citySelect.addEventListener('change', () => { fillCounties(); draw(); });
  countySelect.addEventListener('change', draw);
  fillCounties();
  draw();
  render(el('h2', { id: 'review-title' }, (card.provinceName || '省份代码 ' + province) + ' ' + year + ' 年度报告评议'), form,
    el('p', { id: 'review-summary' }, '报告 ' + s.reports + ' 份 · 逾期 ' + s.late + ' · 内容不完整 ' + s.incomplete + ' · 有错误 '
      + s.withErrors + ' · 疑照搬 ' + s.copied + ' · 上年发布本年未发布 ' + s.missing + ' · ',
      el('a', { href: 'api/reviews/export.xlsx?' + query, id: 'review-export' }, '导出 Excel 评议表')),
    countyErrorChart(card.entries),
    el('p', {}, el('label', {}, '市 ', citySelect), el('label', {}, '县（区） ', countySelect), shownCount),
    el('table', { id: 'review-table' }, el('thead', {}, head), body),
    el('h3', {}, '上年发布、本年未发布的机关'), missingList);
}

// The share of each county's reports with errors, in per cent.
function countyErrorChart(entries) {
  const counties = new Map();
  entries.forEach(e => {
    const name = e.countyName || e.countyCode || '未识别';
    const c = counties.get(name) || { reports: 0, errors: 0 };
    c.reports++;
    if (e.errors > 0) c.errors++;
    counties.set(name, c);
  });
  const names = [...counties.keys()];
  return echart('county-error-chart', {
    title: { text: '各县（区）报告差错率（%）', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } }, yAxis: { type: 'value', max: 100 },
    series: [{ name: '差错率', type: 'bar', itemStyle: { color: '#d04040' }, label: { show: true, position: 'top' },
      data: names.map(n => Math.round(1000 * counties.get(n).errors / counties.get(n).reports) / 10) }]
  }, 240);
}
