/**
 * Characters XML 1.0 does not allow in a document even as references: C0 controls other than tab,
 * line feed and carriage return, U+FFFE and U+FFFF, and lone surrogates (a high surrogate not
 * followed by a low one, a low one not preceded by a high one).
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces what XML 1.0 forbids by a visible `\uXXXX`, so the report stays valid and still says what was there. */
function visible(text: string): string {
  return text.replace(FORBIDDEN, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text content of an element: markup escaped, forbidden characters made visible; newlines kept as they are. */
export function xmlText(text: string): string {
  return visible(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/**
 * An attribute value: as text, and with tab, line feed and carriage return as character
 * references, which attribute-value normalisation would otherwise turn into spaces.
 */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
