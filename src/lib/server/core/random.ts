/** mulberry32: a small seeded generator, so demo data, splits and models are the same on every machine. */
export function seededRandom(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
		/** Heavy-tailed count: most get a little, a few get a lot. */
		skewed: (max: number) => Math.floor(max * Math.pow(next(), 3)),
		/** Fisher–Yates, in place. */
		shuffle: <T>(xs: T[]) => {
			for (let i = xs.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[xs[i], xs[j]] = [xs[j], xs[i]];
			}
			return xs;
		}
	};
}
