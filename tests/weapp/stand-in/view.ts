/**
 * What the person sees and touches: a page's data rendered by wcc, with each custom component
 * (Taro's `comp` and `custom-wrapper`) rendered from its own data in place, and WeChat's event
 * delivery on that tree: a tap goes to the node, then bubbles up through every node bound to it
 * (bind stops nowhere, catch stops), calling the handler of the page or component that owns it.
 */
import type { RawNode, Templates } from './templates';

export interface Owner {
  /** The .wxml that renders it, without extension (a route or a component path). */
  readonly path: string;
  readonly data: Record<string, unknown>;
  readonly usingComponents: Record<string, string>;
  readonly components: Map<string, ComponentHost>;
  /** Calls a method of the page (or of the component's `methods`) with a WeChat event. */
  callHandler(name: string, event: object): void;
}

export interface ComponentHost extends Owner {
  /** Properties from the parent's template: set only when the parent's value changed, as WeChat does. */
  receive(properties: Record<string, unknown>): void;
  detach(): void;
}

export interface VNode {
  tag: string;
  attr: Record<string, unknown>;
  children: Array<VNode | string>;
  parent?: VNode;
  owner: Owner;
}

export interface ViewDeps {
  templates: Templates;
  createComponent(path: string, owner: Owner): ComponentHost;
}

/** Renders `owner` and, inside it, every custom component it uses. */
export function renderOwner(deps: ViewDeps, owner: Owner): VNode {
  const raw = deps.templates.render(`${owner.path}.wxml`, owner.data);
  const seen = new Set<string>();
  const root = adopt(deps, owner, raw, undefined, seen, '0');
  for (const [key, component] of owner.components) {
    if (!seen.has(key)) {
      component.detach();
      owner.components.delete(key);
    }
  }
  return root;
}

function adopt(deps: ViewDeps, owner: Owner, raw: RawNode, parent: VNode | undefined, seen: Set<string>, position: string): VNode {
  const node: VNode = { tag: raw.tag, attr: raw.attr ?? {}, children: [], parent, owner };
  const name = raw.tag.replace(/^wx-/, '');
  if (Object.prototype.hasOwnProperty.call(owner.usingComponents, name)) {
    const properties = JSON.parse(JSON.stringify(node.attr)) as Record<string, unknown>;
    const sid = (properties.i as { sid?: unknown } | null)?.sid;
    const key = `${name}:${typeof sid === 'string' ? sid : position}`;
    seen.add(key);
    let component = owner.components.get(key);
    if (!component) {
      component = deps.createComponent(resolveComponent(owner.path, owner.usingComponents[name]!), owner);
      owner.components.set(key, component);
    }
    component.receive(properties);
    const inner = renderOwner(deps, component);
    inner.parent = node;
    node.children = inner.children.map((child) => (typeof child === 'string' ? child : Object.assign(child, { parent: node })));
    return node;
  }
  node.children = (raw.children ?? []).map((child, index) =>
    typeof child === 'string' ? child : adopt(deps, owner, child, node, seen, `${position}.${index}`));
  return node;
}

function resolveComponent(from: string, request: string): string {
  const parts = request.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const part of request.replace(/^\//, '').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

const hidden = (node: VNode) => node.attr.hidden === true || /display\s*:\s*none/.test(String(node.attr.style ?? ''));

/** The text a person can see in `node`: hidden subtrees (hidden, display:none) are left out. */
export function textOf(node: VNode | string): string {
  if (typeof node === 'string') return node;
  if (hidden(node)) return '';
  // A field shows what is typed in it.
  if (node.tag === 'wx-input' || node.tag === 'wx-textarea') return String(node.attr.value ?? '');
  return node.children.map(textOf).join('');
}

/** Visible nodes matching `test`, in document order. */
export function findAll(root: VNode, test: (node: VNode) => boolean): VNode[] {
  const found: VNode[] = [];
  const walk = (node: VNode) => {
    if (hidden(node)) return;
    if (test(node)) found.push(node);
    for (const child of node.children) if (typeof child !== 'string') walk(child);
  };
  walk(root);
  return found;
}

/** The innermost visible nodes whose text contains `text` (or matches it). */
export function findByText(root: VNode, text: string | RegExp): VNode[] {
  const matches = (node: VNode) => {
    const own = textOf(node);
    return typeof text === 'string' ? own.includes(text) : text.test(own);
  };
  const all = findAll(root, matches);
  return all.filter((node) => !all.some((other) => other !== node && isAncestor(node, other)));
}

function isAncestor(ancestor: VNode, node: VNode): boolean {
  for (let at = node.parent; at; at = at.parent) if (at === ancestor) return true;
  return false;
}

const BUBBLING = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel']);

function dataset(node: VNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node.attr)) {
    if (key.startsWith('data-')) out[key.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return out;
}

/** Delivers a WeChat event to `target`; answers how many handlers ran (0: nothing listens). */
export function dispatch(target: VNode, type: string, detail: object = {}): number {
  const targetInfo = { id: String(target.attr.id ?? ''), dataset: dataset(target), offsetLeft: 0, offsetTop: 0 };
  let ran = 0;
  for (let node: VNode | undefined = target; node; node = node.parent) {
    const bound = node.attr[`bind${type}`] ?? node.attr[`catch${type}`];
    if (typeof bound === 'string' && bound) {
      const touches = type.startsWith('touch') || type === 'tap' ? [{ identifier: 0, pageX: 100, pageY: 100, clientX: 100, clientY: 100 }] : [];
      node.owner.callHandler(bound, {
        type, timeStamp: Date.now(), detail, target: targetInfo,
        currentTarget: { id: String(node.attr.id ?? ''), dataset: dataset(node), offsetLeft: 0, offsetTop: 0 },
        touches, changedTouches: touches, mark: {}, mut: false,
      });
      ran += 1;
      if (node.attr[`catch${type}`]) break;
    }
    if (!BUBBLING.has(type)) break;
  }
  return ran;
}

/** Every node type (Taro's `nn`) in a Taro data tree, with the class of its first use. */
export function nodeTypes(data: unknown, into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(data)) for (const item of data) nodeTypes(item, into);
  else if (data && typeof data === 'object') {
    const node = data as { nn?: unknown; cl?: unknown };
    if (typeof node.nn === 'string' && !into.has(node.nn)) into.set(node.nn, String(node.cl ?? ''));
    for (const value of Object.values(data)) if (value && typeof value === 'object') nodeTypes(value, into);
  }
  return into;
}
