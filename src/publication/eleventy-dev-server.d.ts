// The part of Eleventy's dev server the preview uses (it ships no types).
declare module "@11ty/eleventy-dev-server" {
  interface DevServer {
    serve(port: number): void;
    reload(): void;
  }
  const EleventyDevServer: { getServer(name: string, dir: string, options: { port: number }): DevServer };
  export default EleventyDevServer;
}
