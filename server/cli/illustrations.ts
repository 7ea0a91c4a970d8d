/**
 * `npx tsx server/cli/illustrations.ts [content-dir]`: draws the exhibition's illustrations, one
 * SVG per section and per item, into `<content>/images/`, and references each from its section or
 * item (the illustration goes first in an item's `images`; an operator's upload can replace it).
 *
 * One visual language for all of them: the section's colour as a deep gradient, a motif that belongs
 * to the section (orbits for experts, a skyline of blocks for platforms, a lattice for research,
 * linked circles for matchmaking, waves spreading out for outreach), varied per item by a seed taken
 * from its id, and the same line of West Lake's hills along the bottom. Re-running gives the same
 * files (the seed is the id), so the pictures can be regenerated after an edit of this script.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const contentDir = resolve(process.argv[2] ?? 'content');
const imagesDir = join(contentDir, 'images');
mkdirSync(imagesDir, { recursive: true });

const W = 1200;
const H = 800;

/** A small deterministic generator from a string (mulberry32 over a string hash). */
function seeded(text: string): () => number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number) => Math.round(Math.max(0, Math.min(255, n))).toString(16).padStart(2, '0');
/** Mixes a #rrggbb colour towards white (amount > 0) or black (amount < 0). */
function shade(color: string, amount: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
  const target = amount > 0 ? 255 : 0;
  const k = Math.abs(amount);
  return `#${hex(r! + (target - r!) * k)}${hex(g! + (target - g!) * k)}${hex(b! + (target - b!) * k)}`;
}
const f = (n: number) => Math.round(n * 10) / 10;

type Motif = (random: () => number, light: string, accent: string) => string;

const MOTIFS: Record<string, Motif> = {
  // People from everywhere, circling one centre.
  experts: (random, light, accent) => {
    const cx = 600 + (random() - 0.5) * 300;
    const cy = 330 + (random() - 0.5) * 80;
    let out = `<circle cx="${f(cx)}" cy="${f(cy)}" r="34" fill="${accent}"/>`;
    for (let i = 1; i <= 4; i++) {
      const r = 70 + i * 62;
      out += `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${r}" ry="${f(r * 0.62)}" fill="none" stroke="${light}" stroke-opacity="${0.55 - i * 0.08}" stroke-width="3"/>`;
      const a = random() * Math.PI * 2;
      out += `<circle cx="${f(cx + Math.cos(a) * r)}" cy="${f(cy + Math.sin(a) * r * 0.62)}" r="${f(12 + random() * 10)}" fill="${light}"/>`;
    }
    return out;
  },
  // Parks and platforms: blocks rising like a campus skyline.
  platforms: (random, light, accent) => {
    let out = '';
    let x = 150;
    while (x < 1050) {
      const w = 60 + random() * 70;
      const h = 120 + random() * 300;
      const highlight = random() < 0.25;
      out += `<rect x="${f(x)}" y="${f(600 - h)}" width="${f(w)}" height="${f(h)}" rx="6" fill="${highlight ? accent : light}" fill-opacity="${highlight ? 0.95 : 0.35 + random() * 0.3}"/>`;
      for (let y = 600 - h + 24; y < 580; y += 34) out += `<rect x="${f(x + 12)}" y="${f(y)}" width="${f(w - 24)}" height="8" rx="4" fill="#ffffff" fill-opacity="0.22"/>`;
      x += w + 14 + random() * 20;
    }
    return out;
  },
  // Research: a lattice of linked nodes, one lit.
  achievements: (random, light, accent) => {
    const nodes: [number, number][] = [];
    for (let row = 0; row < 4; row++) {
      for (let col = 0; col < 7; col++) {
        if (random() < 0.22) continue;
        nodes.push([220 + col * 125 + (row % 2) * 62 + (random() - 0.5) * 30, 170 + row * 105 + (random() - 0.5) * 30]);
      }
    }
    let out = '';
    nodes.forEach(([x, y], i) => {
      for (const [x2, y2] of nodes.slice(i + 1)) {
        if (Math.hypot(x2 - x, y2 - y) < 150) out += `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${light}" stroke-opacity="0.45" stroke-width="3"/>`;
      }
    });
    const lit = Math.floor(random() * nodes.length);
    nodes.forEach(([x, y], i) => {
      out += `<circle cx="${f(x)}" cy="${f(y)}" r="${i === lit ? 30 : 12}" fill="${i === lit ? accent : light}"/>`;
    });
    return out;
  },
  // Matchmaking: two circles meeting, with the threads between them.
  matchmaking: (random, light, accent) => {
    const gap = 120 + random() * 80;
    const r = 170 + random() * 40;
    const cy = 330;
    const [a, b] = [600 - gap, 600 + gap];
    let out = `<circle cx="${f(a)}" cy="${cy}" r="${f(r)}" fill="${light}" fill-opacity="0.28" stroke="${light}" stroke-width="4"/>`;
    out += `<circle cx="${f(b)}" cy="${cy}" r="${f(r)}" fill="${accent}" fill-opacity="0.3" stroke="${accent}" stroke-width="4"/>`;
    for (let i = 0; i < 6; i++) {
      const y = cy - r * 0.6 + (i * r * 1.2) / 5;
      out += `<path d="M${f(a)} ${f(y)} C ${f(600)} ${f(y + (random() - 0.5) * 160)}, ${f(600)} ${f(y + (random() - 0.5) * 160)}, ${f(b)} ${f(y)}" fill="none" stroke="#ffffff" stroke-opacity="0.5" stroke-width="3"/>`;
    }
    return out;
  },
  // Outreach: waves spreading out from Hangzhou to the world.
  promotion: (random, light, accent) => {
    const cx = 300 + random() * 600;
    const cy = 380;
    let out = `<circle cx="${f(cx)}" cy="${cy}" r="26" fill="${accent}"/>`;
    for (let i = 1; i <= 6; i++) out += `<circle cx="${f(cx)}" cy="${cy}" r="${i * 70}" fill="none" stroke="${light}" stroke-opacity="${0.6 - i * 0.08}" stroke-width="${f(5 - i * 0.5)}"/>`;
    for (let i = 0; i < 5; i++) {
      const a = random() * Math.PI * 2;
      const d = 150 + random() * 260;
      out += `<circle cx="${f(cx + Math.cos(a) * d)}" cy="${f(cy + Math.sin(a) * d * 0.7)}" r="10" fill="${light}"/>`;
    }
    return out;
  },
};

/** The same line of hills for every picture: West Lake's, under the section's motif. */
function hills(color: string): string {
  return `<path d="M0 640 C 140 590, 230 560, 330 600 S 520 660, 640 610 S 860 540, 980 590 S 1140 640, 1200 620 L1200 800 L0 800 Z" fill="${shade(color, -0.45)}" fill-opacity="0.85"/>
  <path d="M0 700 C 180 670, 320 690, 480 700 S 820 680, 1000 700 S 1150 710, 1200 700 L1200 800 L0 800 Z" fill="${shade(color, -0.65)}"/>`;
}

function illustration(seed: string, section: string, color: string): string {
  const random = seeded(seed);
  const light = shade(color, 0.55);
  const accent = '#f2c879';
  const motif = (MOTIFS[section] ?? MOTIFS.promotion!)(random, light, accent);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${shade(color, 0.18)}"/>
      <stop offset="1" stop-color="${shade(color, -0.35)}"/>
    </linearGradient>
    <radialGradient id="glow" cx="0.8" cy="0.15" r="0.7">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.22"/>
      <stop offset="1" stop-color="#ffffff" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#bg)"/>
  <rect width="${W}" height="${H}" fill="url(#glow)"/>
  ${motif}
  ${hills(color)}
</svg>
`;
}

interface Text {
  'zh-CN': string;
  en: string;
}
const sectionsDir = join(contentDir, 'sections');
let written = 0;
for (const sectionId of readdirSync(sectionsDir).sort()) {
  const sectionFile = join(sectionsDir, sectionId, 'section.json');
  const section = JSON.parse(readFileSync(sectionFile, 'utf8')) as { id: string; color: string; title: Text; image?: unknown };
  const sectionImage = `section-${section.id}.svg`;
  writeFileSync(join(imagesDir, sectionImage), illustration(`section:${section.id}`, section.id, section.color));
  section.image = { src: sectionImage, alt: { 'zh-CN': `${section.title['zh-CN']}板块插图`, en: `Illustration of ${section.title.en}` } };
  writeFileSync(sectionFile, `${JSON.stringify(section, null, 2)}\n`);
  written++;
  const itemsDir = join(sectionsDir, sectionId, 'items');
  for (const file of readdirSync(itemsDir).filter((name) => name.endsWith('.json')).sort()) {
    const itemFile = join(itemsDir, file);
    const item = JSON.parse(readFileSync(itemFile, 'utf8')) as { id: string; title: Text; images: { src: string; alt: Text }[] };
    const src = `item-${item.id}.svg`;
    writeFileSync(join(imagesDir, src), illustration(`item:${item.id}`, section.id, section.color));
    const alt = { 'zh-CN': `插图：${item.title['zh-CN']}`.slice(0, 200), en: `Illustration: ${item.title.en}`.slice(0, 200) };
    item.images = [{ src, alt }, ...item.images.filter((image) => image.src !== src)];
    writeFileSync(itemFile, `${JSON.stringify(item, null, 2)}\n`);
    written++;
  }
}
console.log(`${written} illustrations in ${imagesDir}`);
