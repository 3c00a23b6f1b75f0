// The text of an editor's file: UTF-8 or an error saying where it is not, and without the
// invisible control characters that word processors paste along (form feed, ESC, NUL,
// U+FFFE…). Those are removed with a warning rather than stopping the build: they carry
// no meaning on a page, the editor cannot see them, and left in they make every feed and
// sitemap ill-formed XML that feed readers reject.

/** Bytes that are not UTF-8, where they start. */
export interface EncodingProblem {
  line: number;
  /** Offset of the first bad byte in the file, from 0. */
  offset: number;
  byte: number;
}

/** A control character removed from a line. */
export interface RemovedCharacter {
  line: number;
  codePoint: number;
}

export type SourceText = { text: string; removed: RemovedCharacter[] } | { encoding: EncodingProblem };

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls; the noncharacters U+FFFE and U+FFFF. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

const strictDecoder = new TextDecoder("utf-8", { fatal: true });
const lenientDecoder = new TextDecoder("utf-8");

/** Decodes a file's bytes as UTF-8 and removes control characters. */
export function readSourceText(bytes: Uint8Array): SourceText {
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    return { encoding: findInvalidByte(bytes) };
  }
  const removed: RemovedCharacter[] = [];
  let line = 1;
  let counted = 0;
  const cleaned = text.replace(CONTROL_CHARACTER, (character, index: number) => {
    for (; counted < index; counted++) if (text.charCodeAt(counted) === 10) line++;
    removed.push({ line, codePoint: character.codePointAt(0)! });
    return "";
  });
  return { text: cleaned, removed };
}

/**
 * The first byte that does not decode. The lenient decoder turns each bad sequence into
 * U+FFFD; the first U+FFFD that the file does not spell as EF BF BD is it.
 */
function findInvalidByte(bytes: Uint8Array): EncodingProblem {
  const text = lenientDecoder.decode(bytes);
  const encoder = new TextEncoder();
  for (let index = text.indexOf("\uFFFD"); index >= 0; index = text.indexOf("\uFFFD", index + 1)) {
    const before = text.slice(0, index);
    const offset = encoder.encode(before).length;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    return { line: before.split("\n").length, offset, byte: bytes[offset]! };
  }
  // Unreachable for bytes the strict decoder refused; reported at the end of the file.
  return { line: text.split("\n").length, offset: bytes.length, byte: 0 };
}

const hex = (value: number, digits: number) => value.toString(16).toUpperCase().padStart(digits, "0");

const CHARACTER_NAMES: Record<number, string> = {
  0x00: "NUL",
  0x08: "backspace",
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x1b: "ESC",
  0x7f: "DEL",
  0xfffe: "noncharacter",
  0xffff: "noncharacter",
};

/** "U+000C form feed" */
export function describeCharacter(codePoint: number): string {
  const name = CHARACTER_NAMES[codePoint] ?? "control character";
  return `U+${hex(codePoint, 4)} ${name}`;
}

/**
 * Removes control characters from the strings of parsed data, in place: YAML and JSON escapes
 * ("\u0001", "\f") write them without a control character in the file. Returns where.
 */
export function removeEscapedControlCharacters(data: unknown, at: readonly (string | number)[] = []): { at: (string | number)[]; codePoints: number[] }[] {
  if (!data || typeof data !== "object") return [];
  const found: { at: (string | number)[]; codePoints: number[] }[] = [];
  for (const [key, value] of Object.entries(data)) {
    const path = [...at, Array.isArray(data) ? Number(key) : key];
    if (typeof value === "string") {
      const codePoints = [...value.matchAll(CONTROL_CHARACTER)].map((match) => match[0].codePointAt(0)!);
      if (codePoints.length) {
        (data as Record<string, unknown>)[key] = value.replace(CONTROL_CHARACTER, "");
        found.push({ at: path, codePoints });
      }
    } else found.push(...removeEscapedControlCharacters(value, path));
  }
  return found;
}

/** The message for a file that is not UTF-8. */
export function encodingMessage({ offset, byte }: EncodingProblem): string {
  return `is not UTF-8: byte 0x${hex(byte, 2)} at offset ${offset} does not decode (the file is probably Windows-1252 or Latin-1) — re-save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8)`;
}

/** One warning per line that lost control characters. */
export function removedMessages(removed: readonly RemovedCharacter[]): { line: number; message: string }[] {
  const byLine = new Map<number, number[]>();
  for (const { line, codePoint } of removed) byLine.set(line, [...(byLine.get(line) ?? []), codePoint]);
  return [...byLine].map(([line, codePoints]) => ({ line, message: removedMessage(codePoints) }));
}

/** "removed 2 invisible control characters (U+000C form feed, U+0001 control character), …" */
export function removedMessage(codePoints: readonly number[]): string {
  const kinds = [...new Set(codePoints)].map(describeCharacter).join(", ");
  const count = codePoints.length === 1 ? "an invisible control character" : `${codePoints.length} invisible control characters`;
  return `removed ${count} (${kinds}), as pasted from a word processor — they would break the feeds; retype the line if a space or letter went missing`;
}
