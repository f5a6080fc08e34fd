import net from 'node:net';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.once('listening', () => server.close(() => resolve(true)));
    server.listen(port, '127.0.0.1');
  });
}

/**
 * A stack base port (multiple of 10) in [min, max] whose six ports (base … base+5) are free right now, so test
 * runs of people sharing a machine can each keep to their own range (OW_TEST_BASE_PORTS=25000-25990).
 */
export async function freeBasePort(range = process.env.OW_TEST_BASE_PORTS ?? '25000-25990'): Promise<number> {
  const [min, max] = range.split('-').map(Number);
  const slots = Math.floor((max - min) / 10) + 1;
  for (let attempt = 0; attempt < 30; attempt++) {
    const base = min + Math.floor(Math.random() * slots) * 10;
    const free = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no six free ports in ${range}`);
}
