// Preloaded into the alto bundler with `node -r`: alto 0.0.20 hard-codes `listen({ host: "0.0.0.0" })`, and every
// development server here must bind to the loopback interface only. Rewrites wildcard hosts before net.Server binds.
"use strict";
const net = require("node:net");

const WILDCARDS = new Set(["0.0.0.0", "::", "", undefined]);
const LOOPBACK = "127.0.0.1";
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (first !== null && typeof first === "object" && !Array.isArray(first) && first.path === undefined) {
    if (WILDCARDS.has(first.host)) args[0] = { ...first, host: LOOPBACK };
  } else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, cb]): insert or replace the host.
    if (typeof args[1] === "string") {
      if (WILDCARDS.has(args[1])) args[1] = LOOPBACK;
    } else {
      args.splice(1, 0, LOOPBACK);
    }
  }
  return listen.apply(this, args);
};
