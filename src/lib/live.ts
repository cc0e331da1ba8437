// Browser helpers: live updates over SSE and view counting for posts seen on screen.

export type LiveEvent =
	| { type: 'post'; groupId: string; postId: string }
	| {
			type: 'counts';
			groupId: string;
			postId: string;
			comments: number;
			reactions: number;
			views: number;
			shares: number;
	  }
	| { type: 'comment'; groupId: string; postId: string; commentId: string };

/** A new private message in one of the person's conversations (`/wiadomosci/live`). */
export interface MessageEvent {
	conversationId: string;
	messageId: string;
}

/**
 * Listens to a live stream (a group's, or the person's messages); EventSource reconnects by
 * itself. `onOpen` hears of each connection: `reconnected` when events may have passed meanwhile.
 */
export function subscribeLive<E = LiveEvent>(
	url: string,
	onEvent: (e: E) => void,
	onOpen?: (reconnected: boolean) => void
): () => void {
	if (typeof EventSource === 'undefined') return () => {};
	const source = new EventSource(url);
	let opened = false;
	source.onopen = () => {
		onOpen?.(opened);
		opened = true;
	};
	source.onmessage = (m) => {
		try {
			onEvent(JSON.parse(m.data));
		} catch {
			/* a malformed message is skipped */
		}
	};
	return () => source.close();
}

/**
 * Reports posts that were at least half on screen for a second, in batches; `group`: the slug of the
 * group whose feed shows them (a post cross-posted there counts for it too).
 */
export function watchViews(group?: string): () => void {
	if (typeof IntersectionObserver === 'undefined') return () => {};
	const seen = new Set<string>();
	const pending = new Set<string>();
	const timers = new Map<string, ReturnType<typeof setTimeout>>();
	const flush = () => {
		if (pending.size === 0) return;
		const postIds = [...pending];
		pending.clear();
		void fetch('/api/v1/views', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(group ? { postIds, group } : { postIds }),
			keepalive: true
		}).catch(() => {});
	};
	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				const id = (entry.target as HTMLElement).dataset.postId!;
				if (entry.isIntersecting && !seen.has(id)) {
					timers.set(
						id,
						setTimeout(() => {
							seen.add(id);
							pending.add(id);
						}, 1000)
					);
				} else {
					clearTimeout(timers.get(id));
				}
			}
		},
		{ threshold: 0.5 }
	);
	const scan = () =>
		document.querySelectorAll<HTMLElement>('article[data-post-id]').forEach((el) => observer.observe(el));
	scan();
	const mutations = new MutationObserver(scan);
	mutations.observe(document.body, { childList: true, subtree: true });
	const interval = setInterval(flush, 3000);
	const onHide = () => document.visibilityState === 'hidden' && flush();
	document.addEventListener('visibilitychange', onHide);
	return () => {
		flush();
		clearInterval(interval);
		observer.disconnect();
		mutations.disconnect();
		document.removeEventListener('visibilitychange', onHide);
	};
}

/**
 * A promoted post on top of the feed (`article[data-promotion]`) counts as seen once the reader
 * has scrolled past it (it left the viewport upwards): it is told to the group page's
 * `promotionSeen` action, and the post is not put on top for them again.
 */
export function watchPromotions(actionBase: string): () => void {
	if (typeof IntersectionObserver === 'undefined') return () => {};
	const told = new Set<string>();
	const observer = new IntersectionObserver((entries) => {
		for (const entry of entries) {
			const id = (entry.target as HTMLElement).dataset.promotion;
			if (!id || told.has(id) || entry.isIntersecting || entry.boundingClientRect.bottom > 0) continue;
			told.add(id);
			const body = new FormData();
			body.set('promotionId', id);
			void fetch(`${actionBase}?/promotionSeen`, {
				method: 'POST',
				headers: { 'x-sveltekit-action': 'true' },
				body,
				keepalive: true
			}).catch(() => told.delete(id));
		}
	});
	const scan = () =>
		document.querySelectorAll<HTMLElement>('article[data-promotion]').forEach((el) => observer.observe(el));
	scan();
	const mutations = new MutationObserver(scan);
	mutations.observe(document.body, { childList: true, subtree: true });
	return () => {
		mutations.disconnect();
		observer.disconnect();
	};
}
