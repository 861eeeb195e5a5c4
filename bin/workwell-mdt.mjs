#!/usr/bin/env node
// The `workwell-mdt` command: runs the TypeScript CLI through tsx, so it works straight after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/entry.ts');
