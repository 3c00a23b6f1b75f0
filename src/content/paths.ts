// Paths that content names — lead images, avatars, the logo, body images and attachments —
// as files of the publication. Nothing outside the publication folder is ever read or
// published: a path is checked as written (no `..` out of the folder) and again after
// following symbolic links, and hidden files and folders (.git, .env, .cache) are never
// published. What the build copies is the file itself, never a link.
import { lstatSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

/** A file of the publication that a published page uses as it is. */
export interface PublishedFile {
  /** Where the site serves it: its path in the publication folder, e.g. /img/logo.svg. */
  sitePath: string;
  /** The file to copy, symbolic links followed. */
  file: string;
}

/** Why a path cannot be published. */
export type Refusal = "outside" | "missing" | "hidden" | "broken link" | "link outside" | "folder";

export type Resolved = { file: PublishedFile } | { problem: string; refusal: Refusal };

/** What a path names: an image (under img/, processed or copied) or any file (an attachment). */
export type FileKind = "image" | "file";

const whereToPut = (kind: FileKind) => (kind === "image" ? "add it under img/" : "add it to the publication folder (e.g. files/)");

const refuse = (refusal: Refusal, problem: string): Resolved => ({ problem, refusal });

const isInside = (folder: string, target: string) => {
  const relative = path.relative(folder, target);
  return relative === "" || (!relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative));
};

/** What the file system says of a path: nothing there, a broken link, or the file or folder it names. */
type Found = { kind: "nothing" } | { kind: "broken link" } | { kind: "file" | "folder"; file: string };

export class PublicationFiles {
  /** The publication folder with links followed, read once. */
  private readonly realRoot: string;
  /** Each path looked up once: many articles use the same images. */
  private readonly found = new Map<string, Found>();

  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.realRoot = realpathSync(this.root);
  }

  /**
   * A path as content writes it: a site path (`/img/a.jpg`, read from the publication
   * folder) or, with `from` (a post's path in the publication), a path relative to that
   * post's folder (`photo.jpg`, `../../img/a.jpg`). Returns the file, or what is wrong.
   */
  resolve(reference: string, kind: FileKind, from?: string): Resolved {
    const isSitePath = reference.startsWith("/") || from === undefined;
    const base = isSitePath ? this.root : path.join(this.root, path.dirname(from));
    const target = path.resolve(base, isSitePath ? reference.replace(/^\/+/, "") : reference);
    if (!isInside(this.root, target) || target === this.root) {
      return refuse("outside", `${reference} points outside the publication folder — ${whereToPut(kind)} and write its path, e.g. ${kind === "image" ? "/img/photo.jpg" : "/files/report.pdf"}`);
    }
    const found = this.lookUp(target);
    if (found.kind === "nothing") return refuse("missing", `file ${reference} not found — ${whereToPut(kind)} or correct the path`);
    const sitePath = `/${path.relative(this.root, target).split(path.sep).join("/")}`;
    if (sitePath.split("/").some((segment) => segment.startsWith("."))) {
      return refuse("hidden", `${reference} is a hidden file or in a hidden folder (its name starts with a dot), which is never published — ${whereToPut(kind)}`);
    }
    if (found.kind === "broken link") return refuse("broken link", `${reference} is a link to a file that does not exist — ${whereToPut(kind)} or correct the path`);
    if (!isInside(this.realRoot, found.file)) {
      return refuse("link outside", `${reference} is a link to a file outside the publication folder — copy the file itself into the folder (${whereToPut(kind)})`);
    }
    if (found.kind === "folder") return refuse("folder", `${reference} is a folder, not a file — write the path of a file in it`);
    return { file: { sitePath, file: found.file } };
  }

  private lookUp(target: string): Found {
    let found = this.found.get(target);
    if (!found) {
      found = findPath(target);
      this.found.set(target, found);
    }
    return found;
  }

  /** A file found while listing a folder (posts/): the file it names when it stays inside the publication. */
  followLink(relativePath: string): { file: string } | { problem: string } {
    let file: string;
    try {
      file = realpathSync(path.join(this.root, relativePath));
    } catch {
      return { problem: "is a link to a file that does not exist — remove the link or copy the file here" };
    }
    if (!isInside(this.realRoot, file)) return { problem: "is a link to a file outside the publication folder, which is never read — copy the file itself here" };
    if (!statSync(file).isFile()) return { problem: "is a link to a folder, and links to folders are not followed — move the folder here instead" };
    return { file };
  }
}

/** Whether a path holds anything (a broken link included), and the file or folder it names, links followed. */
function findPath(target: string): Found {
  try {
    lstatSync(target);
  } catch {
    return { kind: "nothing" };
  }
  let file: string;
  try {
    file = realpathSync(target);
  } catch {
    return { kind: "broken link" };
  }
  return { kind: statSync(file).isFile() ? "file" : "folder", file };
}
