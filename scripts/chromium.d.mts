import type { Browser } from 'puppeteer-core';
export declare const CHROMIUM: string;
export declare const CHROMIUM_FLAGS: string[];
export declare function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }>;
export declare function startXem(bin: string, plan: string, stderr?: 'pipe' | 'inherit'): Promise<{ cli: import('node:child_process').ChildProcess; url: string }>;
