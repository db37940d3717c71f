/**
 * Worst-case files of each kind against a normal file of the same kind: each
 * goes through what the API's upload check and the derivative worker do with
 * it (worst-case-child.ts), in a child process of its own, and the child's
 * peak RSS and time are printed with their ratio to the normal file's.
 *
 * `npx tsx bench/media/worst-case.ts` (also part of `npm run bench:media`).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import sharp from 'sharp';
import { flatGreyPng, pdfWithHugeImage, pdfWithManyOperators, pdfWithPage } from '../../apps/api/test/support/crafted-files';
import { mp4Box, mp4File } from '../../apps/api/test/support/media-files';
import { type Cleanup, MB, REPO_ROOT, fmt, makePhotoJpeg, makeTempDir, printTable, runBenchmark, verdict } from './support';

const run = promisify(execFile);

type Kind = 'image' | 'document' | 'video';

interface Case {
  kind: Kind;
  label: string;
  /** The normal file of its kind: the others are compared with it. */
  baseline?: true;
  make: () => Promise<Buffer> | Buffer;
}

interface Measured {
  outcome: string;
  ms: number;
  peakRssMb: number;
}

/**
 * The stated bound of peak RSS per kind, for the API's default budget
 * (100 MP, 100 pixels per byte): see "Memory bounds" in bench/README.md.
 */
const BOUND_MB: Record<Kind, number> = { image: 700, document: 400, video: 150 };

/** A small JPEG whose frame header (SOF0) claims `width` × `height`. */
async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const jpeg = Buffer.from(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } }).jpeg().toBuffer());
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(height, sof + 5);
  jpeg.writeUInt16BE(width, sof + 7);
  return jpeg;
}

/** A small lossless WebP whose VP8L header claims 16383 × 16383 (the format's largest, 268 MP). */
async function webpClaimingMax(): Promise<Buffer> {
  const webp = Buffer.from(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } }).webp({ lossless: true }).toBuffer());
  if (webp.toString('latin1', 12, 16) !== 'VP8L') throw new Error('expected a simple lossless WebP');
  const bits = webp.readUInt32LE(21);
  webp.writeUInt32LE((bits & ~0x0fffffff) | 16382 | (16382 << 14), 21);
  return webp;
}

/** A small TIFF whose first directory claims 65535 × 65535 (4.3 GP). */
async function tiffClaimingMax(): Promise<Buffer> {
  const tiff = Buffer.from(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } }).tiff().toBuffer());
  if (tiff.toString('latin1', 0, 2) !== 'II') throw new Error('expected a little-endian TIFF');
  const ifd = tiff.readUInt32LE(4);
  for (let i = 0, n = tiff.readUInt16LE(ifd); i < n; i++) {
    const entry = ifd + 2 + i * 12;
    if (tiff.readUInt16LE(entry) !== 256 && tiff.readUInt16LE(entry) !== 257) continue;
    if (tiff.readUInt16LE(entry + 2) === 3) tiff.writeUInt16LE(65535, entry + 8);
    else tiff.writeUInt32LE(65535, entry + 8);
  }
  return tiff;
}

/** An MP4 of 200 000 empty `free` boxes before its movie: the metadata scan stops after its box limit. */
function mp4OfTinyBoxes(): Buffer {
  const ftyp = mp4Box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2', 'latin1'));
  return Buffer.concat([ftyp, Buffer.concat(Array.from({ length: 200_000 }, () => mp4Box('free'))), mp4Box('moov', mp4Box('udta', Buffer.alloc(64)))]);
}

const CASES: Case[] = [
  { kind: 'image', label: 'JPEG photo 4000×3000 (normal)', baseline: true, make: () => makePhotoJpeg(4000, 3000) },
  { kind: 'image', label: 'JPEG header claiming 65000×65000', make: () => jpegClaiming(65_000, 65_000) },
  { kind: 'image', label: 'JPEG flat 10000×10000 in 0.6 MB', make: () => sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#a05030' } }).jpeg({ quality: 95 }).toBuffer() },
  {
    kind: 'image',
    label: 'JPEG grainy 10000×10000 (largest accepted)',
    make: () =>
      sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#a05030', noise: { type: 'gaussian', mean: 128, sigma: 8 } } })
        .jpeg({ quality: 60 })
        .toBuffer(),
  },
  { kind: 'image', label: 'PNG bomb 10000×10000 in 97 KB', make: () => flatGreyPng(10_000, 10_000) },
  { kind: 'image', label: 'PNG flat 4000×4000 in 16 KB (accepted)', make: () => flatGreyPng(4000, 4000) },
  { kind: 'image', label: 'WebP header claiming 16383×16383', make: webpClaimingMax },
  { kind: 'image', label: 'TIFF header claiming 65535×65535', make: tiffClaimingMax },
  { kind: 'document', label: 'PDF letter page of text (normal)', baseline: true, make: () => pdfWithPage(612, 792) },
  { kind: 'document', label: 'PDF page 14400×14400 pt at UserUnit 75', make: () => pdfWithPage(14_400, 14_400, 75) },
  { kind: 'document', label: 'PDF page 14400×3 pt', make: () => pdfWithPage(14_400, 3) },
  { kind: 'document', label: 'PDF with a 12000×12000 Flate image', make: () => pdfWithHugeImage(12_000) },
  { kind: 'document', label: 'PDF of 1 000 000 rectangles', make: () => pdfWithManyOperators(1_000_000) },
  { kind: 'video', label: 'MP4 of 8 MB (normal)', baseline: true, make: () => mp4File(8 * MB) },
  { kind: 'video', label: 'MP4 of 200 000 tiny boxes', make: mp4OfTinyBoxes },
];

/** The child, bundled so that plain node runs it: under tsx, transforming pdf.js alone costs hundreds of MB. */
async function bundleChild(cleanup: Cleanup): Promise<string> {
  // Inside the repository, so that its node_modules resolve the packages left external.
  const dir = makeTempDir('worst-case');
  const bundled = join(REPO_ROOT, 'dist', 'bench', `worst-case-child-${process.pid}.cjs`);
  cleanup.add(`remove ${bundled}`, () => import('node:fs').then(({ rmSync }) => rmSync(bundled, { force: true })));
  cleanup.add(`remove ${dir}`, () => import('node:fs').then(({ rmSync }) => rmSync(dir, { recursive: true, force: true })));
  await build({
    entryPoints: [join(__dirname, 'worst-case-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile: bundled,
    logLevel: 'warning',
  });
  return bundled;
}

async function measure(child: string, kind: Kind, path: string): Promise<Measured> {
  const { stdout } = await run(process.execPath, [child, kind, path], { cwd: REPO_ROOT, maxBuffer: 16 * MB });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measured;
}

runBenchmark(async (cleanup) => {
  const child = await bundleChild(cleanup);
  const dir = makeTempDir('worst-case-files');
  cleanup.add(`remove ${dir}`, () => import('node:fs').then(({ rmSync }) => rmSync(dir, { recursive: true, force: true })));

  const rows: (string | number)[][] = [['kind', 'file', 'bytes', 'outcome', 's', 'peak RSS MB', 'time ×normal', 'RSS ×normal', 'bound MB', 'within']];
  const baselines = new Map<Kind, Measured>();
  let allWithin = true;
  for (const [i, item] of CASES.entries()) {
    const file = await item.make();
    const path = join(dir, `case-${i}`);
    writeFileSync(path, file);
    const result = await measure(child, item.kind, path);
    if (item.baseline) baselines.set(item.kind, result);
    const base = baselines.get(item.kind)!;
    const within = result.peakRssMb <= BOUND_MB[item.kind];
    allWithin &&= within;
    rows.push([
      item.kind,
      item.label,
      file.length,
      result.outcome,
      fmt(result.ms / 1000),
      fmt(result.peakRssMb, 0),
      `${fmt(result.ms / base.ms)}×`,
      `${fmt(result.peakRssMb / base.peakRssMb)}×`,
      BOUND_MB[item.kind],
      verdict(within),
    ]);
    console.error(`${item.label}: ${result.outcome}, ${fmt(result.ms / 1000)} s, ${fmt(result.peakRssMb, 0)} MB`);
  }
  printTable('Worst-case files, each in its own process (peak RSS = the child\'s maxRSS)', rows);
  printTable('Result', [
    ['goal', 'status'],
    ['every file within its kind\'s stated memory bound', verdict(allWithin)],
  ]);
});
