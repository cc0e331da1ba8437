/**
 * Forms that give the reader (or a member of staff) a gender, which the texts we send avoid:
 * "zostałeś", "otrzymałaś", "mógłbyś", "Szanowny Panie", "moderator uznał".
 * A small list for the tests of the message templates, not a grammar.
 */
const patterns: RegExp[] = [
	// 2nd person singular past, 1st and 2nd conditional: zakładałeś, otrzymałaś, mógłbyś, chciałabym
	// (not "-łem"/"-łam": "hasłem", "kołem" are nouns)
	/\p{L}*ł(?:eś|aś|byś|abyś|bym|abym)(?!\p{L})/gu,
	// Addressing the reader as Pan/Pani
	/(?<!\p{L})(?:Szanown[ya]|Pan(?:ie|i|a)?)(?!\p{L})/gu,
	// Staff in the singular with a past verb: "moderator uznał", "podjął moderator", "dyżurny administrator dostał"
	/(?<!\p{L})(?:moderator|administrator|dyżurny)\s+\p{L}+ł(?!\p{L})/giu,
	/(?<!\p{L})\p{L}+ł\s+(?:moderator|administrator|dyżurny)(?!\p{L})/giu
];

/** The gendered forms found in a text, in order; empty when there are none. */
export function genderedForms(text: string): string[] {
	return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[0]));
}
