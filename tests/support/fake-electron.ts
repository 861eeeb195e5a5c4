/**
 * A stand-in for the `electron` module, for unit tests in plain Node (the real module throws
 * there: its binary is not installed). Each export records what the code under test did with it,
 * so tests assert on calls rather than on Electron behaviour. Use it with
 *
 *   vi.mock('electron', () => import('../../support/fake-electron'));
 *
 * and call `resetFakeElectron()` in `beforeEach`. Where Electron itself refuses something (a
 * second handler for one IPC channel, a second bridge under one key), the fake throws too, so a
 * test cannot pass on code the real thing would reject.
 */

/** Any listener; called with whatever the event carries, as Electron does. */
type Listener = (...args: never[]) => unknown;

function call(listener: Listener, args: unknown[]): unknown {
  return (listener as (...values: unknown[]) => unknown)(...args);
}

/** A small synchronous event emitter with the `on`/`once`/`emit` shape Electron objects use. */
export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped = (...args: unknown[]): unknown => {
      this.off(event, wrapped);
      return call(listener, args);
    };
    return this.on(event, wrapped);
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): boolean {
    const current = this.listeners.get(event) ?? [];
    for (const listener of current) call(listener, args);
    return current.length > 0;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron-style event: remembers whether a listener called preventDefault. */
export function fakeEvent<T extends object>(fields: T): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** A main frame at `url`, or a subframe of `parent`. */
export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent };
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends FakeEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrls: string[] = [];
  shown = false;
  focused = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
    // Like Electron, creating a window creates its webContents, which the app hears about.
    app.emit('web-contents-created', fakeEvent({}), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }

  show(): void {
    this.shown = true;
  }

  focus(): void {
    this.focused = true;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  hasSingleInstanceLock = true;
  quitCalls = 0;
  private resolveReady: () => void = () => {};
  private ready: Promise<void> = this.newReady();

  private newReady(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolveReady = resolve;
    });
  }

  /** Tests call this to play Electron's 'ready'. */
  fireReady(): void {
    this.resolveReady();
    this.emit('ready');
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }

  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }

  getPath(name: string): string {
    return `/fake-electron/${name}`;
  }

  quit(): void {
    this.quitCalls += 1;
  }

  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.sandboxEnabled = false;
    this.hasSingleInstanceLock = true;
    this.quitCalls = 0;
    this.ready = this.newReady();
  }
}

export const app = new FakeApp();

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  handle(channel: string, handler: IpcHandler): void {
    // Electron throws "Attempted to register a second handler for '<channel>'".
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const ipcRenderer = {
  invocations: [] as Array<{ channel: string; args: unknown[] }>,
  /** What `invoke` answers; tests replace it. */
  respond: (_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null }),
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.respond(channel, ...args);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    // Electron refuses to bind over an existing property.
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    this.exposed.set(key, api);
  },
};

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  privilegedSchemes: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    this.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`Protocol '${scheme}' is already handled`);
    this.handlers.set(scheme, handler);
  },
};

type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type DevicePermissionHandler = (details: unknown) => boolean;

/** Also an emitter: `will-download` is a session event. */
export class FakeSession extends FakeEmitter {
  permissionRequestHandler: PermissionRequestHandler | null | undefined;
  permissionCheckHandler: PermissionCheckHandler | null | undefined;
  devicePermissionHandler: DevicePermissionHandler | null | undefined;
  readonly webRequest = {
    beforeRequest: undefined as BeforeRequestListener | null | undefined,
    onBeforeRequest: (listener: BeforeRequestListener | null): void => {
      this.webRequest.beforeRequest = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    this.devicePermissionHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export const Menu = {
  applicationMenu: undefined as { template: unknown[] } | null | undefined,
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    this.applicationMenu = menu;
  },
};

/** Forget everything recorded, for a clean `beforeEach`. */
/** Electron's powerMonitor: tests emit 'lock-screen' or 'suspend' on it. */
export const powerMonitor = new FakeEmitter();

/**
 * Electron's safeStorage: "encrypts" reversibly with a marker so tests can see what was stored;
 * `available` and `backend` let a test play a machine without a key store or with Linux's
 * plaintext `basic_text` fallback.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.from(`fake-os-encrypted:${Buffer.from(plainText, 'utf8').toString('hex')}`, 'utf8');
  },
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('fake-os-encrypted:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('fake-os-encrypted:'.length), 'hex').toString('utf8');
  },
};

export function resetFakeElectron(): void {
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  app.reset();
  powerMonitor.removeAllListeners();
  BrowserWindow.instances = [];
  ipcMain.handlers.clear();
  ipcRenderer.invocations = [];
  ipcRenderer.respond = () => Promise.resolve({ ok: true, value: null });
  contextBridge.exposed.clear();
  protocol.privilegedSchemes = [];
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  shell.opened = [];
  Menu.applicationMenu = undefined;
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  shell,
  Menu,
  powerMonitor,
  safeStorage,
};
