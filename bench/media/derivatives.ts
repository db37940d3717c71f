/**
 * Image derivatives: the project's makeImageDerivatives() against the libvips
 * command line making the same outputs from the same 24-megapixel JPEG.
 *
 *   npx tsx bench/media/derivatives.ts
 *
 * Env: BENCH_IMAGE_WIDTH (6000), BENCH_IMAGE_HEIGHT (4000), BENCH_RUNS (3),
 *      BENCH_KEEP=1 keeps the temp dir.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import {
  FALLBACK_WIDTH,
  RESPONSIVE_WIDTHS,
  TILE_SIZE,
  makeImageDerivatives,
} from '../../apps/api/src/modules/media/derivatives';
import { type Cleanup, MB, envNumber, fmt, makePhotoJpeg, makeTempDir, median, printTable, runBenchmark, verdict } from './support';

const run = promisify(execFile);
const GOAL = 1.3;
// The API's default MEDIA_MAX_IMAGE_PIXELS and MEDIA_MAX_PIXELS_PER_BYTE.
const BUDGET = { maxPixels: 100_000_000, maxPixelsPerByte: 100 };
const VIPS = process.env.BENCH_VIPS ?? 'vips';

interface Step {
  label: string;
  args: string[];
}

/** Every file under a directory, relative to it. */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

async function main(cleanup: Cleanup): Promise<void> {
  const width = envNumber('BENCH_IMAGE_WIDTH', 6000);
  const height = envNumber('BENCH_IMAGE_HEIGHT', 4000);
  const runs = envNumber('BENCH_RUNS', 3);
  const { stdout: vipsVersion } = await run(VIPS, ['--version']).catch(() => {
    throw new Error(`the \`${VIPS}\` command is not available (Debian: apt-get install libvips-tools)`);
  });

  const dir = makeTempDir('derivatives');
  if (!process.env.BENCH_KEEP) cleanup.add(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  else console.log(`keeping ${dir}`);

  console.log(`making a ${width}×${height} test JPEG…`);
  const input = join(dir, 'input.jpg');
  writeFileSync(input, await makePhotoJpeg(width, height, 90));
  const original = readFileSync(input);
  const meta = await sharp(original).metadata();
  console.log(
    `input: ${input} — ${meta.width}×${meta.height}, ${fmt(original.length / MB)} MiB, EXIF orientation ${meta.orientation ?? 'none'}`,
  );
  console.log(`sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}) vs ${vipsVersion.trim()} CLI; ${runs} runs each\n`);

  // ── the same outputs with the vips command line ──
  const widths = [...new Set(RESPONSIVE_WIDTHS.filter((w) => w < width).concat(width <= 2400 ? [width] : []))];
  const fallback = Math.min(FALLBACK_WIDTH, width);
  const vipsSteps = (out: string): Step[] => [
    ...widths.map((w) => ({
      label: `thumbnail → w${w}.webp`,
      args: ['thumbnail', input, join(out, `w${w}.webp[Q=80,strip]`), String(w)],
    })),
    {
      label: `thumbnail → w${fallback}.jpg`,
      args: ['thumbnail', input, join(out, `w${fallback}.jpg[Q=82,optimize-coding,strip]`), String(fallback)],
    },
    {
      label: `dzsave iiif3 ${TILE_SIZE}px tiles`,
      args: [
        'dzsave', input, join(out, 'tiles'),
        '--layout', 'iiif3', '--tile-size', String(TILE_SIZE), '--overlap', '0', '--depth', 'onetile', '--suffix', '.jpg[Q=80]',
      ],
    },
  ];

  // Warm the page cache and the code paths once on each side, untimed.
  await makeImageDerivatives(original, BUDGET);
  const warm = join(dir, 'vips-warm');
  mkdirSync(warm);
  for (const step of vipsSteps(warm)) await run(VIPS, step.args);
  rmSync(warm, { recursive: true, force: true });

  const oursTimes: number[] = [];
  const vipsTimes: number[] = [];
  const stepTimes = new Map<string, number[]>();
  let ours: Awaited<ReturnType<typeof makeImageDerivatives>> | undefined;
  let vipsOut = '';
  // Alternate the two sides so drifting machine load hits both alike.
  for (let i = 0; i < runs; i++) {
    let started = process.hrtime.bigint();
    ours = await makeImageDerivatives(original, BUDGET);
    oursTimes.push(seconds(started));

    vipsOut = join(dir, `vips-${i}`);
    mkdirSync(vipsOut);
    started = process.hrtime.bigint();
    for (const step of vipsSteps(vipsOut)) {
      const stepStarted = process.hrtime.bigint();
      await run(VIPS, step.args);
      stepTimes.set(step.label, [...(stepTimes.get(step.label) ?? []), seconds(stepStarted)]);
    }
    vipsTimes.push(seconds(started));
    console.log(`run ${i + 1}/${runs}: ours ${fmt(oursTimes[i])} s, vips ${fmt(vipsTimes[i])} s`);
    if (i < runs - 1) rmSync(vipsOut, { recursive: true, force: true });
  }

  // ── what each side made ──
  // `iiif/full/max` is a whole-image rendition (info.json `max`), not a tile; vips makes none.
  const ourTiles = ours!.files.filter((f) => f.name.startsWith('iiif/') && !f.name.startsWith('iiif/full/'));
  const ourOther = ours!.files.filter((f) => !f.name.startsWith('iiif/'));
  const vipsFiles = walk(vipsOut);
  const tileDir = join(vipsOut, 'tiles');
  const vipsTiles = vipsFiles.filter((f) => f.startsWith(tileDir) && f.endsWith('.jpg'));
  const vipsOther = vipsFiles.filter((f) => !f.startsWith(tileDir));
  const ourTileNames = new Set(ourTiles.map((f) => f.name.slice('iiif/'.length)));
  const vipsTileNames = new Set(vipsTiles.map((f) => relative(tileDir, f)));
  const common = [...ourTileNames].filter((name) => vipsTileNames.has(name)).length;
  const bytes = (list: number[]) => list.reduce((a, b) => a + b, 0) / MB;

  const oursMedian = median(oursTimes);
  const vipsMedian = median(vipsTimes);
  const ratio = oursMedian / vipsMedian;

  printTable(`Derivatives of a ${width}×${height} JPEG (median of ${runs} runs)`, [
    ['side', 'median s', 'runs (s)', 'renditions', 'tiles', 'scale factors', 'output MiB'],
    [
      'ours: makeImageDerivatives()',
      fmt(oursMedian),
      oursTimes.map((t) => fmt(t)).join(' / '),
      ourOther.map((f) => f.name).join(' '),
      ourTiles.length,
      ours!.scaleFactors?.join(',') ?? '-',
      fmt(bytes(ours!.files.map((f) => f.data.length))),
    ],
    [
      'vips CLI: thumbnail ×' + (widths.length + 1) + ' + dzsave',
      fmt(vipsMedian),
      vipsTimes.map((t) => fmt(t)).join(' / '),
      vipsOther.map((f) => relative(vipsOut, f)).join(' '),
      vipsTiles.length,
      (() => {
        try {
          const info = JSON.parse(readFileSync(join(tileDir, 'info.json'), 'utf8'));
          return info.tiles?.[0]?.scaleFactors?.join(',') ?? '?';
        } catch {
          return '?';
        }
      })(),
      fmt(bytes(vipsFiles.map((f) => statSync(f).size))),
    ],
  ]);

  printTable('vips CLI steps (median s)', [
    ['step', 'median s'],
    ...[...stepTimes].map(([label, times]) => [label, fmt(median(times))]),
  ]);

  printTable('Result', [
    ['figure', 'value', 'goal', 'verdict'],
    ['ours / vips time', `${fmt(ratio)}×`, `≤ ${GOAL}×`, verdict(ratio <= GOAL)],
    ['tiles: ours / vips', `${ourTiles.length} / ${vipsTiles.length}`, '', ''],
    ['tile paths in common', `${common}`, '', ''],
  ]);
  console.log(
    '\nNotes: ours also computes a thumbhash and keeps every output in memory (the worker then uploads it); ' +
      'the vips side writes files to the temp dir, one process per output, each decoding the JPEG itself ' +
      '(with shrink-on-load for thumbnails). Our JPEG fallback uses mozjpeg (sharp); the Debian vips CLI ' +
      'uses libjpeg-turbo with optimize-coding.',
  );
}

runBenchmark(main);
