// Article bodies as pages and feeds show them: the cleaned HTML of each part, with local
// images as the pipeline's renditions and attachments at the addresses the site publishes.
import type { Article, BodyFile } from "../content/article.ts";
import type { Picture } from "../images/index.ts";
import { renderArticle, renderInlineMarkdown, type RenderOptions } from "../markdown/index.ts";
import type { Build } from "./build.ts";

/** Widths of body images: the article column, at one and two device pixels per CSS pixel. */
export const BODY_IMAGE_WIDTHS = [400, 800, 1200] as const;

/** Raster images go through the image pipeline; animated GIFs, SVGs and attachments are published as they are. */
export const isProcessedImage = (file: BodyFile): boolean => /\.(jpe?g|png|webp|avif|tiff?)$/i.test(file.sitePath);

/** Ids the article page uses around the body: no heading of the body may take one. */
const PAGE_IDS = ["main", "site-search-query", "stories", "related-heading"];

/** The renditions of every raster image the published bodies show, by source file. */
export const bodyPicturesOf = (build: Build): Promise<Map<string, Picture>> => build.memo(processBodyImages);

async function processBodyImages({ publication, images }: Build): Promise<Map<string, Picture>> {
  const files = new Set(publication.articles.flatMap((article) => article.files.filter(isProcessedImage).map((file) => file.file)));
  const pictures = new Map<string, Picture>();
  for (const file of [...files].sort()) pictures.set(file, await images.picture(file, BODY_IMAGE_WIDTHS));
  return pictures;
}

/** The HTML of each part of `article`, for a page ("picture") or a feed ("largest"). */
export async function renderBody(build: Build, article: Article, images: "picture" | "largest"): Promise<string[]> {
  const pictures = await bodyPicturesOf(build);
  const fileOf = (reference: string) => article.files.find((file) => file.reference === reference);
  const options: RenderOptions = {
    embedHosts: build.publication.site.embedHosts,
    images,
    headingLinks: images === "picture",
    reservedIds: PAGE_IDS,
    picture: (src) => {
      const file = fileOf(src);
      return file && isProcessedImage(file) ? pictures.get(file.file) : undefined;
    },
    localUrl: (reference) => {
      const file = fileOf(reference);
      return file ? file.sitePath + (/[?#].*$/.exec(reference)?.[0] ?? "") : reference;
    },
  };
  return renderArticle(article.parts, options).partsHtml;
}

/** A lead image's caption and credit as inline HTML: their Markdown links and emphasis, any HTML shown as text. */
export function captionHtml(image: { caption?: string; credit?: string }): { captionHtml?: string; creditHtml?: string } {
  return {
    captionHtml: image.caption === undefined ? undefined : renderInlineMarkdown(image.caption),
    creditHtml: image.credit === undefined ? undefined : renderInlineMarkdown(image.credit),
  };
}
