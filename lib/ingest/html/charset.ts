// The character set a page is written in: what its Content-Type says, else what a <meta> or an
// XML declaration near its start says, else UTF-8, the web's default.

/** The character set `bytes` declare (lower case): in the Content-Type header when given, else near their start. */
export function declaredCharset(bytes: Uint8Array, contentTypeHeader = ""): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentTypeHeader)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString("latin1");
  const fromMarkup = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  return (fromMarkup ?? "utf-8").toLowerCase();
}

/** Whether TextDecoder knows `charset`. */
export function isKnownCharset(charset: string): boolean {
  try {
    new TextDecoder(charset);
    return true;
  } catch {
    return false;
  }
}

/** `bytes` decoded as `charset`, or as UTF-8 when that character set is unknown; no byte order mark. */
export function decodeAs(bytes: Uint8Array, charset: string): string {
  return new TextDecoder(isKnownCharset(charset) ? charset : "utf-8").decode(bytes).replace(/^\uFEFF/, "");
}
