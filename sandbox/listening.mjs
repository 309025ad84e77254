// What every sandbox server does once it listens: print its address (harnesses wait for this
// line) and stop cleanly on SIGTERM or SIGINT, closing open connections.
export function announceAndStopOnSignal(server) {
  const { address, port } = server.address();
  console.log(`listening on http://${address}:${port}`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
