import { readFileSync } from 'fs';
import { resolve } from 'path';

export const TEMPLATES_DIR = resolve(__dirname, '..', '..', 'templates');

export interface AgreementTemplate {
  page: {
    size: string;
    width: number;
    height: number;
    margins: { top: number; bottom: number; left: number; right: number };
  };
  header: { fontSize: number; gapAfter: number; rule: boolean };
  footer: { y: number; fontSize: number; qrSize: number };
  title: { fontSize: number; secondaryFontSize: number; gapAfter: number };
  caseNumber: { fontSize: number; gapAfter: number };
  heading: { fontSize: number; gapBefore: number; gapAfter: number };
  body: {
    fontSize: number;
    secondaryFontSize: number;
    lineGap: number;
    paragraphGap: number;
    columnGap: number;
  };
  signatures: { fontSize: number; boxHeight: number; columns: number; gapAfter: number };
  sections: string[];
}

const cache = new Map<string, unknown>();

/** Reads a layout from templates/ once per process. */
export function loadTemplate<T>(name: string): T {
  if (!cache.has(name))
    cache.set(name, JSON.parse(readFileSync(resolve(TEMPLATES_DIR, `${name}.json`), 'utf8')));
  return cache.get(name) as T;
}
