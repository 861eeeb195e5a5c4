// Types for the plain-JavaScript rule, so TypeScript tests can import it without allowJs.
import type { Rule } from 'eslint';

export interface LayerImportsOptions {
  /** Absolute project root; layers are first path segments under it. Default: process.cwd(). */
  root?: string;
  /** Layer -> layers it may import from. Importers outside these layers are unrestricted. */
  layers?: Record<string, string[]>;
  /** Layers that may not import Node built-ins. */
  noBuiltins?: string[];
  /** Package -> the only top-level folders that may import it. */
  restrictedPackages?: Record<string, string[]>;
  /** Layer -> the only npm packages it may import. */
  allowedPackages?: Record<string, string[]>;
}

export declare const DEFAULT_LAYERS: Readonly<Record<string, string[]>>;
export declare const DEFAULT_NO_BUILTINS: readonly string[];
export declare const DEFAULT_RESTRICTED_PACKAGES: Readonly<Record<string, string[]>>;
export declare const DEFAULT_ALLOWED_PACKAGES: Readonly<Record<string, string[]>>;

declare const rule: Rule.RuleModule;
export default rule;
