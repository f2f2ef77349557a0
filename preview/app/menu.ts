/**
 * The add-on menu in the preview: what the server's onOpen builds (captured by the Apps Script shim
 * as shim.ui.menus), drawn as a menu button in the page header, as Sheets shows it under
 * Extensions. An item calls its top-level server function by name (dist/Code.js's globals), with
 * the shim's selection set to the preview's first, as one undoable step, then re-renders; toasts and
 * alerts the function shows appear in the page's toast, a sidebar it opens in the sidebar panel.
 */
import type { AppsScriptShim, MenuItem } from '../engine/apps-script';
import { columnLetter } from '../../src/addon/a1';

/** A block of cells, 0-based and inclusive (the preview's selection areas). */
export interface GridArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface MenuOptions {
  readonly shim: AppsScriptShim;
  /** The page's globals: the bundle's top-level functions are called from here by name. */
  readonly page: Record<string, unknown>;
  /** The sheet shown and its selected areas, for getActiveRange / getActiveRangeList. */
  readonly selection: () => { sheet: string; areas: readonly GridArea[] };
  /** After an item ran: the sheet the server left active (a template inserts a new one). */
  readonly after: (activeSheet: string) => void;
  /** Shows a line of text to the user (the page's status toast). */
  readonly toast: (message: string) => void;
  /** Runs server code as one undoable step (the page's editor.track); by default just runs it. */
  readonly track?: <T>(run: () => T) => T;
  /** Where the menu goes; by default the start of the header's navigation. */
  readonly container?: HTMLElement;
}

const TITLE = 'LLM Sizing for Sheets';

/** Column letters of a column counted from 0. */
const letters = (col: number) => columnLetter(col + 1);

/** `{top: 0, left: 1, bottom: 2, right: 1}` is `B1:B3`; one cell is `B1`. */
export function areaA1(area: GridArea): string {
  const start = `${letters(area.left)}${area.top + 1}`;
  return area.top === area.bottom && area.left === area.right
    ? start
    : `${start}:${letters(area.right)}${area.bottom + 1}`;
}

/** Builds the menu (running onOpen first if nothing built it yet) and returns its root element. */
export function mountMenu(options: MenuOptions): HTMLElement {
  const { shim, page } = options;
  if (shim.ui.menus.length === 0 && typeof page.onOpen === 'function') {
    // Sheets runs onOpen when the document opens; the preview opens now.
    (page.onOpen as (e?: unknown) => void)({ authMode: 'NONE' });
  }
  const items = shim.ui.menus[shim.ui.menus.length - 1] ?? [];

  const root = options.container ?? document.createElement('div');
  root.classList.add('addon-menu');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'addon-menu-button';
  button.textContent = 'Extensions ▾';
  button.title = `The add-on menu (Extensions › ${TITLE})`;
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  const panel = document.createElement('div');
  panel.className = 'addon-menu-panel';
  panel.setAttribute('role', 'menu');
  panel.setAttribute('aria-label', TITLE);
  panel.hidden = true;
  const heading = document.createElement('div');
  heading.className = 'addon-menu-heading';
  heading.textContent = TITLE;
  panel.append(heading, ...items.map((item) => renderItem(item)));
  root.replaceChildren(button, panel);

  const close = () => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    for (const sub of panel.querySelectorAll<HTMLElement>('.addon-menu-sub')) sub.hidden = true;
    for (const b of panel.querySelectorAll('[aria-expanded="true"]')) b.setAttribute('aria-expanded', 'false');
  };
  button.addEventListener('click', () => {
    const open = panel.hidden;
    close();
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  });
  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) close();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      button.focus();
    }
  });

  function renderItem(item: MenuItem): HTMLElement {
    if (item.caption === '---' && !item.functionName && !item.items) {
      const hr = document.createElement('hr');
      hr.setAttribute('role', 'separator');
      return hr;
    }
    const entry = document.createElement('button');
    entry.type = 'button';
    entry.setAttribute('role', 'menuitem');
    entry.className = 'addon-menu-item';
    entry.textContent = item.caption;
    if (item.items) {
      // A submenu opens below its caption.
      const wrap = document.createElement('div');
      wrap.className = 'addon-menu-group';
      const sub = document.createElement('div');
      sub.className = 'addon-menu-sub';
      sub.setAttribute('role', 'menu');
      sub.setAttribute('aria-label', item.caption);
      sub.hidden = true;
      sub.append(...item.items.map((child) => renderItem(child)));
      entry.textContent = `${item.caption} ▸`;
      entry.setAttribute('aria-haspopup', 'menu');
      entry.setAttribute('aria-expanded', 'false');
      entry.addEventListener('click', () => {
        sub.hidden = !sub.hidden;
        entry.setAttribute('aria-expanded', String(!sub.hidden));
      });
      wrap.append(entry, sub);
      return wrap;
    }
    const name = item.functionName ?? '';
    entry.dataset.function = name;
    entry.addEventListener('click', () => {
      close();
      run(name);
    });
    return entry;
  }

  function run(name: string): void {
    const fn = page[name];
    if (typeof fn !== 'function') {
      options.toast(`No server function ${name} in dist/Code.js`);
      return;
    }
    const { sheet, areas } = options.selection();
    shim.setActiveRange(sheet, areas.map(areaA1));
    const seen = shim.calls.length;
    const sidebars = shim.ui.sidebars.length;
    try {
      const call = () => (fn as () => unknown)();
      if (options.track) options.track(call);
      else call();
    } catch (error) {
      options.toast((error as Error).message);
    }
    for (const call of shim.calls.slice(seen)) {
      if (call.method === 'toast') options.toast(String(call.args[0]));
      else if (call.method === 'alert') options.toast(call.args.map(String).join(': '));
    }
    if (shim.ui.sidebars.length > sidebars) {
      const panel = document.getElementById('sidebar-panel');
      if (panel) panel.hidden = false;
    }
    options.after(shim.activeSheet());
  }

  if (!options.container) {
    const nav = document.querySelector('header nav');
    if (nav) nav.prepend(root);
    else document.body.prepend(root);
  }
  return root;
}
