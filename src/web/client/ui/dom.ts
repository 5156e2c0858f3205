/**
 * Tiny DOM builder used by every page: h('button', { type: 'button', onClick }, t('web:…')).
 * Attributes: `class`, `for` (htmlFor), any `on<Event>` function as a listener, `value`/`checked`
 * as properties, `style` as an object of CSS properties ({ 'inline-size': '40%' }, set through
 * CSSOM since the CSP refuses style attributes), booleans as present/absent attributes;
 * null/undefined/false are skipped.
 * Children: nodes, strings (as text, never parsed as HTML), numbers, arrays, and falsy values.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    } else if (name === 'style' && typeof value === 'object') {
      // Through CSSOM: the content security policy refuses style attributes.
      for (const [property, v] of Object.entries(value as Record<string, string>))
        element.style.setProperty(property, v);
    } else if (name === 'class') {
      element.className = String(value);
    } else if (name === 'for') {
      (element as unknown as HTMLLabelElement).htmlFor = String(value);
    } else if (name === 'value' || name === 'checked' || name === 'selected') {
      (element as unknown as Record<string, unknown>)[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let counter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'f'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
