/**
 * One person's phone running the weapp build: the sandboxed logic layer, the framework, wx, and
 * the view. Tests drive it as a person would (open a page, wait for text, tap, type) and read what
 * WeChat's own sheets recorded (toasts, modals, documents opened).
 */
import path from 'node:path';
import { CloudLink } from './cloud-link';
import { MiniProgram, type PageInstance } from './mini-program';
import { Sandbox } from './sandbox';
import { Templates } from './templates';
import { dispatch, findAll, findByText, nodeTypes, renderOwner, textOf, type VNode } from './view';
import { createWx, phoneButtonDetail, type Recorded, type Script } from './wx-api';

export interface PhoneOptions {
  distDir: string;
  /** The local cloud's address and clock. */
  cloudUrl: string;
  now: () => number;
  /** The WeChat user (openid) on this phone. */
  openid: string;
  /** The page WeChat opens first (default: the first page of app.json). */
  entry?: string;
  /** Compiled templates, shared between phones of one test file (wcc takes a moment). */
  templates?: Templates;
  /** The local cloud's getPhoneNumber codes (what WeChat hands the button for a number). */
  phoneCode?: (number: string, countryCode: string) => string;
  log?: (level: string, text: string) => void;
}

const DEFAULT_WAIT_MS = 15_000;

export class Phone {
  readonly script: Script = { modal: [], subscribe: [], messageFile: [], scan: [], phone: [], privacy: { agreed: true, answers: [] } };
  readonly recorded: Recorded = { toasts: [], modals: [], loading: [], subscribeAsked: [], documents: [], titles: [], privacyShown: 0 };
  readonly sandbox: Sandbox;
  readonly mp: MiniProgram;
  readonly templates: Templates;
  readonly cloud: CloudLink;
  /** Node types that some page's data used and base.wxml has no template for, with the class that asked. */
  readonly missingTemplates = new Map<string, { route: string; className: string }>();
  private view: { page: PageInstance; root: VNode } | null = null;

  private constructor(readonly o: PhoneOptions) {
    this.templates = o.templates ?? new Templates(o.distDir);
    this.cloud = new CloudLink(o.cloudUrl, o.openid);
    this.mp = new MiniProgram(o.distDir, () => this.sandbox);
    const storage = new Map<string, string>();
    const sandboxRef: { current?: Sandbox } = {};
    const wx = createWx({ cloud: this.cloud, nav: this.mp, script: this.script, recorded: this.recorded, storage, realm: (v) => sandboxRef.current!.toRealm(v), realmBytes: (b) => sandboxRef.current!.bytesInRealm(b) });
    this.sandbox = new Sandbox({ distDir: o.distDir, framework: { wx, ...this.mp.framework() }, now: o.now, onConsole: o.log });
    sandboxRef.current = this.sandbox;
    this.mp.onChange = () => {
      this.view = null;
    };
  }

  static launch(options: PhoneOptions): Phone {
    const phone = new Phone(options);
    phone.mp.launch(options.entry ?? `/${phone.mp.appJson.pages[0]}`);
    return phone;
  }

  get page(): PageInstance {
    const top = this.mp.stack.at(-1);
    if (!top) throw new Error('no page is open');
    return top;
  }

  get route(): string {
    return this.page.route;
  }

  /** The current page as rendered by WeChat's templates (re-rendered after any setData). */
  render(): VNode {
    const page = this.page;
    if (this.view?.page !== page) {
      const root = renderOwner({ templates: this.templates, createComponent: (p, owner) => this.mp.createComponent(p, owner) }, page);
      this.noteTemplates(page);
      this.view = { page, root };
    }
    return this.view.root;
  }

  /** The visible text of the current page. */
  text(): string {
    return textOf(this.render());
  }

  async waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
    const started = Date.now();
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`${what}: not seen within ${timeoutMs} ms on ${this.route}.\nThe page shows: ${this.text().slice(0, 1500)}\nErrors: ${JSON.stringify(this.sandbox.errors.slice(-5))}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  waitForText(text: string | RegExp, timeoutMs?: number): Promise<true> {
    return this.waitFor(`the text ${text}`, () => (typeof text === 'string' ? this.text().includes(text) : text.test(this.text())) || undefined, timeoutMs);
  }

  async waitForRoute(route: string): Promise<void> {
    await this.waitFor(`the page ${route}`, () => this.mp.stack.at(-1)?.route === route);
  }

  /** Nodes whose own visible text contains `text`, innermost first match. */
  findText(text: string | RegExp): VNode[] {
    return findByText(this.render(), text);
  }

  find(test: (node: VNode) => boolean): VNode[] {
    return findAll(this.render(), test);
  }

  /** Taps the innermost visible node showing `text` (the nth one, default the first): waits for it to appear. */
  async tap(text: string | RegExp, nth = 0): Promise<void> {
    // A person taps what has stopped changing.
    await this.settle(100);
    const node = await this.waitFor(`something to tap showing ${text}`, () => this.findText(text)[nth]);
    this.tapNode(node, String(text));
  }

  /** A tap, delivered as WeChat's tap event (the touchstart/touchend before it are not simulated). */
  tapNode(node: VNode, label = node.tag): void {
    if (dispatch(node, 'tap', { x: 100, y: 100 }) === 0) throw new Error(`nothing listens to a tap on ${label} (${node.tag})`);
  }

  /**
   * Taps WeChat's getPhoneNumber button showing `text`: WeChat's privacy gate and phone sheet answer
   * from the script, and the button's getphonenumber event carries the outcome (a code, or why not).
   */
  async tapPhoneButton(text: string | RegExp): Promise<void> {
    await this.settle(100);
    const label = await this.waitFor(`a button showing ${text}`, () => this.findText(text)[0]);
    let button: VNode | undefined = label;
    while (button && button.attr['open-type'] !== 'getPhoneNumber' && button.attr.openType !== 'getPhoneNumber') button = button.parent;
    if (!button) throw new Error(`${String(text)} is not on a button with open-type="getPhoneNumber"`);
    if (!this.o.phoneCode) throw new Error('this phone was launched without the local cloud’s phone codes');
    const detail = phoneButtonDetail(this.script, this.recorded, this.o.phoneCode);
    if (dispatch(button, 'getphonenumber', detail) === 0) throw new Error(`nothing listens to getphonenumber on ${String(text)}`);
  }

  /** An input or textarea, found by its placeholder (or the nth on the page). */
  async field(placeholder: string | number): Promise<VNode> {
    const fields = () => this.find((n) => n.tag === 'wx-input' || n.tag === 'wx-textarea');
    return this.waitFor(`a field ${placeholder}`, () =>
      typeof placeholder === 'number' ? fields()[placeholder] : fields().find((n) => String(n.attr.placeholder ?? '').includes(placeholder)));
  }

  /** Types `value` into a field as WeChat reports typing: input events, then blur. */
  async type(placeholder: string | number, value: string): Promise<void> {
    await this.settle(100);
    const node = await this.field(placeholder);
    dispatch(node, 'focus', { value: String(node.attr.value ?? ''), height: 0 });
    dispatch(this.sameNode(node), 'input', { value, cursor: value.length, keyCode: 0 });
    dispatch(this.sameNode(node), 'blur', { value, cursor: value.length });
  }

  /** A component's change event (switch, picker, checkbox-group, radio-group). */
  change(node: VNode, detail: object): void {
    if (dispatch(node, 'change', detail) === 0) throw new Error(`nothing listens to change on ${node.tag}`);
  }

  /** Opens a page as WeChat would from a link (a share card, a scan): the stack starts again there. */
  open(url: string): void {
    this.mp.reLaunch(url);
  }

  /** Everything that went wrong in the app: thrown errors (with their file) and console.error. */
  get errors() {
    return this.sandbox.errors;
  }

  /** Waits for the app to go quiet: no cloud call under way and no setData for `quietMs`. */
  async settle(quietMs = 150): Promise<void> {
    let calls = -1;
    for (;;) {
      const now = this.page.setDataCalls;
      if (now === calls && this.cloud.inFlight === 0) return;
      calls = now;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  close(): void {
    this.sandbox.stop();
  }

  /** After an event the node may have been re-rendered: find it again by id. */
  private sameNode(node: VNode): VNode {
    const id = node.attr.id;
    return (id ? this.find((n) => n.attr.id === id)[0] : undefined) ?? node;
  }

  private noteTemplates(page: PageInstance): void {
    for (const [nn, className] of nodeTypes(page.data)) {
      if (!this.templates.hasTemplate(`tmpl_0_${nn}`) && !this.missingTemplates.has(nn)) this.missingTemplates.set(nn, { route: page.route, className });
    }
  }
}

export const DIST_DIR = path.resolve(__dirname, '../../../dist');
