/**
 * One file through what the API and its worker do with it, in a process of
 * its own so its peak RSS is its alone: `node worst-case-child.cjs <kind> <file> <mime>`.
 * worst-case.ts bundles this file with esbuild (packages left external) and
 * runs it with plain node: tsx's on-the-fly transform of pdf.js alone costs
 * hundreds of MB, which would drown the figures.
 *
 * Prints one JSON line: { outcome, ms, peakRssMb }.
 */
import { open, readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { OverPixelBudget, type PixelBudget, makeImageDerivatives, pixelBudgetRefusal } from '../../apps/api/src/modules/media/derivatives';
import { findMetadataBoxes } from '../../apps/api/src/modules/media/mp4-metadata';
import { renderFirstPage } from '../../apps/api/src/modules/media/pdf-preview';

// The API's defaults (MEDIA_MAX_IMAGE_PIXELS, MEDIA_MAX_PIXELS_PER_BYTE), or the parent's.
const BUDGET: PixelBudget = {
  maxPixels: Number(process.env.BENCH_MAX_PIXELS ?? 100_000_000),
  maxPixelsPerByte: Number(process.env.BENCH_MAX_PIXELS_PER_BYTE ?? 100),
};
// As media.service.ts reads it before the body.
const IMAGE_HEADER_BYTES = 512 * 1024;

/** The upload's header check, then the worker's derivatives: as the API and its worker run them. */
async function image(file: Buffer): Promise<string> {
  const header = await sharp(file.subarray(0, IMAGE_HEADER_BYTES), { failOn: 'none', limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  if (header?.width && header.height && pixelBudgetRefusal(header.width, header.height, file.length, BUDGET)) return 'refused at upload (422)';
  try {
    const derived = await makeImageDerivatives(file, BUDGET);
    return `${derived.files.length} files from ${derived.width}×${derived.height}`;
  } catch (error) {
    if (error instanceof OverPixelBudget) return 'refused by the worker';
    return `failed: ${(error as Error).message.slice(0, 60)}`;
  }
}

async function document(file: Buffer): Promise<string> {
  let page: Buffer;
  try {
    page = await renderFirstPage(file, BUDGET.maxPixels);
  } catch (error) {
    return `no preview: ${(error as Error).message.slice(0, 60)}`;
  }
  const derived = await makeImageDerivatives(page, BUDGET);
  return `preview ${derived.width}×${derived.height}, ${derived.files.length} files`;
}

/** Audio and video are only read for their metadata boxes, by ranges, as from the store. */
async function timed(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const boxes = await findMetadataBoxes(async (offset, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      await handle.read(buffer, 0, buffer.length, offset);
      return buffer;
    }, size);
    return `${boxes.length} metadata boxes`;
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  const [kind, path] = process.argv.slice(2);
  // As in the worker (MediaDerivativesWorker.onApplicationBootstrap).
  sharp.cache(false);
  const started = process.hrtime.bigint();
  let outcome: string;
  if (kind === 'image') outcome = await image(await readFile(path));
  else if (kind === 'document') outcome = await document(await readFile(path));
  else outcome = await timed(path);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(JSON.stringify({ outcome, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
