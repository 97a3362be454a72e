// nianbao dashboard, page 处理失败: the dead letters of every stage, with what each means and what to do, and a
// replay button once the cause is fixed. Loaded before app.js, whose helpers (el, getJson, render, show) it uses
// when the route calls it.
'use strict';

const STAGE_ZH = { ingest: '接收', parse: '解析', validate: '核查', store: '入库' };
const ORIGIN_ZH = { upload: '上传', crawl: '抓取' };
const FAILURE_FILTERS = [['stage', '环节', Object.entries(STAGE_ZH)], ['errorType', '错误类型'],
  ['province', '省份代码'], ['source', '来源', Object.entries(ORIGIN_ZH)], ['since', '起始日期']];

async function replayDeadLetter(id, askedForKey) {
  const key = sessionStorage.getItem(KEY_STORE);
  const response = await fetch('api/dead-letters/' + encodeURIComponent(id) + '/replay',
    { method: 'POST', headers: key ? { 'X-API-Key': key } : {} });
  if (response.status === 401 && !askedForKey) {
    const entered = window.prompt('重新处理需要 API 密钥，请输入：');
    if (entered) {
      sessionStorage.setItem(KEY_STORE, entered.trim());
      return replayDeadLetter(id, true);
    }
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

function failureRow(d) {
  const replay = el('button', { type: 'button', class: 'replay' }, d.replayedAt ? '已重新处理' : '重新处理');
  replay.disabled = Boolean(d.replayedAt);
  replay.addEventListener('click', async () => {
    replay.disabled = true;
    try {
      const done = await replayDeadLetter(d.id);
      replay.textContent = '已重新处理 ' + show(done.replayedAt);
    } catch (e) {
      replay.disabled = false;
      replay.textContent = '重新处理失败：' + e.message;
    }
  });
  const what = [d.agency, d.fileName, d.sourceUrl].find(v => v) || d.reportId || '（原记录无法读取）';
  return el('tr', { 'data-dead-letter-id': d.id },
    el('td', {}, show(d.failedAt)),
    el('td', { 'data-field': 'stage' }, STAGE_ZH[d.stage] || show(d.stage)),
    el('td', { 'data-field': 'errorType', title: d.errorType }, d.meaningZh || show(d.errorType)),
    el('td', {}, d.reportId ? el('a', { href: 'api/documents/' + encodeURIComponent(d.reportId) }, what) : what),
    el('td', { 'data-field': 'reason' }, el('div', {}, show(d.reason)),
      d.actionZh ? el('div', { class: 'muted' }, '处理建议：' + d.actionZh) : ''),
    el('td', {}, replay));
}

async function failures(params) {
  const { form, query } = filterForm('failure-form', FAILURE_FILTERS, params, '#/failures', '筛选');
  const stats = await getJson('api/statistics' + (query.get('province') ? '?province=' + encodeURIComponent(query.get('province')) : ''));
  const byStage = (stats.failures && stats.failures.stage) || {};
  const summary = el('p', { id: 'failure-summary' }, Object.keys(byStage).length === 0 ? '没有处理失败的报告'
    : Object.entries(byStage).map(([stage, n]) => (STAGE_ZH[stage] || stage) + ' ' + n + ' 份').join('，'));
  const body = el('tbody', {});
  const table = el('table', { id: 'failure-list' }, el('thead', {}, el('tr', {},
    ['失败时间', '环节', '错误类型', '报告', '原因', ''].map(h => el('th', {}, h)))), body);
  const count = el('p', { id: 'failure-count' });
  const more = el('button', { id: 'more-failures', type: 'button' }, '更多');
  render(el('h2', {}, '处理失败'), summary, form, count, table, more);
  await pagedRows('api/dead-letters', query, count, '条', body, more, failureRow);
}
