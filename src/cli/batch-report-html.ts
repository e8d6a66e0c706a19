/**
 * The HTML review page of --report: one self-contained file, no network, no external asset.
 * The pages are listed by share removed, the most first; each opens to show its lines, the
 * removed ones struck through with the rule that removed them, cut phrases marked inside kept
 * lines; a rule filter keeps the pages where a rule fired and marks its removals.
 */
import type { PageReport, Totals } from './batch-report.js';
import { grouped } from './tally.js';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: 12px 20px; }
h1 { font-size: 18px; margin: 0 0 4px; }
main { padding: 12px 20px; }
details.page { background: #fff; border: 1px solid #e2e2e2; border-radius: 6px; margin: 6px 0; }
details.page > summary { cursor: pointer; padding: 8px 12px; display: flex; gap: 12px; align-items: baseline; }
.share { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 4em; }
.input { font-family: ui-monospace, monospace; }
.title { color: #555; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.failed .share { color: #b00020; }
ol.lines { font-family: ui-monospace, monospace; font-size: 12.5px; margin: 0; padding: 8px 12px 12px 3.5em; border-top: 1px solid #eee; }
ol.lines li { white-space: pre-wrap; word-break: break-word; }
li.removed { color: #9a9a9a; text-decoration: line-through; }
/* inline-block: a struck-through line's rule label is not struck through. */
.rule { display: inline-block; color: #0a6b8a; font-size: 11.5px; margin-left: 8px; text-decoration: none; }
del { color: #b00020; }
.marked { background: #fff3b0; }
.messages { color: #b00020; padding: 0 12px 8px; }
`;

const SCRIPT = `
const data = JSON.parse(document.getElementById('report-data').textContent);
const pagesEl = document.getElementById('pages');
const filter = document.getElementById('rule-filter');
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
const ruleId = (label) => label.split(' ')[0];
function renderLines(page, list) {
  for (const line of page.lines) {
    const li = el('li', line.kind);
    if (line.kind === 'blank') li.textContent = ' ';
    else if (line.kind === 'removed') {
      li.append(line.text);
      for (const label of line.rules) { const tag = el('span', 'rule', '[' + label + ']'); tag.dataset.rule = ruleId(label); li.append(tag); }
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
for (const page of data.pages) {
  const details = el('details', 'page' + (page.failed ? ' failed' : ''));
  details.dataset.rules = Object.keys(page.rules).join(' ');
  const summary = el('summary');
  summary.append(el('span', 'share', page.failed ? 'failed' : (page.removedShare * 100).toFixed(1) + '%'), el('span', 'input', page.input), el('span', 'title', page.title ?? ''));
  const counts = Object.entries(page.rules).sort((a, b) => b[1] - a[1]).map(([rule, n]) => rule + ' ' + n).join(', ');
  summary.append(el('span', 'rules', counts));
  details.append(summary);
  if (page.messages.length > 0) details.append(el('div', 'messages', page.messages.join('\\n')));
  if (page.lines) {
    const list = el('ol', 'lines');
    details.addEventListener('toggle', () => { if (details.open && list.childElementCount === 0) { renderLines(page, list); mark(); } }, { once: false });
    details.append(list);
  } else details.append(el('div', 'messages', page.failed ? '' : 'Lines not kept: the report keeps those of the pages that lost most.'));
  pagesEl.append(details);
}
function mark() {
  const rule = filter.value;
  for (const node of document.querySelectorAll('[data-rule], li.removed')) {
    const rules = node.dataset.rules ? node.dataset.rules.split(' ') : [node.dataset.rule];
    node.classList.toggle('marked', rule !== '' && rules.includes(rule));
  }
}
filter.addEventListener('change', () => {
  const rule = filter.value;
  let shown = 0;
  for (const details of pagesEl.children) {
    const visible = rule === '' || details.dataset.rules.split(' ').includes(rule);
    details.hidden = !visible;
    if (visible) shown++;
  }
  document.getElementById('shown').textContent = shown + ' of ' + data.pages.length + ' pages shown';
  mark();
});
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

/** JSON inside a <script> element: nothing in it may close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function renderHtmlReport(data: { totals: Totals; pages: readonly PageReport[] }): string {
  const { totals } = data;
  const removed = totals.charsIn === 0 ? 0 : 1 - totals.charsOut / totals.charsIn;
  const options = Object.entries(totals.rules)
    .map(([rule, count]) => `<option value="${escapeHtml(rule)}">${escapeHtml(rule)} (${count})</option>`)
    .join('');
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
<p id="totals">${grouped(totals.pages)} pages: ${grouped(totals.cleaned)} cleaned, ${grouped(totals.failed)} failed; ${grouped(totals.charsIn)} characters in, ${grouped(totals.charsOut)} out (${(removed * 100).toFixed(1)}% removed). Pages that lost most first; open one to see its lines.</p>
<label>Rule <select id="rule-filter"><option value="">all rules</option>${options}</select></label> <span id="shown">${totals.pages} of ${totals.pages} pages shown</span>
</header>
<main id="pages"></main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
