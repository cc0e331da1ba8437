// "@" in a post or a comment: names of the group's members to pick from, as the person types.
// A Svelte action on a <textarea>: the list appears under it; arrows move, Enter or Tab inserts
// "@Imię Nazwisko ", Escape closes. The textarea stays a plain text box for screen readers, with
// aria-controls / aria-activedescendant pointing into the list and a status line saying how many.

let lists = 0;

/** What follows the "@" just before the caret: up to three words, or null when not in a mention. */
export function mentionQuery(before: string): { query: string; start: number } | null {
	const m = /(?:^|[^\p{L}\p{N}@])@([\p{L}][\p{L}'’-]*(?: [\p{L}][\p{L}'’-]*){0,2})$/u.exec(before);
	if (!m) return null;
	return { query: m[1], start: before.length - m[1].length - 1 };
}

export function mentionAutocomplete(textarea: HTMLTextAreaElement, slug: string) {
	const id = `podpowiedzi-${++lists}`;
	const list = document.createElement('ul');
	list.id = id;
	list.setAttribute('role', 'listbox');
	list.setAttribute('aria-label', 'Członkowie grupy do wspomnienia');
	list.className = 'mention-list';
	list.hidden = true;
	const status = document.createElement('p');
	status.className = 'visually-hidden';
	status.setAttribute('role', 'status');
	textarea.after(list, status);
	textarea.setAttribute('aria-controls', id);
	textarea.setAttribute('aria-autocomplete', 'list');

	let names: string[] = [];
	let active = -1;
	let mention: { query: string; start: number } | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let asked = 0;

	const close = () => {
		names = [];
		active = -1;
		list.hidden = true;
		list.replaceChildren();
		textarea.removeAttribute('aria-activedescendant');
	};
	const draw = () => {
		list.replaceChildren(
			...names.map((name, i) => {
				const li = document.createElement('li');
				li.id = `${id}-${i}`;
				li.setAttribute('role', 'option');
				li.setAttribute('aria-selected', String(i === active));
				li.textContent = name;
				// Keeps the focus in the textarea; the click inserts the name.
				li.addEventListener('mousedown', (e) => e.preventDefault());
				li.addEventListener('click', () => insert(name));
				return li;
			})
		);
		list.hidden = names.length === 0;
		if (active >= 0) textarea.setAttribute('aria-activedescendant', `${id}-${active}`);
		else textarea.removeAttribute('aria-activedescendant');
	};
	const insert = (name: string) => {
		if (!mention) return;
		const caret = textarea.selectionStart;
		const text = `@${name} `;
		textarea.value = textarea.value.slice(0, mention.start) + text + textarea.value.slice(caret);
		const at = mention.start + text.length;
		textarea.setSelectionRange(at, at);
		// Svelte's bindings and the moderation hint hear of the change as of typing.
		textarea.dispatchEvent(new Event('input', { bubbles: true }));
		close();
		status.textContent = `Wstawiono: ${name}.`;
	};
	const ask = async (query: string) => {
		const mine = ++asked;
		const r = await fetch(`/g/${encodeURIComponent(slug)}/czlonkowie/podpowiedzi?q=${encodeURIComponent(query)}`).catch(
			() => null
		);
		if (mine !== asked) return;
		names = r?.ok ? ((await r.json()) as { names: string[] }).names : [];
		if (mine !== asked) return;
		active = names.length ? 0 : -1;
		draw();
		status.textContent = names.length
			? `Podpowiedzi: ${names.length}. Strzałki wybierają, Enter wstawia.`
			: 'Brak członków grupy o takim imieniu.';
	};
	const onInput = () => {
		mention = mentionQuery(textarea.value.slice(0, textarea.selectionStart));
		clearTimeout(timer);
		if (!mention) {
			asked++;
			close();
			return;
		}
		const query = mention.query;
		timer = setTimeout(() => ask(query), 150);
	};
	const onKey = (e: KeyboardEvent) => {
		if (list.hidden) return;
		if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
			e.preventDefault();
			active = (active + (e.key === 'ArrowDown' ? 1 : names.length - 1)) % names.length;
			draw();
		} else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0) {
			e.preventDefault();
			insert(names[active]);
		} else if (e.key === 'Escape') {
			e.preventDefault();
			asked++;
			close();
		}
	};
	textarea.addEventListener('input', onInput);
	textarea.addEventListener('keydown', onKey);
	textarea.addEventListener('blur', () => setTimeout(close, 150));
	return {
		destroy() {
			clearTimeout(timer);
			textarea.removeEventListener('input', onInput);
			textarea.removeEventListener('keydown', onKey);
			list.remove();
			status.remove();
		}
	};
}
