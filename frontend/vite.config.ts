/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// The API base URL is not baked in: the console reads /config.json at start (written by
// chalicelib/local/console.py locally and by the CDK deploy in the cloud). `npm run dev` serves one
// itself, pointing at JINKONG_API_URL (default: the API `make run` starts).
function devConfigJson(): Plugin {
  return {
    name: "jinkong-dev-config-json",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use("/config.json", (_req, res) => {
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify({ apiBaseUrl: process.env.JINKONG_API_URL ?? "http://127.0.0.1:8000" }));
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), devConfigJson()],
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Long-lived vendor chunks: app changes do not invalidate antd or echarts in the cache.
        manualChunks(id: string) {
          if (id.includes("node_modules/echarts") || id.includes("node_modules/zrender")) return "echarts";
          if (id.includes("node_modules/")) return "vendor";
          return undefined;
        },
      },
    },
  },
  server: { host: "127.0.0.1", port: 5174 },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
