/**
 * Short confirmations ("Case registered") in a polite live region that screen readers announce.
 * A notice given just before a navigation is carried onto the next page (the shell is rebuilt on
 * each navigation), so `notify(…); navigate(…)` shows it where the user lands.
 */
import { h } from './dom';

type Tone = 'good' | 'info' | 'warn';
let region: HTMLElement | null = null;
let carried: { text: string; tone: Tone; at: number } | null = null;

function show(text: string, tone: Tone): void {
  region?.replaceChildren(h('p', { class: `notice notice-${tone}` }, text));
}

export function noticeRegion(): HTMLElement {
  region = h('div', { class: 'notices', role: 'status', 'aria-live': 'polite' });
  if (carried && Date.now() - carried.at < 3000) show(carried.text, carried.tone);
  carried = null;
  return region;
}

export function notify(text: string, tone: Tone = 'good'): void {
  carried = { text, tone, at: Date.now() };
  show(text, tone);
}

/** Forgets the notice shown (a language switch redraws the page without it). */
export function dismissNotice(): void {
  carried = null;
  region?.replaceChildren();
}
