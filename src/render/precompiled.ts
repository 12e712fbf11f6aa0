// The built-in templates precompiled by Handlebars, each with the hash of its source. Empty here:
// scripts/build.mjs puts the generated specs in place of this module in the bundle, so a render needs
// only the Handlebars runtime, and V8's code cache holds the templates' code too. A template edited
// after the build no longer matches its hash and is compiled at run time.
export const PRECOMPILED: Record<string, { hash: string; spec: unknown }> = {};
