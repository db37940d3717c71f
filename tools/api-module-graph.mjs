#!/usr/bin/env node
// Prints how the API's modules (apps/api/src/modules/<module>) import one another:
// `node tools/api-module-graph.mjs [git-revision]` (default: the working tree).
// For each module its files and lines (specs left out), then every arrow with its number of
// import statements, the arrows' total and the pairs that import each other (loops).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = 'apps/api/src/modules';
const revision = process.argv[2];

function files() {
  if (revision) {
    return execFileSync('git', ['ls-tree', '-r', '--name-only', revision, ROOT], { encoding: 'utf8' }).split('\n').filter(Boolean);
  }
  const walk = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(ROOT).map((path) => path.split(sep).join('/'));
}

const read = (path) => (revision ? execFileSync('git', ['show', `${revision}:${path}`], { encoding: 'utf8' }) : readFileSync(path, 'utf8'));
const moduleOf = (path) => relative(ROOT, path).split(/[\\/]/)[0];
const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

const sources = files().filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts'));
const size = new Map();
const arrows = new Map();
for (const path of sources) {
  const text = read(path);
  const from = moduleOf(path);
  const [count, lines] = size.get(from) ?? [0, 0];
  size.set(from, [count + 1, lines + text.split('\n').length - 1]);
  for (const [, specifier] of text.matchAll(IMPORT)) {
    const target = join(path, '..', specifier).split(sep).join('/');
    if (!target.startsWith(`${ROOT}/`)) continue;
    const to = moduleOf(target);
    if (to !== from) arrows.set(`${from} -> ${to}`, (arrows.get(`${from} -> ${to}`) ?? 0) + 1);
  }
}

console.log(`modules (${size.size}):`);
for (const [name, [count, lines]] of [...size].sort()) console.log(`  ${name.padEnd(14)} ${String(count).padStart(3)} files ${String(lines).padStart(5)} lines`);
console.log(`\narrows (${arrows.size}), with their import statements:`);
for (const [arrow, count] of [...arrows].sort()) console.log(`  ${arrow.padEnd(30)} ${count}`);
const loops = [...arrows.keys()].map((arrow) => arrow.split(' -> ')).filter(([a, b]) => a < b && arrows.has(`${b} -> ${a}`));
console.log(`\npairs importing each other (${loops.length}):${loops.map(([a, b]) => ` ${a} <-> ${b}`).join(',') || ' none'}`);
