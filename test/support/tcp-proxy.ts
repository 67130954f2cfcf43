import net from 'node:net';

/**
 * A TCP proxy in front of a real server (PostgreSQL, Redis), for the fault tests: `stop()` is the server going
 * away as a stopped process does (every open connection reset, new ones refused), `blackhole()` a host that no
 * longer answers (connections reset, new ones accepted and never answered), `start()` the server back on the same
 * port. The server itself keeps running for the other test files that share it.
 */
export interface TcpProxy {
  readonly port: number;
  stop(): Promise<void>;
  blackhole(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let mode: 'forward' | 'blackhole' = 'forward';
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (mode === 'blackhole') return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const resetAll = () => {
    for (const socket of sockets) socket.resetAndDestroy();
  };
  const unlisten = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const stop = async () => {
    const closed = unlisten();
    resetAll();
    await closed;
  };
  return {
    port,
    stop,
    async blackhole() {
      mode = 'blackhole';
      resetAll();
    },
    async start() {
      mode = 'forward';
      if (!server.listening) await listen(port);
    },
    close: stop,
  };
}
