// The files content points at — lead images, avatars, logos, body images and attachments —
// checked as the build will use them: inside the publication (paths.ts), and for images the
// build encodes, readable by the decoder and within the publication's pixel limit. Each image
// file is inspected once however many records use it; a problem is reported at every use.
import { imageProblem } from "../images/index.ts";
import { PublicationFiles, type PublishedFile } from "./paths.ts";

/** Reports a problem of a field (or of a body line, field undefined) at a path or a line. */
export type Reporter = (field: string | undefined, message: string, at?: readonly PropertyKey[] | number) => void;

const isRemote = (src: string): boolean => /^[a-z]+:\/\//i.test(src);

/** One place an image is used, to report a problem of the file at. */
interface Use {
  src: string;
  field: string | undefined;
  report: Reporter;
  at: readonly PropertyKey[] | number;
  /** The record using it (an article), named by `inspectImages` when the file does not pass. */
  owner?: object;
}

/** A path whose last part has an extension other than a page's (.html, .md) names a file. */
const isFileName = (target: string): boolean => /\.[a-z0-9]{1,8}$/i.test(target) && !/\.(html?|md)$/i.test(target);

export class FileReferences {
  readonly files: PublicationFiles;
  private readonly imageUses = new Map<string, Use[]>();

  constructor(root: string) {
    this.files = new PublicationFiles(root);
  }

  /**
   * An image path of a front-matter or data field (a site path), or of a body (`from`: the
   * post, for a path relative to it; `field` undefined). Reports what is wrong; queues the
   * file for `inspectImages` when `decoded` (the build encodes it). Returns the file.
   */
  image(src: string, use: Omit<Use, "src">, options: { from?: string; decoded: boolean }): PublishedFile | undefined {
    const say = (message: string) => use.report(use.field, use.field ? message : `image ${message}`, use.at);
    if (isRemote(src)) {
      say(`${src} is a remote image — save it under img/ and write its path, e.g. /img/photo.jpg`);
      return undefined;
    }
    const resolved = this.files.resolve(src, "image", options.from);
    if ("problem" in resolved) {
      say(resolved.problem);
      return undefined;
    }
    if (options.decoded) {
      const uses = this.imageUses.get(resolved.file.file) ?? [];
      this.imageUses.set(resolved.file.file, [...uses, { src, ...use }]);
    }
    return resolved.file;
  }

  /**
   * A local link of a body: an attachment when it names a file of the publication (not a
   * post's Markdown), returned to be published; a page of the site otherwise. A link out of
   * the publication folder, or to a file there that may not be published, is reported.
   */
  link(href: string, report: Reporter, line: number, from: string): PublishedFile | undefined {
    const target = href.replace(/[?#].*$/, "");
    if (target === "" || target.endsWith("/")) return undefined;
    const resolved = this.files.resolve(target, "file", from);
    if ("file" in resolved) return resolved.file.sitePath.endsWith(".md") ? undefined : resolved.file;
    // A path with no file behind it is a page of the site (the audit checks those links),
    // unless its name says it is a file (report.pdf): then the attachment is missing.
    if ((resolved.refusal === "missing" && !isFileName(target)) || resolved.refusal === "folder") return undefined;
    report(undefined, `link ${resolved.problem}`, line);
    return undefined;
  }

  /** Decodes every queued image file once; reports each problem at every use of the file. Returns the owners of the uses reported. */
  async inspectImages(options: { maxPixels: number; cache: string }, concurrency = 4): Promise<Set<object>> {
    const rejected = new Set<object>();
    const queue = [...this.imageUses];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [file, uses] = next;
        const problem = await imageProblem(file, options);
        if (!problem) continue;
        for (const use of uses) {
          use.report(use.field, use.field ? `${use.src} ${problem}` : `image ${use.src} ${problem}`, use.at);
          if (use.owner) rejected.add(use.owner);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return rejected;
  }
}
