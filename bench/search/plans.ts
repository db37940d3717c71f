/**
 * EXPLAIN (ANALYZE, BUFFERS) of a statement in a rolled-back transaction, and
 * its plan printed as an indented summary (rows, time, buffers, index
 * conditions), for search.ts and people.ts.
 */
import type { Client as PgClient } from 'pg';
import { fmt } from '../media/support';

export interface PlanNode {
  'Node Type': string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'CTE Name'?: string;
  'Scan Direction'?: string;
  'Index Cond'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Actual Total Time': number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Exact Heap Blocks'?: number;
  'Lossy Heap Blocks'?: number;
  'Sort Method'?: string;
  'Sort Space Used'?: number;
  'Plans'?: PlanNode[];
}
export interface ExplainResult {
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
  JIT?: { Functions: number; Timing: { Total: number } };
}

export function planLines(node: PlanNode, depth = 0, out: string[] = []): string[] {
  const on = node['Index Name'] ? ` using ${node['Index Name']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : node['CTE Name'] ? ` on ${node['CTE Name']}` : '';
  const dir = node['Scan Direction'] === 'Backward' ? ' Backward' : '';
  const sub = node['Subplan Name'] ? `[${node['Subplan Name']}] ` : '';
  const extra = [
    node['Index Cond'] ? `cond ${node['Index Cond'].slice(0, 90)}` : '',
    node['Rows Removed by Index Recheck'] ? `recheck removed ${node['Rows Removed by Index Recheck']}` : '',
    node['Rows Removed by Filter'] ? `filter removed ${node['Rows Removed by Filter']}` : '',
    node['Exact Heap Blocks'] || node['Lossy Heap Blocks'] ? `heap blocks ${node['Exact Heap Blocks'] ?? 0} exact/${node['Lossy Heap Blocks'] ?? 0} lossy` : '',
    node['Sort Method'] ? `${node['Sort Method']} ${node['Sort Space Used'] ?? ''} kB` : '',
  ].filter(Boolean);
  out.push(
    `${'  '.repeat(depth)}${sub}${node['Node Type']}${dir}${on}  rows=${node['Actual Rows']}×${node['Actual Loops']}  ` +
      `${fmt(node['Actual Total Time'], 1)} ms  buffers hit=${node['Shared Hit Blocks'] ?? 0} read=${node['Shared Read Blocks'] ?? 0}${extra.length ? `  (${extra.join('; ')})` : ''}`,
  );
  for (const child of node.Plans ?? []) planLines(child, depth + 1, out);
  return out;
}

export function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

export async function explain(db: PgClient, sql: string, params: unknown[], settings: Record<string, string | number> = {}): Promise<ExplainResult> {
  await db.query('BEGIN');
  try {
    for (const [name, value] of Object.entries(settings)) await db.query(`SELECT set_config($1, $2, true)`, [name, String(value)]);
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
    return (rows[0]['QUERY PLAN'] as ExplainResult[])[0];
  } finally {
    await db.query('ROLLBACK');
  }
}

export function printPlan(title: string, plan: ExplainResult, flags: string[] = []): void {
  console.log(`\n${title}`);
  for (const line of planLines(plan.Plan)) console.log(`  ${line}`);
  const jit = plan.JIT ? `, JIT ${plan.JIT.Functions} functions ${fmt(plan.JIT.Timing.Total, 1)} ms` : '';
  console.log(`  Planning ${fmt(plan['Planning Time'], 1)} ms, Execution ${fmt(plan['Execution Time'], 1)} ms${jit}`);
  for (const flag of flags) console.log(`  ${flag}`);
}

