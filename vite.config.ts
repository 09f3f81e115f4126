import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The staff web application: built into dist/web and served by the server under /app/.
export default defineConfig({
  root: "src/web",
  base: "/app/",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
