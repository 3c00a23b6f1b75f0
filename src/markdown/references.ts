// Which URLs in a body point into the publication, and how they are named to the loader and the build.

/** A path in the publication (relative to the post, or a site path): not remote, not #fragment, mailto:, data: or the like. */
export function isLocalReference(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== "" && !/^[#?]/.test(trimmed) && !/^[/\\]{2}/.test(trimmed) && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
}

/** A URL as the editor named the file: Markdown percent-encodes spaces and accents, files keep them. */
export function readableReference(url: string): string {
  try {
    return decodeURI(url.trim());
  } catch {
    return url.trim();
  }
}
