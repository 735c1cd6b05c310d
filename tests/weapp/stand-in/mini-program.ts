/**
 * WeChat's framework around the app: App/Page/Component registration, page instances with setData,
 * lifecycles (onLaunch, onLoad with the query, onShow, onReady, onHide, onUnload), custom component
 * instances, and a real page stack with tab pages kept alive, as WeChat's navigation APIs define it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sandbox } from './sandbox';
import { applySetData, type DataTree } from './set-data';
import type { ComponentHost, Owner } from './view';
import type { Navigator } from './wx-api';

type Config = Record<string, any>;

export interface PageInstance extends Owner {
  route: string;
  options: Record<string, string>;
  /** How many setData calls the page received, and their JSON size: what crosses to the view. */
  setDataCalls: number;
  setDataBytes: number;
  pullDownStopped: number;
  instance: Record<string, any>;
}

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
}

/** The most pages WeChat keeps on the stack (navigateTo fails past it). */
const STACK_LIMIT = 10;

export class MiniProgram implements Navigator {
  readonly appJson: AppJson;
  readonly stack: PageInstance[] = [];
  private readonly alivetabs = new Map<string, PageInstance>();
  private readonly pageConfigs = new Map<string, Config>();
  private readonly componentConfigs = new Map<string, Config>();
  private defining: { kind: 'page' | 'component'; path: string } | null = null;
  private appConfig: Config | null = null;
  app: Record<string, any> | null = null;
  /** Runs after any setData (the view becomes stale). */
  onChange: () => void = () => undefined;

  constructor(private readonly distDir: string, private readonly sandbox: () => Sandbox) {
    this.appJson = this.json('app') as unknown as AppJson;
  }

  get allPages(): string[] {
    return [...this.appJson.pages, ...(this.appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
  }

  tabRoutes(): string[] {
    return (this.appJson.tabBar?.list ?? []).map((t) => t.pagePath);
  }

  /** The names WeChat's framework puts in the logic layer. */
  framework() {
    return {
      App: (config: Config) => {
        if (this.appConfig) throw new Error('App() called twice');
        this.appConfig = config;
      },
      Page: (config: Config) => {
        if (this.defining?.kind !== 'page') throw new Error('Page() called outside a page file');
        this.pageConfigs.set(this.defining.path, config);
      },
      Component: (config: Config) => {
        if (!this.defining) throw new Error('Component() called outside a page or component file');
        this.componentConfigs.set(this.defining.path, config);
      },
      Behavior: (config: Config) => config,
      getApp: () => this.app,
      getCurrentPages: () => this.stack.map((p) => p.instance),
      requirePlugin: (name: string) => {
        throw new Error(`requirePlugin(${name}): no plugins are declared`);
      },
    };
  }

  /** Runs app.js (and its chunks), then every main-package page file, as WeChat does at start. */
  launch(entry: string): void {
    this.sandbox().require('app.js');
    if (!this.appConfig) throw new Error('app.js did not call App()');
    for (const route of this.appJson.pages) this.loadPage(route);
    const app: Record<string, any> = { ...this.appConfig };
    this.app = app;
    const { route, query } = this.parse(entry);
    const launchOptions = this.sandbox().toRealm({ path: route, query, scene: 1001, referrerInfo: {} });
    this.sandbox().guard('App.onLaunch', () => app.onLaunch?.call(app, launchOptions));
    this.sandbox().guard('App.onShow', () => app.onShow?.call(app, launchOptions));
    this.open(route, query);
  }

  currentRoute(): string | undefined {
    return this.stack.at(-1)?.route;
  }

  navigateTo(url: string): void {
    const { route, query } = this.parse(url);
    if (this.tabRoutes().includes(route)) throw new Error('can not navigateTo a tabbar page');
    if (this.stack.length >= STACK_LIMIT) throw new Error('webview count limit exceed');
    this.hide(this.stack.at(-1));
    this.open(route, query);
  }

  redirectTo(url: string): void {
    const { route, query } = this.parse(url);
    if (this.tabRoutes().includes(route)) throw new Error('can not redirectTo a tabbar page');
    this.unload(this.stack.pop());
    this.open(route, query);
  }

  switchTab(url: string): void {
    const { route } = this.parse(url);
    if (!this.tabRoutes().includes(route)) throw new Error(`can not switchTab to a page that is not in tabBar: ${route}`);
    const top = this.stack.at(-1);
    while (this.stack.length) {
      const page = this.stack.pop()!;
      if (this.tabRoutes().includes(page.route)) {
        if (page !== this.alivetabs.get(route)) this.hide(page);
      } else this.unload(page);
    }
    const alive = this.alivetabs.get(route);
    if (alive) {
      this.stack.push(alive);
      if (alive !== top) this.show(alive);
    } else this.open(route, {});
  }

  reLaunch(url: string): void {
    const { route, query } = this.parse(url);
    while (this.stack.length) this.unload(this.stack.pop());
    for (const page of this.alivetabs.values()) this.unload(page);
    this.alivetabs.clear();
    this.open(route, query);
  }

  navigateBack(delta: number): void {
    if (this.stack.length <= 1) throw new Error('cannot navigate back at first page.');
    for (let i = 0; i < Math.max(1, delta) && this.stack.length > 1; i += 1) this.unload(this.stack.pop());
    this.show(this.stack.at(-1));
  }

  stopPullDownRefresh(): void {
    const top = this.stack.at(-1);
    if (top) top.pullDownStopped += 1;
  }

  /** Pulls the current page down, as a person refreshing it (onPullDownRefresh). */
  pullDown(): void {
    const top = this.stack.at(-1);
    if (top) this.sandbox().guard(`${top.route} onPullDownRefresh`, () => top.instance.onPullDownRefresh?.call(top.instance));
  }

  /** A custom component instance (Taro's comp / custom-wrapper): its file is loaded on first use. */
  createComponent(componentPath: string, owner: Owner): ComponentHost {
    this.loadComponent(componentPath);
    const config = this.componentConfigs.get(componentPath)!;
    const sandbox = this.sandbox();
    const data: DataTree = JSON.parse(JSON.stringify(config.data ?? {}));
    const propertyNames = Object.keys(config.properties ?? {});
    for (const name of propertyNames) {
      const spec = config.properties[name];
      if (spec && typeof spec === 'object' && 'value' in spec) data[name] = JSON.parse(JSON.stringify(spec.value ?? null));
    }
    const received = new Map<string, string>();
    const methods: Record<string, any> = config.methods ?? {};
    const self = this;
    const instance: Record<string, any> = {
      is: componentPath,
      data,
      get properties() { return data; },
      setData(patch: Record<string, unknown>, cb?: () => void) {
        applySetData(data, JSON.parse(JSON.stringify(patch)));
        self.onChange();
        if (typeof cb === 'function') setTimeout(() => sandbox.guard(`${componentPath} setData callback`, cb), 0);
      },
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => (sandbox.context as any).wx.createSelectorQuery(),
      getPageId: () => `page-${owner.path}`,
      triggerEvent: () => undefined,
    };
    for (const [name, fn] of Object.entries(methods)) instance[name] = fn;
    const lifetimes = { ...config, ...(config.lifetimes ?? {}) };
    let attached = false;
    const usingComponents = this.json(componentPath).usingComponents ?? {};
    return {
      path: componentPath,
      data,
      usingComponents,
      components: new Map(),
      callHandler(name, event) {
        const fn = instance[name];
        if (typeof fn !== 'function') throw new Error(`${componentPath} has no method ${name}`);
        sandbox.guard(`${componentPath}.${name}`, () => fn.call(instance, sandbox.toRealm(event)));
      },
      receive(properties) {
        for (const name of propertyNames) {
          if (!(name in properties)) continue;
          const text = JSON.stringify(properties[name]);
          if (received.get(name) === text) continue;
          received.set(name, text);
          data[name] = properties[name];
        }
        if (!attached) {
          attached = true;
          sandbox.guard(`${componentPath} attached`, () => lifetimes.attached?.call(instance));
        }
      },
      detach() {
        if (attached) sandbox.guard(`${componentPath} detached`, () => lifetimes.detached?.call(instance));
      },
    };
  }

  // --- pages -------------------------------------------------------------------------------

  private open(route: string, query: Record<string, string>): PageInstance {
    this.loadPage(route);
    const page = this.createPage(route, query);
    this.stack.push(page);
    if (this.tabRoutes().includes(route)) this.alivetabs.set(route, page);
    const sandbox = this.sandbox();
    const options = sandbox.toRealm(query);
    sandbox.guard(`${route} onLoad`, () => page.instance.onLoad?.call(page.instance, options));
    this.show(page);
    // WeChat calls onReady once the first render is on screen.
    setTimeout(() => {
      if (this.stack.includes(page) || this.alivetabs.get(route) === page) sandbox.guard(`${route} onReady`, () => page.instance.onReady?.call(page.instance));
    }, 0);
    return page;
  }

  private show(page: PageInstance | undefined): void {
    if (page) this.sandbox().guard(`${page.route} onShow`, () => page.instance.onShow?.call(page.instance));
  }

  private hide(page: PageInstance | undefined): void {
    if (page) this.sandbox().guard(`${page.route} onHide`, () => page.instance.onHide?.call(page.instance));
  }

  private unload(page: PageInstance | undefined): void {
    if (!page) return;
    if (this.alivetabs.get(page.route) === page) this.alivetabs.delete(page.route);
    this.sandbox().guard(`${page.route} onUnload`, () => page.instance.onUnload?.call(page.instance));
    for (const component of page.components.values()) component.detach();
    page.components.clear();
  }

  private createPage(route: string, query: Record<string, string>): PageInstance {
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`${route}.js did not call Page()`);
    const sandbox = this.sandbox();
    const data: DataTree = JSON.parse(JSON.stringify(config.data ?? {}));
    const self = this;
    const instance: Record<string, any> = {};
    for (const [key, value] of Object.entries(config)) if (key !== 'data') instance[key] = value;
    const page: PageInstance = {
      route,
      options: query,
      path: route,
      data,
      usingComponents: this.json(route).usingComponents ?? {},
      components: new Map(),
      setDataCalls: 0,
      setDataBytes: 0,
      pullDownStopped: 0,
      instance,
      callHandler(name, event) {
        const fn = instance[name];
        if (typeof fn !== 'function') throw new Error(`${route} has no method ${name}`);
        sandbox.guard(`${route}.${name}`, () => fn.call(instance, sandbox.toRealm(event)));
      },
    };
    Object.assign(instance, {
      route,
      __route__: route,
      options: sandbox.toRealm(query),
      data,
      setData(patch: Record<string, unknown>, cb?: () => void) {
        const text = JSON.stringify(patch);
        page.setDataCalls += 1;
        page.setDataBytes += Buffer.byteLength(text);
        applySetData(data, JSON.parse(text));
        self.onChange();
        if (typeof cb === 'function') setTimeout(() => sandbox.guard(`${route} setData callback`, cb), 0);
      },
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => (sandbox.context as any).wx.createSelectorQuery(),
      getOpenerEventChannel: () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined }),
    });
    return page;
  }

  private loadPage(route: string): void {
    if (!this.allPages.includes(route)) throw new Error(`page "${route}" is not found`);
    if (this.pageConfigs.has(route)) return;
    this.define('page', route, () => this.sandbox().require(route));
    for (const request of Object.values(this.json(route).usingComponents ?? {})) this.loadComponent(path.posix.join(path.posix.dirname(route), request as string));
    if (!this.pageConfigs.has(route)) throw new Error(`${route}.js did not call Page()`);
  }

  private loadComponent(componentPath: string): void {
    if (this.componentConfigs.has(componentPath)) return;
    this.define('component', componentPath, () => this.sandbox().require(componentPath));
    if (!this.componentConfigs.has(componentPath)) throw new Error(`${componentPath}.js did not call Component()`);
  }

  private define(kind: 'page' | 'component', file: string, load: () => void): void {
    const before = this.defining;
    this.defining = { kind, path: file };
    try {
      load();
    } finally {
      this.defining = before;
    }
  }

  private json(file: string): Record<string, any> {
    return JSON.parse(readFileSync(path.join(this.distDir, `${file}.json`), 'utf8'));
  }

  /** "/packages/x/index?id=1" or a path relative to the current page; query values stay encoded, as WeChat gives them. */
  private parse(url: string): { route: string; query: Record<string, string> } {
    const [pathPart, search = ''] = url.split('?');
    let route = pathPart!;
    if (!route.startsWith('/')) route = path.posix.join(path.posix.dirname(this.currentRoute() ?? ''), route);
    route = path.posix.normalize(route).replace(/^\/+/, '');
    const query: Record<string, string> = {};
    for (const pair of search.split('&')) {
      if (!pair) continue;
      const at = pair.indexOf('=');
      query[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1);
    }
    return { route, query };
  }
}
