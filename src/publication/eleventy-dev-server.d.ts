// The part of Eleventy's dev server the preview uses (it ships no types).
declare module "@11ty/eleventy-dev-server" {
  interface DevServer {
    serve(port: number): void;
    reload(): void;
  }
  /** `pathPrefix`: the path the folder is served under ("/news/"); the server redirects / to it. */
  const EleventyDevServer: { getServer(name: string, dir: string, options: { port: number; pathPrefix?: string }): DevServer };
  export default EleventyDevServer;
}
