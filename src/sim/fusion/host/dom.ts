/**
 * Tiny DOM builders. Call data only ever becomes text nodes (never innerHTML), so a caller
 * number or contact name cannot inject markup into the host page.
 */

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function button(testId: string, label: string, onClick: () => void, attrs: Record<string, string | undefined> = {}): HTMLButtonElement {
  const node = el('button', { type: 'button', 'data-testid': testId, ...attrs }, label);
  node.addEventListener('click', onClick);
  return node;
}

/** A labelled input; the label gives it its accessible name. */
export function field(testId: string, label: string, value: string, attrs: Record<string, string | undefined> = {}): { wrap: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', { 'data-testid': testId, value, ...attrs });
  input.value = value;
  return { wrap: el('label', { class: 'field' }, el('span', {}, label), input), input };
}
