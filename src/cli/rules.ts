/** `clean-news rules`: every built-in rule, as an aligned table or as JSON. */
import type { Rule } from '../rules/types.js';
import { packOf } from '../rules/index.js';
import { safeJson, visibleLine } from './visible.js';

export interface RuleRow {
  id: string;
  pack: string;
  kind: string;
  description: string;
}

export function ruleRows(rules: readonly Rule[]): RuleRow[] {
  return rules.map((rule) => ({ id: rule.id, pack: packOf(rule), kind: rule.kind, description: rule.description }));
}

/** Columns padded to their widest cell, two spaces apart, under a header; no trailing spaces. */
export function formatRuleTable(rows: readonly RuleRow[]): string {
  const table = [['ID', 'PACK', 'KIND', 'DESCRIPTION'], ...rows.map((row) => [row.id, row.pack, row.kind, visibleLine(row.description)])];
  const widths = [0, 1, 2].map((column) => Math.max(...table.map((cells) => (cells[column] ?? '').length)));
  return table
    .map((cells) =>
      cells
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** The rules as a JSON array of `{id, pack, kind, description}`, indented, with a final newline. */
export function formatRuleJson(rows: readonly RuleRow[]): string {
  return safeJson(rows, 2) + '\n';
}
