// @ts-check
/**
 * The project's local ESLint plugin, registered as `local` in eslint.config.js.
 */
import layerImports from './layer-imports.js';

/** @type {import('eslint').ESLint.Plugin} */
const plugin = {
  meta: { name: 'eslint-plugin-local', version: '0.0.0' },
  rules: {
    'layer-imports': layerImports,
  },
};

export default plugin;
