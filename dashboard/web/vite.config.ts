import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type ProxyOptions } from "vite";

// The web role `npm start` runs; `vite` in development forwards everything that is not a page to it.
const webRole = "http://localhost:3000";

/**
 * Forwarded as if the browser had asked the web role itself: the sign-in forms are checked against the
 * server's own origin (login CSRF), which the dev server's http://localhost:5173 is not.
 */
const toWebRole: ProxyOptions = {
  target: webRole,
  configure: (proxy) => {
    proxy.on("proxyReq", (request) => {
      if (request.getHeader("origin") !== undefined) request.setHeader("origin", webRole);
    });
  },
};

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [preact()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The manifest names the files of each route: the size check (tests/bundle-size.ts) reads it.
    manifest: true,
    // The polyfill is an inline script, which the server's Content-Security-Policy refuses (script-src 'self');
    // every browser that runs ES modules with dynamic import has modulepreload or does without.
    modulePreload: { polyfill: false },
    // Nothing inlined as data: URLs: fonts and styles would then break the CSP's font-src/style-src 'self'.
    assetsInlineLimit: 0,
    target: "es2022",
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(
      ["/api", "/auth", "/login", "/avatars", "/health", "/ready"].map((prefix) => [prefix, toWebRole]),
    ),
  },
});
