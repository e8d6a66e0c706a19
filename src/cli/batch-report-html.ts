/**
 * The HTML review page of --report: one self-contained file, no network, no external asset.
 * A table of the pages, the ones whose article lost most first, sortable by any column and
 * filtered by path and by rule; a row opens to show the page's lines, the removed ones struck
 * through with the rule that removed them (and the model's score, explained in the legend),
 * cut phrases marked inside kept lines, lines moved into related stories told apart from losses.
 */
import type { PageReport, Totals } from './batch-report-types.js';
import { grouped } from './tally.js';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 1px solid #ddd; padding: 12px 20px; }
h1 { font-size: 18px; margin: 0 0 4px; }
header p { margin: 4px 0; }
.controls { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
details.legend { font-size: 12.5px; color: #444; max-width: 70em; }
details.legend dt { font-weight: 600; }
details.legend dd { margin: 0 0 4px 1.5em; }
main { padding: 12px 20px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th { position: sticky; top: var(--header, 0px); background: #f2f2f2; text-align: left; padding: 6px 8px; cursor: pointer; user-select: none; white-space: nowrap; border-bottom: 1px solid #ddd; }
th[aria-sort="descending"]::after { content: ' ▼'; }
th[aria-sort="ascending"]::after { content: ' ▲'; }
td { padding: 5px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
tr.page { cursor: pointer; }
tr.page:hover { background: #f6f9fc; }
td.number { font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap; }
td.input { font-family: ui-monospace, monospace; min-width: 14em; overflow-wrap: anywhere; }
td.title { color: #555; }
td.rules { color: #555; font-size: 12.5px; }
tr.failed td.lost { color: #b00020; font-weight: 600; }
td.lost { font-weight: 600; }
tr.lines > td { padding: 0; background: #fff; }
ol.lines { font-family: ui-monospace, monospace; font-size: 12.5px; margin: 0; padding: 8px 12px 12px 3.5em; }
ol.lines li { white-space: pre-wrap; word-break: break-word; }
li.removed { color: #9a9a9a; text-decoration: line-through; }
li.related { color: #7a6a2a; text-decoration: none; }
/* inline-block: a struck-through line's rule label is not struck through. */
.rule { display: inline-block; color: #0a6b8a; font-size: 11.5px; margin-left: 8px; text-decoration: none; }
del { color: #b00020; }
.marked { background: #fff3b0; }
.messages { color: #b00020; padding: 4px 12px; white-space: pre-wrap; }
`;

const SCRIPT = `
const data = JSON.parse(document.getElementById('report-data').textContent);
const body = document.getElementById('pages');
const ruleFilter = document.getElementById('rule-filter');
const pathFilter = document.getElementById('path-filter');
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
const ruleId = (label) => label.split(' ')[0];
const percent = (share) => (share * 100).toFixed(1) + '%';
const count = (n) => n.toLocaleString('en-US');
function renderLines(page, list) {
  for (const line of page.lines) {
    const li = el('li', line.kind);
    if (line.kind === 'blank') li.textContent = ' ';
    else if (line.kind === 'removed') {
      if (line.related) li.classList.add('related');
      li.append(line.text);
      for (const label of line.rules) { const tag = el('span', 'rule', '[' + label + (line.related ? ', to related stories' : '') + ']'); tag.dataset.rule = ruleId(label); li.append(tag); }
      li.dataset.rules = line.rules.map(ruleId).join(' ');
    } else {
      for (const part of line.parts) {
        if (part.kind === 'kept') li.append(part.text);
        else { const del = el('del', '', part.text); del.dataset.rule = part.rule; del.append(el('span', 'rule', '{' + part.rule + '}')); li.append(del); }
      }
    }
    list.append(li);
  }
}
// The columns, and how each sorts: numbers the largest first (the confidence the lowest: the
// doubtful pages first), text in order.
const COLUMNS = {
  lost: (page) => (page.failed ? Infinity : page.lostShare),
  confidence: (page) => (page.failed ? -Infinity : page.confidence),
  kind: (page) => page.kind ?? '',
  removed: (page) => page.removedShare,
  related: (page) => page.charsRelated,
  charsIn: (page) => page.charsIn,
  charsOut: (page) => page.charsOut,
  input: (page) => page.input,
  title: (page) => page.title ?? '',
};
const rows = data.pages.map((page, order) => {
  const row = el('tr', 'page' + (page.failed ? ' failed' : ''));
  row.dataset.rules = Object.keys(page.rules).join(' ');
  const rules = Object.entries(page.rules).sort((a, b) => b[1] - a[1]).map(([rule, n]) => rule + ' ' + n).join(', ');
  row.append(
    el('td', 'number lost', page.failed ? 'failed' : percent(page.lostShare)),
    el('td', 'number', page.failed ? '' : page.confidence.toFixed(2)),
    el('td', 'kind', page.kind ?? ''),
    el('td', 'number', page.failed ? '' : percent(page.removedShare)),
    el('td', 'number', page.failed ? '' : count(page.charsRelated)),
    el('td', 'number', page.failed ? '' : count(page.charsIn)),
    el('td', 'number', page.failed ? '' : count(page.charsOut)),
    el('td', 'input', page.input),
    el('td', 'title', page.title ?? ''),
    el('td', 'rules', rules),
  );
  const detail = el('tr', 'lines');
  detail.hidden = true;
  const cell = el('td');
  cell.colSpan = 10;
  if (page.messages.length > 0) cell.append(el('div', 'messages', page.messages.join('\\n')));
  const list = el('ol', 'lines');
  if (page.lines) cell.append(list);
  else if (!page.failed) cell.append(el('div', 'messages', 'Lines not kept: the report keeps those of the pages that lost most.'));
  detail.append(cell);
  row.addEventListener('click', () => {
    detail.hidden = !detail.hidden;
    if (!detail.hidden && page.lines && list.childElementCount === 0) { renderLines(page, list); mark(); }
  });
  return { page, order, row, detail };
});
function mark() {
  const rule = ruleFilter.value;
  for (const node of body.querySelectorAll('[data-rule], li.removed')) {
    const rules = node.dataset.rules ? node.dataset.rules.split(' ') : [node.dataset.rule];
    node.classList.toggle('marked', rule !== '' && rules.includes(rule));
  }
}
let sortKey = 'lost';
let descending = true;
function sortRows() {
  const key = COLUMNS[sortKey];
  rows.sort((a, b) => {
    const x = key(a.page);
    const y = key(b.page);
    const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return (descending ? -order : order) || a.order - b.order;
  });
  for (const th of document.querySelectorAll('th[data-key]')) th.setAttribute('aria-sort', th.dataset.key === sortKey ? (descending ? 'descending' : 'ascending') : 'none');
  for (const { row, detail } of rows) body.append(row, detail);
}
function applyFilters() {
  const rule = ruleFilter.value;
  const needle = pathFilter.value.toLowerCase();
  let shown = 0;
  for (const { page, row, detail } of rows) {
    const visible = (rule === '' || row.dataset.rules.split(' ').includes(rule)) && page.input.toLowerCase().includes(needle);
    row.hidden = !visible;
    if (!visible) detail.hidden = true;
    if (visible) shown++;
  }
  document.getElementById('shown').textContent = shown + ' of ' + data.pages.length + ' pages shown';
  mark();
}
for (const th of document.querySelectorAll('th[data-key]')) {
  th.addEventListener('click', () => {
    // A second click on the same column turns the order round; a new column starts from its natural order.
    if (th.dataset.key === sortKey) descending = !descending;
    else { sortKey = th.dataset.key; descending = sortKey !== 'confidence' && typeof COLUMNS[sortKey](data.pages[0] ?? {}) !== 'string'; }
    sortRows();
  });
}
ruleFilter.addEventListener('change', applyFilters);
pathFilter.addEventListener('input', applyFilters);
document.documentElement.style.setProperty('--header', document.querySelector('header').offsetHeight + 'px');
sortRows();
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

/** JSON inside a <script> element: nothing in it may close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const LEGEND = `<details class="legend"><summary>What the columns and marks mean</summary><dl>
<dt>Lost</dt><dd>The share of the page's text the article lost: what <code>--max-removed</code> guards, and the default order. Related stories an aggregator lists under the article were moved out of it, not lost, and do not count.</dd>
<dt>Confidence</dt><dd>The model's estimate, from 0 to 1, of how well the page was cleaned (its expected word F1, fitted on development pages cleaned by models that never saw their sites). A click sorts the lowest first: the pages to review first.</dd>
<dt>Kind</dt><dd>What kind of page the model reads it as: article, service, product, collection, forum, listing or documentation. A thread's posts and a listing's items are that page's content.</dd>
<dt>Removed</dt><dd>Everything that is not in the output, related stories included.</dd>
<dt>Related</dt><dd>Characters moved into the related stories (the <code>related</code> field of the JSON output). Their lines show in brown, marked <em>to related stories</em>.</dd>
<dt>In, Out</dt><dd>Characters of the page, and of the text output.</dd>
<dt>[rule]</dt><dd>A removed line, struck through, with the rule that removed it; <del>{rule}</del>: a phrase cut out of a kept line.</dd>
<dt>[generic/boilerplate −3.12]</dt><dd>A line the fitted model removed, no named rule having decided it. The number is the model's score: its log-odds that the line is article text, after the decoding's bias. Below 0 the line reads as chrome on its own: −1 is a close call (about 27% article text), −3 a sure one (5%), −5 almost certain (under 1%). The decoding reads the lines around it too, so a line above 0 that stands among chrome can go as well. Close calls on lines that are article text are where to look first.</dd>
</dl></details>`;

export function renderHtmlReport(data: { totals: Totals; pages: readonly PageReport[] }): string {
  const { totals } = data;
  const lost = totals.charsIn === 0 ? 0 : 1 - (totals.charsOut + totals.charsRelated) / totals.charsIn;
  const options = Object.entries(totals.rules)
    .map(([rule, count]) => `<option value="${escapeHtml(rule)}">${escapeHtml(rule)} (${count})</option>`)
    .join('');
  const heading = (key: string, label: string, title: string) => `<th data-key="${key}" title="${escapeHtml(title)}" aria-sort="none">${label}</th>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>clean-news report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>clean-news report</h1>
<p id="totals">${grouped(totals.pages)} pages: ${grouped(totals.cleaned)} cleaned, ${grouped(totals.failed)} failed; ${grouped(totals.charsIn)} characters in, ${grouped(totals.charsOut)} out, ${grouped(totals.charsRelated)} moved to related stories (${(Math.max(0, lost) * 100).toFixed(1)}% lost). Click a column to sort, a row to see its lines.</p>
<div class="controls">
<label>Path <input id="path-filter" type="search" placeholder="part of the path"></label>
<label>Rule <select id="rule-filter"><option value="">all rules</option>${options}</select></label>
<span id="shown">${totals.pages} of ${totals.pages} pages shown</span>
</div>
${LEGEND}
</header>
<main>
<table>
<thead><tr>${heading('lost', 'Lost', "share of the page's text the article lost, related stories apart")}${heading('confidence', 'Confidence', "the model's estimate of how well the page was cleaned: sort to read the lowest first")}${heading('kind', 'Kind', 'what kind of page the model reads it as')}${heading('removed', 'Removed', 'share of the text not in the output')}${heading('related', 'Related', 'characters moved to related stories')}${heading('charsIn', 'In', 'characters in')}${heading('charsOut', 'Out', 'characters out')}${heading('input', 'Page', 'the input')}${heading('title', 'Title', 'the headline found')}<th>Rules</th></tr></thead>
<tbody id="pages"></tbody>
</table>
</main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
