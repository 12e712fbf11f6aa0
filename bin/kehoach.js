#!/usr/bin/env node
// The installed command: runs the bundle built from src/ (npm ci builds it through the prepare script).
import { main } from '../dist/kehoach.mjs';

process.exitCode = await main(process.argv.slice(2));
