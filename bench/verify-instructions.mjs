// The verifier against bare Ed25519 verification, counted in CPU instructions rather than seconds:
// `npm run build && node bench/verify-instructions.mjs [--json]` (needs valgrind).
//
// On a shared virtual machine the wall-time ratio of `bench verify` moves with the machine: the
// raw rate measured before and after the same run has differed by up to 20 %. Valgrind's
// callgrind counts the instructions a program executes, which is the same from run to run for
// the same program and input whatever else the machine does. This counts:
//   - `parley verify` on generated bundles of SMALL and LARGE events (all threads): the
//     difference, divided by the events between them, is the verifier's cost per event with the
//     start-up (loading, JIT, workers) taken out;
//   - bare node:crypto verification of the LARGE bundle's own signed messages, once and twice over
//     (the verifier's call, key parsed once): the difference is the cost of one verification;
// and reports their quotient, `instruction_ratio`, the part of the verifier's work that is the
// signature checks. Under valgrind OpenSSL takes code paths without the CPU's SHA extensions,
// so digests weigh more here than on the machine itself; the count is for comparing versions of
// the code with each other, not a measure of time. Nothing is asserted in tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SMALL = 2_000;
const LARGE = 20_000;
const here = fileURLToPath(import.meta.url);
const root = join(here, '..', '..');
const parley = join(root, 'bin', 'parley.js');

// Child mode: verify every signed message of a bundle `passes` times over. The messages are taken
// with the event codec and the keys with the note-key parser, as the verifier takes them; that
// preparation is the same in both counts, so it drops out of their difference.
if (process.argv[2] === '--raw') {
  const { nodeKeyVerifier } = await import('../dist/cli/verify/node-key-verifier.js');
  const { decodeEventOfLog, parseVerifierKey, signatureOf, signedMessageLength, writeSignedMessage } = await import('../dist/core/index.js');
  const { nodeCrypto } = await import('../dist/node/crypto/index.js');
  const [dir, passes] = [process.argv[3], Number(process.argv[4])];
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const items = [];
  for (const log of manifest.logs) {
    const verify = nodeKeyVerifier(parseVerifierKey(nodeCrypto, log.log_key).publicKey);
    for (const line of readFileSync(join(dir, log.events), 'utf8').split('\n')) {
      if (!line) continue;
      const decoded = decodeEventOfLog(nodeCrypto, line, log.origin);
      const message = new Uint8Array(signedMessageLength(decoded));
      writeSignedMessage(decoded, message, 0);
      items.push({ verify, message, signature: signatureOf(decoded) });
    }
  }
  for (let p = 0; p < passes; p++) for (const item of items) if (!item.verify(item.message, item.signature)) throw new Error('a signature of the bundle does not verify');
  process.exit(0);
}

const JSON_OUT = process.argv.includes('--json');
const say = (line) => JSON_OUT || process.stderr.write(line + '\n');

function instructions(args) {
  const run = spawnSync('valgrind', ['--tool=callgrind', '--smc-check=all-non-file', '--callgrind-out-file=/dev/null', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`valgrind did not run (${run.error.message}); install it (Debian: apt-get install valgrind).`);
  const collected = /Collected : (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !collected) throw new Error(`${args.join(' ')} failed under valgrind (exit ${run.status}): ${run.stderr.slice(-400)}`);
  return Number(collected[1]);
}

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('the build is missing; run `npm run build` first.');
const work = mkdtempSync(join(tmpdir(), 'parley-instructions-'));
try {
  const bundles = {};
  for (const n of [SMALL, LARGE]) {
    say(`generating a ${n}-event bundle …`);
    bundles[n] = join(work, String(n));
    const made = spawnSync(process.execPath, [parley, 'bench', 'verify', '--events', String(n), '--out', bundles[n], '--json'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`bench verify --events ${n} failed: ${made.stderr.slice(-400)}`);
  }
  say('counting the verifier …');
  const verifySmall = instructions([parley, 'verify', bundles[SMALL], '--json']);
  const verifyLarge = instructions([parley, 'verify', bundles[LARGE], '--json']);
  say('counting bare verification …');
  const rawOnce = instructions([here, '--raw', bundles[LARGE], '1']);
  const rawTwice = instructions([here, '--raw', bundles[LARGE], '2']);
  const perEvent = (verifyLarge - verifySmall) / (LARGE - SMALL);
  const perVerification = (rawTwice - rawOnce) / LARGE;
  const result = {
    benchmark: 'verify-instructions', events: [SMALL, LARGE],
    verifier_instructions: [verifySmall, verifyLarge], raw_instructions_once_twice: [rawOnce, rawTwice],
    instructions_per_event: Math.round(perEvent), instructions_per_verification: Math.round(perVerification),
    instruction_ratio: Number((perVerification / perEvent).toFixed(4)), node: process.version,
  };
  if (JSON_OUT) process.stdout.write(JSON.stringify(result) + '\n');
  else {
    process.stdout.write(
      `verifier: ${result.instructions_per_event.toLocaleString('en-US')} instructions per event; one bare verification: ` +
        `${result.instructions_per_verification.toLocaleString('en-US')}; instruction ratio ${result.instruction_ratio}\n`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
