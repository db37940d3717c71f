import { createHash } from 'node:crypto';
import type { LocalizedText } from '@vitrina/contracts';
import sharp from 'sharp';

const KIND_MOTIFS: Record<string, string> = {
  photograph: '<rect x="18%" y="22%" width="64%" height="46%" rx="6" fill="none" stroke="#f5ecd9" stroke-width="14"/>',
  document: '<rect x="30%" y="16%" width="40%" height="62%" fill="#f5ecd9" opacity="0.85"/><path d="M36% 30% H64% M36% 38% H64% M36% 46% H58%" stroke="#7a6a55" stroke-width="6"/>',
  artefact: '<ellipse cx="50%" cy="48%" rx="16%" ry="24%" fill="#f5ecd9" opacity="0.8"/>',
  artwork: '<circle cx="50%" cy="45%" r="20%" fill="#f5ecd9" opacity="0.75"/><circle cx="42%" cy="40%" r="6%" fill="#c05a3c"/>',
  building: '<path d="M25% 70% V40% L50% 22% L75% 40% V70% Z" fill="#f5ecd9" opacity="0.85"/>',
  story: '<path d="M30% 25% H70% V65% H45% L35% 75% V65% H30% Z" fill="#f5ecd9" opacity="0.85"/>',
  memorial: '<path d="M44% 75% V28% L50% 18% L56% 28% V75% Z" fill="#f5ecd9" opacity="0.9"/><rect x="34%" y="72%" width="32%" height="6%" fill="#f5ecd9"/>',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Splits a title into short lines for the picture. */
function lines(text: string, width: number): string[] {
  const result: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width && line) {
      result.push(line);
      line = word;
    } else line = `${line} ${word}`.trim();
  }
  if (line) result.push(line);
  return result.slice(0, 3);
}

/**
 * A clearly artificial illustration for a demo record, drawn from SVG with
 * sharp: a colour field picked from the slug, a motif for the kind and the
 * title. Written as JPEG with EXIF, like a camera's file, so the demo
 * exercises the real pipeline (orientation, metadata stripping, tiles).
 */
export async function drawDemoImage(slug: string, kind: string, title: string, width: number, height: number): Promise<Buffer> {
  const hue = createHash('sha256').update(slug).digest()[0] * 1.4;
  const fontSize = Math.round(width / 28);
  const text = lines(title, 34)
    .map((line, i) => `<text x="50%" y="${84 + i * 5}%" font-size="${fontSize}">${escapeXml(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},38%,34%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},30%,18%)"/>
    </linearGradient>
    <pattern id="p" width="24" height="24" patternUnits="userSpaceOnUse"><circle cx="12" cy="12" r="1.6" fill="#ffffff" opacity="0.12"/></pattern></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><rect width="100%" height="100%" fill="url(#p)"/>
    ${KIND_MOTIFS[kind] ?? KIND_MOTIFS.artefact}
    <g font-family="DejaVu Serif, serif" fill="#f5ecd9" text-anchor="middle">${text}</g>
    <text x="97%" y="5%" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(fontSize * 0.6)}" fill="#f5ecd9" text-anchor="end" opacity="0.8">DEMO · VITRINA</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 86 }).withExif({ IFD0: { Make: 'Vitrina', Model: 'Demo renderer' } }).toBuffer();
}

/** Alt text that describes the illustration, not the object it stands for. */
export function demoAltText(title: LocalizedText): LocalizedText {
  const ru = title.ru?.text.replace(/^Демо: /, '');
  const en = title.en?.text.replace(/^Demo: /, '');
  return {
    ...(ru ? { ru: { text: `Демонстрационная иллюстрация с надписью «${ru}»`, status: 'original' as const } } : {}),
    ...(en ? { en: { text: `Demonstration illustration captioned “${en}”`, status: 'translated' as const } } : {}),
  };
}
