import { Findings, sourceOf } from './abuse-text';
import type { Finding } from './findings';
import { findHate } from './hate';
import { findInsults } from './insult';
import { foldKeepingOffsets } from './politics';
import { findThreats } from './threat';

// Someone reporting what was said to them ("napisał do mnie „ty gnido” — adminie, czy to zgodne z regulaminem?",
// "nazwałem pana dyrektora nierobem, przepraszam") is not saying it.
const quoted = /[„“"«»]([^„“”"«»\n]{1,200})[”"»«]/g;
const reporting =
	/(?<![a-z])(?:napisal\S*|nazwal\S*|nazywal\S*|wyzwal\S*|wyzywal\S*|zglaszam|zglosil\S*|regulamin\S*|admin\S*|moderator\S*|powiedzial\S*|krzyczal\S*|uslyszal\S*|slyszal\S*|przeprasz\S*|cytuj\S*)(?![a-z])/;
// "nazwał mnie", "kazał mi wracać do Indii", "krzyczał do nas": the author quotes what was said to them.
const toMe =
	/(?<![a-z])(?:nazwal\S*|kazal\S*|krzyczal\S*|wyzwal\S*|wyzywal\S*|powiedzial\S*|napisal\S*|mowil\S*|zwyzywal\S*|wrzeszczal\S*) (?:\S+ ){0,3}?(?:mnie|mi|nas|nam|do mnie|do nas|mojej|mojego|moja|moje)(?![a-z])/;
// Teasing a friend by name with a laugh ("Wiesiek, ty baranie (z miłością) 😂") is not an insult.
const laughing =
	/😂|😁|😅|🤣|😉|😜|😆|:\)|;\)|:D|(?<![a-z])(?:haha\S*|hehe\S*|xd+)(?![a-z])|z miloscia|zartuje|zartem/i;
const friendByName = /(?:^|[\s,])\p{Lu}\p{Ll}{2,}(?:,\s*|\s+)ty\s/u;
const fondly = /(?<![a-z])(?:kocham|lubie|stary|stara|ziom\S*|kumpl\S*|przyjacielu|bracie|siostro)(?![a-z])/;
// "Magda, zabiję cię za ten spoiler 😂": a friend's mock threat of a killing, with a laugh and no weapon, fire or address.
const mockKilling =
	/(?<![a-z])(?:zabij\S*|zabic|ubic|ubije\S*|ubil\S*|udusz\S*|udusic|zamorduj\S*|zamordowac|zakopi\S*|ukatrupi\S*|wyciagne|zatluk\S*|zjem|zabilabym|zabilbym|udusilabym|udusilbym)(?![a-z])/;
const realMeans =
	/(?<![a-z])(?:siekier\S*|noz\S*|kij\S*|lom\S*|widl\S*|strzelb\S*|benzyn\S*|kanister\S*|spal\S*|podpal\S*|wiem gdzie|uwazaj\S*|adres\S*|dzieci|cork\S*|syn\S*|wnuk\S*|pies|psa|auto|samochod\S*|dom|domu)(?![a-z])/;
// A report to the moderators of what someone else wrote: "ktoś wypisuje, że Romowie to złodzieje. Proszę usunąć".
const toModerators = /(?<![a-z])(?:usun\S*|zablok\S*|zglaszam|zglosil\S*|moderator\S*|admin\S*)(?![a-z])/;
const theySaid =
	/(?<![a-z])(?:pisze|wypisuje|napisal\S*|twierdzi|komentuje|krzyczal\S*|wrzuca|wrzucil\S*)(?:,| ) ?ze(?![a-z])/;
const namedAs =
	/(?<![a-z])(?:nazwal|nazwala|nazwalem|nazwalam|nazwali|nazwaly|wyzwal|wyzwala|wyzwalem|wyzwalam|wyzwali|wyzywal|wyzywala|wyzywali)(?![a-z])(?:\s+\S+){0,4}\s*$/;

/**
 * Threats and hate speech (block), insults (hold). The rules read the text folded to lower case
 * without diacritics (offsets unchanged) as words tagged with small lexicons in all their forms,
 * and look for a frame around them: a violent verb aimed at someone, a group with a generalisation,
 * an ordinary word used as a label for a person. A span found by a stronger rule is not reported again.
 */
export function findAbuse(text: string, folded = foldKeepingOffsets(text)): Finding[] {
	const src = sourceOf(text, folded);
	const out = new Findings(text);
	findThreats(src, out);
	findHate(src, out);
	findInsults(src, out);
	let found = out.list;
	if (reporting.test(folded)) {
		const quotes = [...text.matchAll(quoted)].map((m) => [m.index, m.index + m[0].length] as const);
		found = found.filter((f) => !quotes.some(([s, e]) => s <= f.start && f.end <= e));
	}
	// What the sentence says before a finding, up to `reach` characters back.
	const before = (f: Finding, reach: number) =>
		folded
			.slice(Math.max(0, f.start - reach), f.start)
			.split(/[.!?\n]/)
			.pop() ?? '';
	if (toModerators.test(folded)) found = found.filter((f) => !theySaid.test(before(f, 120)));
	found = found.filter((f) => f.category === 'threat' || !toMe.test(before(f, 120)));
	found = found.filter((f) => f.category !== 'insult' || !namedAs.test(before(f, 60)));
	if (found.some((f) => f.category === 'threat') && laughing.test(text) && !realMeans.test(folded))
		found = found.filter((f) => f.category !== 'threat' || !mockKilling.test(folded.slice(f.start, f.end)));
	if (
		found.some((f) => f.category === 'insult') &&
		laughing.test(text) &&
		(friendByName.test(text) || fondly.test(folded))
	)
		found = found.filter((f) => f.category !== 'insult');
	return found.sort((a, b) => a.start - b.start);
}
