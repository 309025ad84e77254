// Prints a few test customer codes per provider from the seed, for scripts/run's banner.
//   node sandbox/bills/codes.mjs [--seed FILE]
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { seed: { type: 'string' } } });
const seed = JSON.parse(fs.readFileSync(values.seed ?? new URL('./seed.json', import.meta.url), 'utf8'));
const vnd = (n) => `${new Intl.NumberFormat('vi-VN').format(n)} ₫`;
for (const [id, p] of Object.entries(seed.providers)) {
  const find = (pick) => p.customers.find(pick)?.code;
  const unpaid = p.customers.find((c) => c.bills.length >= 2 && !c.unavailable && !c.refuse_confirms);
  console.log(`${id.padEnd(9)} ${unpaid.code} (${unpaid.bills.length} kỳ chưa trả, ${vnd(unpaid.bills.reduce((s, b) => s + b.amount, 0))}), `
    + `không nợ ${find((c) => c.bills.length === 0)}, không có ${p.unknown_codes[0]}, `
    + `503 ${find((c) => c.unavailable)}, từ chối 1 lần ${find((c) => c.refuse_confirms)}`);
}
