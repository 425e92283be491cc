/**
 * Characters XML 1.0 does not allow — C0 controls but tab and line breaks, U+FFFE/FFFF, a surrogate that is not half of
 * a pair: the reader's scanner hands a part holding one to saxes (whose verdict stands), the writers leave them out.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A count as the reader's messages print it (`1,000,000`). */
export const count = (n: number): string => n.toLocaleString("en-US");
