// Runs graphql-http's GraphQL-over-HTTP server audit against BATTERYKG_URL (a running
// batterykg) and prints one line per audit; exits 1 on any warning or error.
// Run by internal/server/audit_test.go.
import { auditServer } from 'graphql-http';

const base = process.env.BATTERYKG_URL;
if (!base) {
  console.error('set BATTERYKG_URL to the server, e.g. http://127.0.0.1:8080');
  process.exit(2);
}
const results = await auditServer({ url: base + '/graphql' });
const counts = { ok: 0, warn: 0, error: 0 };
for (const r of results) {
  counts[r.status]++;
  let line = `${r.status.toUpperCase().padEnd(5)} ${r.id} ${r.name}`;
  if (r.status !== 'ok') {
    line += `\n      ${r.reason}`;
    if (r.response) {
      line += `\n      status ${r.response.status}, content-type ${r.response.headers.get('content-type')}, body ${(await r.response.text()).slice(0, 300)}`;
    }
  }
  console.log(line);
}
console.log(`${counts.ok} ok, ${counts.warn} warnings, ${counts.error} errors`);
process.exit(counts.warn + counts.error > 0 ? 1 : 0);
