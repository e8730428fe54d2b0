// Node-RED settings for bench/nodered.sh: no editor, warnings only; the port comes from NODERED_PORT.
module.exports = {
  uiPort: Number(process.env.NODERED_PORT || 18070),
  uiHost: "127.0.0.1",
  httpAdminRoot: false,
  credentialSecret: false,
  flowFile: "flows.json",
  logging: { console: { level: "warn", metrics: false, audit: false } },
};
