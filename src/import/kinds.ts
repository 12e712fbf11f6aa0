// What kind of source a file is by its name: the one test of "a document import reads", shared by
// `import` and by `derive` (which takes a department's plan as it arrives, without loading import first).

export type SourceKind = 'docx' | 'txt' | 'pdf' | 'doc';

/** A file name's extension, in lower case ("docx"), if it has one. */
export const extensionOf = (file: string): string | undefined => /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();

export function kindOf(file: string): SourceKind | undefined {
  const ext = extensionOf(file);
  if (ext === 'docx' || ext === 'pdf' || ext === 'doc') return ext;
  if (ext === 'odt' || ext === 'rtf') return 'doc'; // LibreOffice's own format and RTF: converted as a .doc is
  return ext === 'txt' || ext === 'text' || ext === 'md' ? 'txt' : undefined;
}
