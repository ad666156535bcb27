import { CuttableProxy } from './cuttable-proxy.js';
import { writePair, type PairSetup } from './node-pair.js';

/**
 * Washington and Beijing, each reaching the other through a proxy of its own, so a test can cut
 * either direction of the line. The proxies are added to `proxies` for the test to close.
 */
export async function pairBehindProxies(proxies: CuttableProxy[]): Promise<{ setup: PairSetup; toBeijing: CuttableProxy; toWashington: CuttableProxy }> {
  const toBeijing = await CuttableProxy.start();
  const toWashington = await CuttableProxy.start();
  proxies.push(toBeijing, toWashington);
  const setup = await writePair({ peerUrl: (to) => (to.name === 'beijing' ? toBeijing.url : toWashington.url) });
  toBeijing.retarget([setup.cn.port]);
  toWashington.retarget([setup.us.port]);
  return { setup, toBeijing, toWashington };
}
