// What the build works out ahead of a render, empty when running from source. scripts/build.mjs puts
// the generated values in place of this module in the writer bundle:
//   PRECOMPILED        the built-in templates precompiled by Handlebars, each with its source (a
//                      template edited after the build is compiled at run time);
//   PRECOMPUTED_PARTS  the .docx parts docx writes that do not depend on a plan's text, for the kinds
//                      of document the examples are (docx-writer.ts), and each deflated.
// V8's code cache then holds them too.
export const PRECOMPILED: Record<string, { source: string; spec: unknown }> = {};
export const PRECOMPUTED_PARTS: {
  xml: string[];
  /** by kind: each part's XML (an index into xml), the opening of document.xml, each section's header ids */
  kinds: Record<string, { parts: Record<string, number>; open: number; headers: [string, string][] }>;
  /** each part's xml deflated (base64) as zip.ts packs it, with its CRC-32 and size (null: not a part) */
  packed: ({ deflated: string; crc: number; size: number } | null)[];
} = { xml: [], kinds: {}, packed: [] };
