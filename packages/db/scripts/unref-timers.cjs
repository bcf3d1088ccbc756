// Preloaded into the Prisma CLI: its wasm engine leaves a 10 s timer armed after every command.
const original = global.setTimeout;
global.setTimeout = function (fn, ms, ...args) {
  const t = original.call(this, fn, ms, ...args);
  if (ms >= 5000 && t && typeof t.unref === "function") t.unref();
  return t;
};
