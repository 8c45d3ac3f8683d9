#!/usr/bin/env node
// The CLI entry: runs the TypeScript sources directly through tsx, so it works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../data/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
