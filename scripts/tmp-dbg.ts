import { findAbuse } from '../src/lib/server/moderation/abuse';
for (const t of process.argv.slice(2)) console.log(JSON.stringify(findAbuse(t).map((f) => [f.rule, t.slice(f.start, f.end)])), '<=', t);
