// Video links as players: the URL forms YouTube and Vimeo give out, turned into their
// embed addresses (YouTube's privacy-enhanced host), for WordPress [embed] and bare links.

export interface VideoEmbed {
  src: string;
  title: string;
}

export function videoEmbed(link: string): VideoEmbed | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^(www\.|m\.)/, "");
  const youtubeId =
    host === "youtu.be" ? url.pathname.slice(1) : host === "youtube.com" ? (url.searchParams.get("v") ?? /^\/(?:embed|shorts|live)\/([^/]+)/.exec(url.pathname)?.[1]) : undefined;
  if (youtubeId && /^[\w-]{6,}$/.test(youtubeId)) return { src: `https://www.youtube-nocookie.com/embed/${youtubeId}`, title: "Video from YouTube" };
  const vimeoId = host === "vimeo.com" || host === "player.vimeo.com" ? /\/(\d+)\/?$/.exec(url.pathname)?.[1] : undefined;
  if (vimeoId) return { src: `https://player.vimeo.com/video/${vimeoId}`, title: "Video from Vimeo" };
  return undefined;
}

export function embedHtml(embed: VideoEmbed): string {
  return `<figure class="embed"><iframe src="${embed.src}" title="${embed.title}" width="560" height="315" allowfullscreen></iframe></figure>`;
}
