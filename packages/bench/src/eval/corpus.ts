// Reading a labelled corpus folder: docNN.txt, labels.json and optionally catalogue.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogue, type Indicator } from '@union/domain';
import type { Label } from './score';

interface CorpusIndicator {
  code: string;
  name?: string;
  name_en?: string;
  unit: string;
  type: string;
  category?: string;
  description?: string;
}

export interface CorpusDocument {
  name: string;
  text: string;
  labels: Label[];
}

export interface Corpus {
  folder: string;
  catalogue: readonly Indicator[];
  ownCatalogue: boolean;
  documents: CorpusDocument[];
}

function loadCatalogue(folder: string): readonly Indicator[] {
  const path = join(folder, 'catalogue.json');
  if (!existsSync(path)) return defaultCatalogue;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as CorpusIndicator[];
  const known = new Map(defaultCatalogue.map((i) => [i.code, i]));
  return raw.map((item) => {
    const base = known.get(item.code);
    const valueType = (['integer', 'money', 'decimal', 'percent'].includes(item.type) ? item.type : 'integer') as Indicator['valueType'];
    return {
      code: item.code,
      category: base?.category ?? 'basics',
      nameZh: item.name ?? base?.nameZh ?? item.code,
      nameEn: item.name_en ?? base?.nameEn ?? item.code,
      unit: item.unit,
      valueType,
      descriptionZh: item.description ?? base?.descriptionZh ?? '',
    };
  });
}

/** Returns null when the folder has no labels.json. */
export function loadCorpus(folder: string): Corpus | null {
  if (!existsSync(join(folder, 'labels.json'))) return null;
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as Record<string, Label[]>;
  const documents = readdirSync(folder)
    .filter((f) => /^doc\d+\.txt$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      return { name, text: readFileSync(join(folder, file), 'utf8'), labels: labels[name] ?? [] };
    });
  return { folder, catalogue: loadCatalogue(folder), ownCatalogue: existsSync(join(folder, 'catalogue.json')), documents };
}
