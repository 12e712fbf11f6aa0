// Text into markup: the one escape for XML parts of the .docx and for the HTML preview. Escaping the
// quote too makes the result safe both as element text and inside a double-quoted attribute.
export const escapeMarkup = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
