/*
 * Splits a paragraph into runs that share one font. pdfkit has no font fallback: a character
 * missing from the current font becomes an empty box, so every character is given the font of
 * its script, neutral characters (spaces, digits, punctuation, combining marks) follow their
 * neighbours, and anything still uncovered falls back through the other fonts.
 */
import { FALLBACK_ORDER, faceHasGlyph, type FontFamilyKey } from './font-registry';

export type ScriptClass = 'han' | 'hangul' | 'arabic' | 'devanagari' | 'latin' | 'neutral';

export interface FontRun {
  /** UTF-16 offsets into the paragraph, end exclusive. */
  start: number;
  end: number;
  family: FontFamilyKey;
  script: ScriptClass;
}

export interface UnrenderableCharacter {
  codePoint: number;
  character: string;
  index: number;
}

export class UnrenderableCharacterError extends Error {
  readonly code = 'PDF_UNRENDERABLE_CHARACTER';

  constructor(readonly characters: UnrenderableCharacter[]) {
    super(
      `No embedded font can show ${characters
        .map(
          (c) =>
            `U+${c.codePoint.toString(16).toUpperCase().padStart(4, '0')} "${c.character}" at ${c.index}`,
        )
        .join(', ')}`,
    );
    this.name = 'UnrenderableCharacterError';
  }
}

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const ARABIC = /\p{Script=Arabic}/u;
const DEVANAGARI = /\p{Script=Devanagari}/u;
const LATIN = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
// Invisible format characters (ZWNJ, ZWJ, bidi marks) never draw a box; they are dropped at
// shaping time when the run's font has no glyph for them.
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\n\r\t]/u;

function isFullwidthPunctuation(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6)
  );
}

const classified = new Map<string, ScriptClass>();

export function classifyCharacter(ch: string): ScriptClass {
  let script = classified.get(ch);
  if (script === undefined) {
    script = classifyUncached(ch);
    classified.set(ch, script);
  }
  return script;
}

function classifyUncached(ch: string): ScriptClass {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return /[A-Za-z]/.test(ch) ? 'latin' : 'neutral';
  if (HAN.test(ch) || isFullwidthPunctuation(cp)) return 'han';
  if (HANGUL.test(ch)) return 'hangul';
  if (ARABIC.test(ch)) return 'arabic';
  if (DEVANAGARI.test(ch)) return 'devanagari';
  if (LATIN.test(ch)) return 'latin';
  return 'neutral';
}

const FAMILY_OF_SCRIPT: Record<Exclude<ScriptClass, 'neutral'>, FontFamilyKey> = {
  han: 'han',
  hangul: 'hangul',
  arabic: 'arabic',
  devanagari: 'latin',
  latin: 'latin',
};

export function isIgnorableCharacter(ch: string): boolean {
  return IGNORABLE.test(ch);
}

function hasGlyph(family: FontFamilyKey, cp: number): boolean {
  // Coverage is identical across the weights we ship; checking regular avoids parsing bold.
  return faceHasGlyph({ family, weight: 'regular' }, cp);
}

function firstFamilyWithGlyph(preferred: FontFamilyKey, cp: number): FontFamilyKey | null {
  if (hasGlyph(preferred, cp)) return preferred;
  for (const family of FALLBACK_ORDER) {
    if (family !== preferred && hasGlyph(family, cp)) return family;
  }
  return null;
}

interface CharSlot {
  index: number;
  ch: string;
  script: ScriptClass;
}

function codePointSlots(text: string): CharSlot[] {
  const slots: CharSlot[] = [];
  let index = 0;
  for (const ch of text) {
    slots.push({ index, ch, script: classifyCharacter(ch) });
    index += ch.length;
  }
  return slots;
}

/**
 * Font runs in logical order. `defaultFamily` is used for a paragraph made only of neutral
 * characters (e.g. "2026-03-01"), normally the family of the paragraph's language.
 */
export function splitIntoFontRuns(text: string, defaultFamily: FontFamilyKey = 'latin'): FontRun[] {
  const slots = codePointSlots(text);
  const resolved: { family: FontFamilyKey; script: ScriptClass }[] = new Array(slots.length);

  // Neutrals take the preceding strong character's font; leading neutrals the following one.
  let previous: ScriptClass | null = null;
  const nextStrong: (ScriptClass | null)[] = new Array(slots.length);
  let upcoming: ScriptClass | null = null;
  for (let i = slots.length - 1; i >= 0; i--) {
    if (slots[i].script !== 'neutral') upcoming = slots[i].script;
    nextStrong[i] = upcoming;
  }
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    let script = slot.script;
    if (script === 'neutral') script = previous ?? nextStrong[i] ?? 'neutral';
    else previous = script;
    const preferred = script === 'neutral' ? defaultFamily : FAMILY_OF_SCRIPT[script];
    const cp = slot.ch.codePointAt(0) ?? 0;
    let family: FontFamilyKey = preferred;
    if (!isIgnorableCharacter(slot.ch)) family = firstFamilyWithGlyph(preferred, cp) ?? preferred;
    resolved[i] = { family, script };
  }

  const runs: FontRun[] = [];
  for (let i = 0; i < slots.length; i++) {
    const start = slots[i].index;
    const end = start + slots[i].ch.length;
    const last = runs[runs.length - 1];
    if (last && last.family === resolved[i].family && last.end === start) {
      last.end = end;
      if (last.script === 'neutral') last.script = resolved[i].script;
    } else {
      runs.push({ start, end, family: resolved[i].family, script: resolved[i].script });
    }
  }
  return runs;
}

/** Every character that no embedded font can show; callers refuse to draw such text. */
export function findUnrenderableCharacters(text: string): UnrenderableCharacter[] {
  const missing: UnrenderableCharacter[] = [];
  for (const slot of codePointSlots(text)) {
    if (isIgnorableCharacter(slot.ch)) continue;
    const cp = slot.ch.codePointAt(0) ?? 0;
    const preferred = slot.script === 'neutral' ? 'latin' : FAMILY_OF_SCRIPT[slot.script];
    if (firstFamilyWithGlyph(preferred, cp) === null) {
      missing.push({ codePoint: cp, character: slot.ch, index: slot.index });
    }
  }
  return missing;
}

export function assertRenderable(text: string): void {
  const missing = findUnrenderableCharacters(text);
  if (missing.length > 0) throw new UnrenderableCharacterError(missing);
}
