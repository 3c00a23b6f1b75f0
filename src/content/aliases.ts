// Aliases: the site paths an article was published at before (an old site's URLs), each to
// redirect to the article. Written in one form, so that two spellings of one path collide.

/** What is wrong with an alias as an editor wrote it, or undefined when it is a usable site path. */
export function aliasProblem(alias: string): string | undefined {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]+(\/.*)?$/i.exec(alias);
  if (absolute) return `is a full address — write only its path on this site: ${absolute[1] ?? "/"}`;
  if (!alias.startsWith("/") || alias.startsWith("//")) return "must be a path on this site starting with / — e.g. /2016/07/18/old-slug/ or /?p=123";
  if (/[\s#"<>\\^`{|}\p{Cc}]/u.test(alias)) return "has a space, # or a character URLs cannot hold — write the path as the old site's address bar showed it";
  let decoded: string;
  try {
    decoded = decodeURI(alias);
  } catch {
    return "has a % that does not start a valid escape — write %25 for a percent sign";
  }
  const path = decoded.split("?")[0]!;
  if (path.split("/").some((segment) => segment === "." || segment === "..")) return "has a . or .. segment — write the path without them";
  return undefined;
}

/**
 * One spelling per path: percent-escapes decoded (`/caf%C3%A9/` is `/café/`), `index.html`
 * dropped, and a folder path without a file extension or query ending in `/` — the form of
 * the site's own URLs. Call only on an alias without a problem.
 */
export function normaliseAlias(alias: string): string {
  const decoded = decodeURI(alias);
  const queryStart = decoded.indexOf("?");
  const path = queryStart < 0 ? decoded : decoded.slice(0, queryStart);
  const query = queryStart < 0 ? "" : decoded.slice(queryStart);
  let folder = path.replace(/\/index\.html?$/, "/");
  const last = folder.split("/").at(-1)!;
  if (!query && last !== "" && !last.includes(".")) folder += "/";
  return folder + query;
}
