const word = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g;
const run = /=\?[^?]+\?[bBqQ]\?[^?]*\?=(?:\s+=\?[^?]+\?[bBqQ]\?[^?]*\?=)*/g;

const bytesOf = (encoding: string, text: string) =>
  encoding.toUpperCase() === "B"
    ? Buffer.from(text, "base64")
    : Buffer.from(
        text
          .replace(/_/g, " ")
          .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
        "latin1",
      );

/**
 * Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) in a header value. Adjacent words are joined
 * as bytes first, since an encoder may split one character across them; other charsets stay as they are.
 */
export function decodeMimeWords(value: string): string {
  return value.replace(run, (words) => {
    const parts = [...words.matchAll(word)];
    if (parts.some(([, charset]) => !/^(utf-?8|us-ascii)$/i.test(charset ?? ""))) return words;
    return Buffer.concat(parts.map(([, , encoding, text]) => bytesOf(encoding ?? "B", text ?? ""))).toString(
      "utf8",
    );
  });
}
