#!/usr/bin/env node
// The tansiq command. The server runs from its TypeScript sources through tsx (no build step);
// docs/decisions/001-toolchain.md says why.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
