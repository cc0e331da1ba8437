import type { Finding } from './findings';
import { Gates } from './gates';
import { foldKeepingOffsets, lazy, readLeet, sentenceIndex } from './politics';

// Misleading health and safety claims, held for a moderator (never refused: the moderator decides
// whether it is a claim or a question about one). Frames over the folded text, each a lexicon × a lexicon:
// - a health myth: a myth-prone subject (vaccines, 5G, fluoride, a screening test…) with a harmful predicate;
//   a device or an office said to spy (surveillance);
// - a miracle cure: a remedy with "cures cancer/diabetes…", or any cure claim with a conspiracy marker;
//   home treatment that harms: an ailment with a dangerous remedy or skipping the doctor, said as advice;
// - a fake alarm: a claim of harm (an outbreak, poison, a leak, predators, kidnappers, a fake decision with
//   a fine, a named shop's tainted product, a hidden hand behind a fire or a flood) with a marker: urgency,
//   sharing, hearsay (a relative or an insider said so) or a cover-up (someone knows and hides it).
// Questions, rejections of a rumour, memories, eyewitnesses who called the services and notices that name
// their source are let through.

const W = '[a-z*]*';
/** Up to n more words, not crossing the end of a sentence. */
const gap = (n: number) =>
	`(?:[\\s,]+(?:(?:tys|ul|np|godz|zl|mln|mld|nr|ok|tzw|im|sw|al|os)\\.|[^\\s.!?;:]+)){0,${n}}[\\s,]+`;
const re = (source: string, flags = 'g') => new RegExp(`(?<![a-z0-9*])(?:${source})(?![a-z0-9*])`, flags);
const any = (...parts: string[]) => parts.join('|');

// Gates: stems without which a pattern cannot match, plain letters (a space marks a word's edge, the text is
// padded with spaces). All gates are tested in one scan of the text: a scan of one regex per gate costs
// about a microsecond per hundred characters each, and there are dozens of them.
const gateStems: string[] = [];
/** Registers a gate and returns its number in the array that scanGates() fills. */
const gate = (stems: string) => {
	if (!/^[a-z0-9 ,|-]+$/.test(stems)) throw new Error(`gate stems must be plain letters: ${stems}`);
	return gateStems.push(stems) - 1;
};
/** Which gates a text opens: a gate is open when one of its stems occurs in the text. */
function compileGates(): (text: string) => Uint8Array {
	const owners = new Map<string, number[]>();
	gateStems.forEach((stems, i) => {
		for (const stem of stems.split('|')) owners.set(stem, [...(owners.get(stem) ?? []), i]);
	});
	const gates = new Gates(owners.keys());
	return (text) => {
		const on = new Uint8Array(gateStems.length);
		for (const stem of gates.present(text)) for (const i of owners.get(stem)!) on[i] = 1;
		return on;
	};
}
/** Patterns, each run only when its gate is open. */
const frames = (...list: [stems: string, source: string][]) =>
	list.map(([stems, source]) => ({ gate: gate(stems), pattern: re(source) }));

// --- Health myths -------------------------------------------------------------------------------

const mythSubject = any(
	`szczepi${W}|zaszczepi${W}|szczepion${W}|preparat${W} (?:mrna|covidow${W})|mrna|zastrzyk${W} (?:na covid|covidow${W})`,
	`5g|maszt${W}|nadajnik${W}|wiez${W} (?:telefonii|5g|gsm)|anten${W} (?:5g|gsm|telefonii)|wi-?fi|router${W}|licznik${W} (?:smart|inteligentn${W}|zdaln${W})|smart ?licznik${W}|(?:nowe|te) licznik${W}|smartfon${W}|telefon${W} komorkow${W}`,
	`fluor${W}|chemtrail${W}|smug${W} (?:za|po|z) samolot${W}|smug${W} chemiczn${W}|oprysk${W}|pryskan${W}|gmo|zmodyfikowan${W}`,
	`usg|ultradzwiek${W}|ultrasonograf${W}|mammograf${W}|cytologi${W}|rentgen${W}|tomograf${W}|chemi(?:a|i|e|ą)|chemioterapi${W}|radioterapi${W}|statyn${W}|antybiotyk${W}|insulin${W}|paracetamol${W}|aspartam${W}`,
	`(?:wszystk${W}|kazd${W}) (?:lek${W}|tabletk${W})(?: na [a-z]+)?|lek${W} z apteki|tabletk${W} z apteki`,
	`mikrofal${W}|kuchenk${W} mikrofalow${W}|hulajnog${W}|pomp${W} ciepla|infradzwiek${W}|radar${W}|fotowoltai${W}|panel${W} (?:sloneczn|fotowolt)${W}|wiatrak${W}|turbin${W} wiatrow${W}|maseczk${W}|mask(?:i|a|ach|ami)|testy? pcr|wymaz${W}`
);
const condition = any(
	`raka|rak|nowotwor${W}|bialaczk${W}|guz(?:a|y|em|ow|ami|ach|ie)?|autyzm${W}|bezplodn${W}|nieplodn${W}|sterylnos${W}|zawal${W}|udar${W}|zakrzep${W}|bezsennosc${W}|migren${W}`,
	`alergi${W}|astm${W}|cukrzyc${W}|alzheimer${W}|demencj${W}|chorob${W}|smierc${W}|zgon${W}|paraliz${W}|padaczk${W}|mutacj${W}|wirus${W}|covid${W}|osp(?:a|e|y) malpi${W}`,
	`poronien${W}|wad${W} (?:wrodzon|genetyczn)${W}|uszkodzen${W} (?:mozgu|dna|genow)|depresj${W}|stwardnieni${W}|niewydolnos${W}|zapaleni${W}|choroby|zgony|nagle zgony|turbo ?rak${W}|niedotlenieni${W}|adhd|borelioz${W}|padaczk${W}|paraliz${W}|bezplodnosc`
);
const harm = any(
	`(?<!nie )(?:zabij${W}|zabil${W}|zabic|uśmierc${W}|usmierc${W}|truj${W}|otru${W}|zatruw${W}|szkodz${W}|niszcz${W} (?:zdrowie|odpornosc|mozg${W}|dna|geny|organizm${W}|uklad${W})|osłabi${W} odpornosc|oslabi${W} odpornosc)`,
	`(?<!nie )(?:powod${W}|wywol${W}|wywoluj${W}|daj${W}|odpowiad${W} za|prowadz${W} do|przenos${W}|rozprzestrzeni${W}|rozsiew${W}|przyspiesz${W})${gap(3)}(?:${condition})`,
	`(?<!nie )(?:zmieni${W}|zmienia${W}|modyfikuj${W}|uszkadz${W}|niszcz${W}) (?:nasze |ludzkie |wasze )?(?:dna|geny|kod genetyczn${W})`,
	`(?<!nie )(?:zawier${W}|ma${W} w sobie|maja w sobie|sa w nich|jest w nich|wstrzykuj${W}) (?:chip${W}|czip${W}|grafen${W}|tlenek grafenu|nanobot${W}|metal${W} ciezk${W}|rtec${W}|trucizn${W}|srod${W} ktor${W})`,
	`(?<!nie )(?:uszkadz${W}|uszkodz${W}|niszcz${W}|rujnuj${W}|oslabi${W}|oslabia${W}) (?:[a-z]+ )?(?:uklad${W}|mozg${W}|zdrowie|odpornosc|organizm${W}|dna|geny|serc${W}|nerw${W}|sluch${W}|wzrok${W}|plodnosc|watrob${W}|nerk${W})`,
	`(?<!nie )(?:obniz${W}|obnizaj${W}|niszcz${W}) (?:[a-z]+ )?(?:plodnosc|plodnos${W}|iq|inteligencj${W})|magnes${W}|magnetyczn${W}|lyzk${W} sie przykleja${W}|(?:sa|beda) slabsz${W}|chorowit${W}|czesciej choruj${W}|ciagle choruj${W}|non stop choruj${W}`,
	`(?<!nie )(?:steryliz${W}|ubezplodni${W}|oglupi${W}|oglupia${W}|smaz${W}|skraca${W} zycie|skroc${W} zycie|promieniuj${W})`,
	`(?:masowo|nagle) ${W}|umieraj${W}|choruj${W} na|nagle zgony|to (?:trucizn${W}|eksperyment${W}|ludobojstw${W}|depopulacj${W}|bron${W} biologiczn${W}|zabojstw${W}|morderstw${W}|aluminium|bar i aluminium)`,
	`(?:skutek|skutkiem|efekt|efektem|wynik|wynikiem|winne sa|wina) ${gap(2)}?(?:uboczn${W} )?(?:szczepi|szczepion)${W}`,
	`(?:to )?(?:dlatego|przez to|od tego)${gap(4)}(?:${condition}|padaj${W}|choruj${W}|umieraj${W}|zdychaj${W}|kaszl${W})`
);
const mythPattern = re(`(?:${mythSubject})${gap(8)}(?:${harm})`);
// "Autism after vaccines", "cancer from 5G masts": the condition first, the subject after.
const mythReversed = re(
	`(?:${condition})${gap(3)}(?:to |jest |sa )?(?:skutek|skutkiem|efekt|efektem|wynik|wynikiem|przez|od|po) (?:tych |tej |tego )?(?:uboczn${W} )?(?:${mythSubject})`
);
// "Because of the vaccines children have autism": the cause first, then who suffers what.
const mythCaused = re(`(?:przez|od) (?:te |tych |tej |tego |tym )?(?:${mythSubject})${gap(5)}(?:${condition})`);
// A myth-prone subject and a condition in one sentence, without a verb that ties them: a myth
// only when the text also pushes it (advice against, a cover-up, a call to share).
const subjectPattern = re(mythSubject, '');
const conditionPattern = re(condition, '');
const conditionsInText = re(condition);
const protective = re(
	`chroni${W}|zapobieg${W}|przeciw${W}|przed|profilakty${W}|zmniejsz${W} ryzyk${W}|ochron${W}|bezpieczn${W}|skuteczn${W}|zalec${W}`,
	''
);
const pushing = re(
	`odmawiaj${W}|odmowcie|przemyslcie|kazda mama|kazdy rodzic|nie dajcie sie|nie szczep${W}|unikajcie|uwazajcie|ostrzegam`,
	''
);
// Radiation from meters, masts, pumps or scooters blamed for symptoms.
const radiation = re(
	`promieniow${W}|promieniuj${W}|fal${W} elektromagnetyczn${W}|pol${W} elektromagnetyczn${W}|elektrosmog${W}|infradzwiek${W}|emituj${W}`
);
const radiationSource = re(
	`licznik${W}|maszt${W}|5g|nadajnik${W}|wi-?fi|router${W}|smartfon${W}|telefon${W}|hulajnog${W}|bateri${W}|fotowolt${W}|panel${W}|wiatrak${W}|pomp${W}|radar${W}|anten${W}|bazy|baza|baz${W} wojskow${W}|mikrofal${W}`,
	''
);

// Surveillance and control myths about meters, ID apps, cash.
const controlPattern = re(
	`(?:licznik${W}|wodomierz${W}|lamp${W}|latarni${W}|paczkomat${W}|czujnik${W}|dowod${W} (?:cyfrow|elektroniczn|w telefonie|w aplikacji|osobist)${W}|mobywatel${W}|aplikacj${W}|szczepion${W}|5g|maszt${W}|waluta cyfrow${W}|cbdc|chip${W}|czip${W})${gap(6)}(?<!nie )(?:nagrywaj${W}|nagrywa|podsluchuj${W}|podsluchiwac|sledz${W}|sledzic|inwigil${W}|odciac nas|odetn${W} nas|odcina${W} nas|kontrolowac nas|czipowac|chipowac|zaczipuj${W}|zachipuj${W}|sterowac nami)`
);
// A device said to spy ("one mają podsłuch", "kamery rozpoznające twarze"), with the device in that sentence or the one before.
const spyClaim = re(
	`(?:maja|ma|jest w nich|sa w nich|sa|zamontowan${W}|ukryt${W})(?: [a-z]+){0,2} (?:podsluch${W}|mikrofon${W}|czytnik${W} (?:ktor${W}|co)|kamer${W} (?:rozpoznaj${W}|ktor${W} (?:rozpoznaj|nagrywaj|sledz)${W}))|kopiuj${W} dane|rozpoznaj${W} twarz${W}|(?:licz${W}|sprawdzaj${W}|rejestruj${W}|zapisuj${W}|notuj${W}|namierzaj${W}|sledz${W}),? (?:kto|ile|gdzie|kiedy|z kim)|zbieraj${W} (?:nasze |wasze )?dane|(?:gmina|urzad|panstwo|oni) (?:bedzie|beda) wiedzial${W}`
);
const spyDevice = re(
	`kosz${W}|pojemnik${W}|smietnik${W}|kamer${W}|licznik${W}|wodomierz${W}|lamp${W}|latarni${W}|paczkomat${W}|czujnik${W}|5g|maszt${W}|router${W}|smart ?tv|telewizor${W}|aplikacj${W}|mobywatel${W}|dowod${W}|pomp${W} ciepla|fotoradar${W}`,
	''
);
// A disease or the pandemic declared invented, and the fixed names of the myths.
const deniedDisease = re(
	`(?:covid${W}|koronawirus${W}|pandemi${W}|epidemi${W}|wirus${W}|hashimoto|borelioz${W}|hiv|aids|ospa malpia|osp${W} malpi${W}|gryp${W}|autyzm)${gap(2)}(?:to |jest |sa )?(?:wymysl${W}|sciem${W}|klamstw${W}|oszustw${W}|fikcj${W}|bujd${W}|zmyslon${W}|wymyslon${W}|teatr${W}|nie istniej${W}|nie istnial${W})`
);
const fixedMyths = re(
	any(
		`plandemi${W}|chemtrail${W}|nieszczepion${W}${gap(2)}(?:nigdy nie|nie|rzadziej) choruj${W}|(?:sposob${W}|plan${W}) (?:na to,? )?(?:zeby|by|na)(?: [a-z]+){0,3} (?:bylo mniej (?:dzieci|ludzi|polakow)|wyludni${W}|depopulacj${W}|mniej (?:dzieci|ludzi|polakow))|chip${W} w szczepion${W}|szczepion${W} z chip${W}|turbo ?rak${W}|depopulacj${W}|big ?pharm${W}|bigfarm${W}|mafi${W} farmaceutyczn${W}`,
		`(?:woda|wode|wody) (?:w kranach |z kranu |w wodociagu )?(?:jest |zostala )?zatrut${W}`,
		`fluor w wodzie (?:to trucizna|oglupia)`,
		`(?:odra|ospa|krztusiec|swinka|grypa|covid)${gap(1)}(?:to )?(?:lagodn|niegrozn|niewinn)${W} chorob${W}|przechorowani${W}${gap(2)}(?:daje|da) odpornosc${W}`
	)
);

// --- Miracle cures and advice against treatment --------------------------------------------------

const remedy = any(
	`witamin${W} (?:c|d|d3|b17)|lewoskretn${W}|sod${W} oczyszczon${W}|sod${W} (?:z|i) (?:woda|cytryn)${W}|bursztyn${W}|nalewk${W}|iwermektyn${W}|ivermectin${W}|iwermectyn${W}|amigdalin${W}|pestk${W} moreli|amantadyn${W}`,
	`mms|dwutlen${W} chloru|chloryn${W}|wod${W} utlenion${W}|srebr${W} koloidaln${W}|ocet${W}|octem|octu|kurkum${W}|czosn${W}|imbir${W}|miod${W}|olej${W}|olejek${W}|oregano|jodyn${W}|jod|ozon${W}|ozonowani${W}`,
	`sol${W} himalajsk${W}|wegl${W} aktywowan${W}|wegiel aktywowan${W}|glodowk${W}|post${W} (?:wodn|dabrowsk)${W}|sok${W} z ${W}|czystek${W}|kor${W} (?:z )?wierzb${W}|ziol${W}|ziel(?:e|a|em|u)|homeopat${W}|kombuch${W}|chlorell${W}|spirulin${W}|boraks${W}|terpentyn${W}|naft${W}|mocz${W}|urynoterapi${W}|zeolit${W}|glink${W}|detoks${W}|lewatyw${W}|oczyszczani${W}|bioenergoterap${W}|medycyn${W} naturaln${W}|naturaln${W} (?:metod${W}|sposob${W}|leczeni${W})|hydroksychlorochin${W}|cbd|konopi${W}|marihuan${W}`
);
const cure = `(?<!nie )(?:lecz${W}|oczyszcz${W}|wylecz${W}|ulecz${W}|cof${W}|rozpuszcz${W}|likwid${W}|usuwa${W}|zwalcz${W}|pokona${W}|zabij${W}|niszcz${W} komork${W} rakow${W}|pomaga${W} na|dziala${W} na|skuteczn${W} na|najlepsz${W} na|zastapi${W}|zastepuj${W}|znikn${W}|zniknal${W}|ustapil${W}|wchlonal${W} sie|cofnal${W} sie)`;
const serious = any(
	`raka|rak|nowotwor${W}|guz(?:a|y|em|ow|ami|ach|ie)?|tetniak${W}|przerzut${W}|komork${W} rakow${W}|bialaczk${W}|cukrzyc${W}|borelioz${W}|hashimoto|tarczyc${W}|autyzm${W}|stwardnieni${W}|alzheimer${W}|parkinson${W}|miazdzyc${W}|blaszk${W}`,
	`nadcisnieni${W}|covid${W}|koronawirus${W}|hiv|aids|sepsa|seps${W}|padaczk${W}|depresj${W}|schizofreni${W}|astm${W}|luszczyc${W}|(?:kazd${W}|wszystk${W}) chorob${W}|angin${W}|zapaleni${W} pluc|zawal${W}|udar${W}`
);
const remedyPattern = re(remedy, '');
const seriousPattern = re(serious, '');
// The cure named is a doctor's one (an operation, chemotherapy): a patient's story, unless said with certainty.
const medical = re(
	`operacj${W}|chemi${W}|chemioterapi${W}|radioterapi${W}|lekarz${W}|lekarze|onkolog${W}|szpital${W}|chirurg${W}|przeszczep${W}|immunoterapi${W}|antybiotyk${W}|leczeni${W} w`,
	''
);
const curePattern = re(`(?:${cure})${gap(4)}(?:${serious})|(?:${serious})${gap(4)}(?:${cure})`);
// Said with certainty or against doctors: with these, any cure claim is a myth, whatever the remedy.
const cureCertainty = re(
	any(
		`(?:kazd${W}|wszystk${W}) (?:raka|rak|nowotwor${W}|chorob${W})|w (?:\\d+|kilka|pare|dwa|trzy) (?:dni|tygodni${W}|miesi${W})|w (?:tydzien|miesiac|dobe)|na zawsze|calkowicie|bez (?:zadnej |zadnych |zadnego )?(?:chemii|chemioterapii|lekow|lekarza|operacji|insuliny|antybiotyku)`,
		`(?:lepiej|lepsz${W}|skuteczniej${W}) niz (?:chemi${W}|lek${W}|statyn${W}|antybiotyk${W}|insulin${W}|szczepion${W}|tabletk${W})|zamiast (?:chemii|chemioterapii|lekow|antybiotyk${W}|insulin${W}|szczepien${W}|lekarza|operacji|leczenia|tego)|(?:insulin${W}|lek${W}|tabletk${W}|chemi${W}|antybiotyk${W}) (?:juz )?(?:niepotrzebn${W}|zbedn${W})`
	)
);
// Advice against treatment that doctors give, and real medicine declared a myth.
const againstTreatment = re(
	any(
		`(?:nie|nigdy nie) szczep(?:cie|my|ic|iajcie)(?! (?:psa|psow|kota|kotow|zwierz${W})${W})`,
		`goraczk${W}${gap(3)}(?:nie|nigdy nie) (?:zbijac|zbijajcie|zbijaj|obnizac|obnizajcie)|(?:nie|nigdy nie) (?:zbijac|zbijajcie|zbijaj) goraczk${W}`,
		`(?<!nie )(?:odstaw(?:cie|my|ic|iajcie)?|wyrzuc(?:cie|ic)?|nie bierz${W}|nie brac|nie podawaj${W}|nie podawac|nie dawaj${W}|nie dawac|odmawiaj${W}|odmowcie|unikajcie)(?: dzieciom| dziecku| nikomu| sobie| seniorom| rodzicom)? (?:wszystk${W} |zadnych |zadnego )?(?:lek${W}|insulin${W}|metformin${W}|chemi${W}|statyn${W}|antybiotyk${W}|tabletk${W}|sterydy|szczepi${W}|syrop${W})(?!${gap(4)}bez (?:konsultacji|recepty|zalecenia|lekarza))`,
		`(?:syrop${W}|lek${W}|lekarstw${W}|tabletk${W}|antybiotyk${W}|szczepion${W})${gap(2)}bo to (?:sama |tylko )?(?:chemi${W}|trucizn${W})`,
		`lepiej${gap(3)}przechorow${W}${gap(3)}niz${gap(2)}(?:szczepi${W}|szczepion${W})`,
		`(?:antybiotyk${W}|insulin${W}|chemi${W}|chemioterapi${W}|statyn${W}|szczepion${W}|szczepieni${W}|lek${W})${gap(3)}(?:to |sa |jest )(?:mit${W}|trucizn${W}|sciem${W}|wymysl${W}|oszustw${W}|biznes${W}|niepotrzebn${W}|zbedn${W})`,
		`(?:antybiotyk${W}|chemi${W}|chemioterapi${W}|lek${W})${gap(3)}(?:tylko )?(?:pogorsz${W}|pogarsz${W}|zabij${W} (?:pacjent${W}|chor${W}|ludzi))`,
		`(?:operacj${W}|lekarz${W}|lek${W}|chemi${W}|szczepion${W}|szczepieni${W}|antybiotyk${W}|badani${W}) (?:sa|to|jest) (?:dla naiwnych|dla frajerow|dla glupich|dla owiec)`,
		`(?:zadnego|bez) lekarza`
	)
);

// Home treatment that harms: a dangerous remedy for an ailment, or skipping the doctor or the medicine,
// said as advice ("wystarczy posmarować masłem", "nie jedźcie na SOR, i tak nic nie zrobią").
const ailment = any(
	`kleszcz${W}|oparzen${W}|poparzen${W}|udar${W}|zawal(?:u|em|ie|y)?|gorac(?:zk|zc)${W}|bol${W} (?:zeba|zebow|ucha|gardla|brzucha|glowy)|zab${W} boli|bol(?:i|al|ala) (?:mnie |go |ja |je |dziecko )?(?:zab|ucho|gardlo|brzuch|glowa)${W}|zapaleni${W} (?:pecherza|ucha|uszu|pluc|gardla|oskrzeli|zatok|spojowek)`,
	`przeziebieni${W}|gryp(?:a|y|e|ie)|zgag${W}|krwotok${W}|krwawieni${W}|uraz${W}|upad(?:ek|ku|kiem)|wstrzasnieni${W}|ukaszeni${W}|ukaszon${W}|uzadleni${W}|zmij${W}|biegunk${W}|biegunc${W}|wymiot${W}`,
	`cukrzyc${W}|cukr(?:y|ami|ow|em)|nadcisnieni${W}|cisnieni${W}|angin${W}|kaszel|kaszl${W}|katar${W}|wysypk${W}|odmrozen${W}|ran(?:a|y|e|ie|ami)|skaleczeni${W}|zatruci${W}|migren${W}|drgawk${W}|omdleni${W}|opryszczk${W}|kurzajk${W}`
);
const minorAilment = /^(?:przeziebieni|kaszel|kaszl|katar|zgag|kurzajk|opryszczk|skaleczeni|ran|gryp)/;
const ailmentPattern = re(ailment);
const dangerousRemedy = re(
	any(
		`masl${W}|maslem|benzyn${W}|naft${W}|spirytus${W}|wodk${W}|wodeczk${W}|alkohol${W}|bimbr${W}|past${W} do zebow|bialk${W} (?:z )?(?:jajka|jaja|jajek)|bialkiem|mocz${W}|urynoterapi${W}`,
		`aspiryn${W}${gap(3)}(?:dziaslo|dziasl${W}|na zab|przylozon${W})|nakluc${W}|naklu${W}${gap(3)}igl${W}|igl${W}${gap(3)}(?:palc${W}|opusz${W})|upuscic krwi|pijawk${W}|smalc${W}|smalec|wybielacz${W}|denaturat${W}|domestos${W}|lizol${W}`
	),
	''
);
const skipDoctor = re(
	any(
		`nie trzeba${gap(2)}(?:do |na )?(?:lekarza|dentysty|sor${W}|szpitala|pogotowi${W}|weterynarza)|(?:nie|nigdy nie) (?:jedzcie|jedz|idzcie|idz|wozcie|woz|dzwoncie|dzwon|chodzcie|jechac|isc|wzywajcie)${gap(2)}(?:do lekarza|do szpitala|na sor|na pogotowie|po karetke|po pogotowie|do dentysty|do przychodni|do weterynarza|na 112|na 999)`,
		`(?:nie dawac|nie dawajcie|nie podawac|nie podawajcie|nie brac|nie bierzcie|nie biore|zadnych|bez) (?:zadnych |zadnego )?(?:syrop${W}|lek${W}|lekarstw${W}|antybiotyk${W}|tabletek|masci|pesety|pesete|szczepion${W}|badan${W})`,
		`(?:mozna|mozesz|trzeba|nalezy) odstawic|lepsz${W} niz (?:jakies |te |wszystkie )?(?:masci|leki|lekarstwa|tabletk${W}|antybiotyk${W}|pesety|lekarz${W})|nie dajcie sie naciagac|dopiero (?:potem|pozniej) (?:dzwonic|wzywac|jechac)|i tak nic nie zrobi${W}|tylko zaszkodz${W}`
	),
	''
);
const advice = re(
	`wystarcz${W}|najlepsz${W}|nie ma nic lepszego|lepsz${W} niz|skuteczniej${W}|zamiast|(?:sam|sama|samo) (?:wyjdzie|przejdzie|zejdzie|odpadnie|puszcza)|rano zdrow${W}|i po (?:sprawie|chorobie|klopocie)|odkaza${W}|leczyli|uratowal${W}|(?:zeby|by) sie uchronic|trzeba|nalezy|od razu|smarowa${W}|posmarowa${W}|smarujcie|przyloz${W}|przyklada${W}|pic|wypic|wypij${W}|pijcie|dawac|dawajcie|podawac|nakluc|polewa${W}|i tak nic|zaszkodz${W}`,
	''
);
const negatedAdvice = re(
	`(?:nie|nigdy nie|nigdy) (?:smaruj|smarowa|polewa|przyklada|przykladaj|dawa|dawaj|podawa|podawaj|pij|pic|stosuj|stosowa|uzywa|uzywaj|wyciska|wykreca|przypala)${W}|nie wolno|to mit|bledem|blad`,
	''
);

// --- Fake alarms about public safety ------------------------------------------------------------
// Claims are graded by how much they need a marker to count as a fake alarm:
// - severe: alarming on their own, stated as fact (poisoned water, abductions, a dam about to burst);
// - alarming: with any marker (urgency, sharing, hearsay, cover-up): outbreaks, leaks, shortages, invasions;
// - notices: a closure, a fake official decision or a named business's tainted product, with sharing,
//   hearsay or a cover-up (a plain warning "uważajcie" is what true notices say too);
// - covered: everyday sights (wolves, lice, bait, break-ins) only when someone is said to hide them.

const place = `wod(?:a|y|e|zie|ą|ociag${W})|kranowk${W}|kran${W}|ujeci${W}|studni${W}|rzek(?:a|i|e|ach|om)|zalew(?:ie|u)?|staw(?:u|ie|em|y|ach)?|jezior${W}|sieci${W} wodn${W}|piaskownic${W}|piasek|piasku|gleb${W}|plac${W} zabaw|boisk${W}`;
const contaminated = `skazon${W}|skazil${W}|zatrut${W}|zatrul${W}|zatruc${W}|zatruj${W}|siarkowodor${W}|strzykawk${W}|igl(?:a|y|ami)|igiel|trujac${W}|toksyczn${W}|radioaktywn${W}|napromieniow${W}|zakazon${W}|bakteri${W}|e\\.? ?coli|coli|legionell${W}|salmonell${W}|cholera|cholery|arsen${W}|rtec${W}|olow${W}|pestycyd${W}|chemikali${W}|trucizn${W}|niezdatn${W}|nie nadaje sie (?:do picia|nawet)|(?:nikt|nie) (?:jej |tego |go )?(?:nie )?(?:badal${W}|zbadal${W}|sprawdzal${W})|niezbadan${W}|nieprzebadan${W}|niebadan${W}|(?:jest|pochodzi|prosto) z rzeki|smierteln${W}|rakotworcz${W}|azbest${W}|metal${W} ciezk${W}|glikol${W}|chemi(?:a|e|i)|sciek${W}|fekali${W}|zanieczyszczon${W}|listeri${W}|benzen${W}|dioksyn${W}|uran${W}|cyjan${W}|toksyn${W}|do niczego`;
const closable = `szkol${W}|przedszkol${W}|zlobk${W}|sklep${W}|biedronk${W}|lidl${W}|market${W}|granic${W}|kosciol${W}|bank${W}|bankomat${W}|stacj${W}|miast${W}|gmin${W}|powiat${W}|wojewodztw${W}|kraj${W}|przejazd${W}|most${W}|szpital${W}|oddzial${W}|przychodni${W}|poczt${W}|urzad${W}|las(?:y|ow)|plaz${W}|kapielisk${W}|polwys${W}|teren${W}|drog${W}`;

const severeHazard = re(
	any(
		`(?:${place})${gap(4)}(?:zatrut${W}|zatrul${W}|trucizn${W}|radioaktywn${W}|napromieniow${W}|smierteln${W})`,
		`(?:dosypal${W}|dosypuj${W}|wsypal${W}|wlal${W}|wlewaj${W}|wpuscil${W}|zatrul${W}|skazil${W}|otrul${W})${gap(4)}(?:${place}|ludzi|nas)`,
		`(?:porywa${W}|porwal${W}|porwa(?:c|li|ly|no)|uprowadz${W}|wciagn${W}|wciaga${W}|probowal${W} (?:porwac|zabrac|wciagnac)|prob${W} porwani${W})${gap(3)}(?:dzieci${W}|dzieck${W}|chlop${W}|dziewcz${W}|dziewczyn${W}|ucz${W}|nastolat${W}|malucha|kobiet${W}|ludzi)`,
		`handel${W} organami|handl${W} organami|na organy|napromieniowan${W}|w dawce smierteln${W}|smierteln${W} dawk${W}`,
		`(?:dosypal${W}|dosypuj${W}|wsypal${W}|wlal${W}|wlewaj${W}|wpuscil${W})${gap(4)}(?:trucizn${W}|chlor${W}|arsen${W}|srod${W}|chemi${W}|czegos|substancj${W}|tabletk${W}|narkotyk${W}|pigulk${W}|proszk${W})`,
		`(?:cukierk${W}|slodycz${W}|baton${W}|lizak${W}|czekolad${W}|jablk${W}|ulotk${W}|chusteczk${W}|lod(?:y|ow|ach|ami)|napoj${W}|puszk${W}|zabawk${W}|gum${W} do zucia|zelk${W})${gap(8)}(?:zyletk${W}|igl(?:a|ami|y)|igiel|szklem|trutk${W}|trucizn${W}|narkotyk${W}|nasaczon${W}|prochy|prochami|tabletk${W} gwaltu|pigulk${W} gwaltu|dopalacz${W}|srod${W} nasenn${W}|substancj${W} (?:ktor${W} |co )?(?:wypala|parzy|zra|truje)${W})`,
		`(?:wstrzykiwan${W}|wstrzykuj${W}|nastrzykiwan${W})${gap(2)}(?:krwi${W}|krwia|hiv)|krwia z hiv|zakazon${W} hiv|(?:wstrzykuj${W}|wstrzyknal${W}|wstrzykiwal${W}|dosypuj${W}|wlewa${W})${gap(3)}do (?:sokow|napojow|owocow|jedzenia|produktow|butelek|jogurtow|mleka|wody w butelkach|kartonow)`,
		`(?:tama|tamy|zapor${W}|wal${W} (?:przeciwpowodziow${W}|na rzece)|waly|wał)${gap(3)}(?:peknie|pekn${W}|peka${W}|pusci|puszcz${W}|przecieka${W}|sie rozpada${W}|nie wytrzyma${W}|zaraz)`,
		`(?:otworzyl${W}|otwarl${W}|otwart${W}|otworzono|spuscil${W}|spuszczono)${gap(3)}(?:zapor${W}|tam${W}|sluz${W}|zbiornik${W})${gap(5)}(?:zeby|by|aby|celowo|specjalnie)|(?:zeby|by|aby) (?:zalac|zatopic) (?:wsie|wioski|wies|dzialki|miasto|pola|domy|ludzi|nas)`,
		`mobilizacj${W}|kart${W} powolan${W}|pobor${W} do wojska|(?:wprowadz${W}|oglos${W}|oglasza${W}|oglosza|bedzie|szykuj${W}) (?:[a-z]+ )?stan${W} wojenn${W}|stan wojenny (?:od|bedzie|za|juz)|godzin${W} policyjn${W}|wojn${W}${gap(2)}(?:wybuchnie|wybuch${W} za|bedzie za)`
	)
);

// With any marker. Each part behind a gate of literal stems it cannot match without: one large
// alternation costs tens of microseconds on every comment, small gated ones almost nothing.
const hazardFrames = frames(
	[
		'skaz|zatru|siarkowodor|strzykawk|igly|igla|iglami|igiel|trujac|toksy|radioaktyw|napromieniow|zakazon|bakteri|coli|legionell|salmonell|choler|arsen|rtec|olow |olowiu|olowiem|olowian|pestycyd|chemi|trucizn|niezdatn|nie nadaje|badal|niebadan|nieprzebadan|niezbadan|sprawdzal|z rzeki|smierteln|rakotworcz|azbest|ciezk|glikol|sciek|fekali|zanieczyszcz|listeri|benzen|dioksyn|uran|cyjan|do niczego',
		`(?:${place})${gap(10)}(?:${contaminated})`
	],
	[
		'zrzut|oprysk|rozpyl|zrzuc|pryskaj|spryskaj|spryskuj|samolot|helikopter|smiglowc|dron|toksyczn|trujac|skazon|radioaktyw|smierteln|rakotworcz|chemiczn|z uranem|z azbestem|z olowiem|benzen|dioksyn|uran|cyjank',
		`(?:powietrz${W}|opar${W}|dym${W}|gaz${W}|smog${W}|pyl${W})${gap(3)}(?:toksyczn${W}|trujac${W}|skazon${W}|radioaktyw${W}|smierteln${W}|rakotworcz${W}|chemiczn${W}|z uranem|z azbestem|z olowiem)|(?:toksyczn${W}|trujac${W}|rakotworcz${W}|radioaktywn${W}) (?:pyl${W}|dym${W}|gaz${W}|opar${W}|substancj${W}|chmur${W}|mgl${W}|chemikali${W}|srod${W})|(?:zrzut${W}|oprysk${W}|rozpyl${W}|zrzuc${W}|pryskaj${W}|spryskaj${W})${gap(4)}(?:z samolot${W}|z helikopter${W}|ze smiglowc${W}|z dron${W}|z powietrza)|(?:samolot${W}|helikopter${W}|smiglowc${W}|dron${W})${gap(3)}(?:rozpyl${W}|zrzuc${W}|pryskaj${W}|spryskuj${W})|benzen${W}|dioksyn${W}|uran(?:u|em)?|cyjank${W}`
	],
	[
		'wyciek|nieszczeln|zakladach|fabryce|elektrowni|azotach|rafinerii|chemiczn',
		`wyciek${W}${gap(3)}(?:chemikali${W}|amoniak${W}|chloru|gazu|substancj${W}|toksyn${W}|kwas${W}|radioaktyw${W}|z zaklad${W}|z fabryk${W}|z azotow|z elektrowni)|wyciekl${W}${gap(3)}(?:gaz|chemi|amoniak|chlor|kwas|substancj|rop)${W}|nieszczeln${W} zbiornik${W}|(?:wybuch${W}|eksplozj${W}|pozar${W}) (?:w|na) (?:zakladach|fabryce|elektrowni|azotach|rafinerii|chemiczn${W})`
	],
	['ewakua|ewakuuj|ewakuowa|wysiedl', `ewakuacj${W}|ewakuuj${W}|ewakuowa${W}|wysiedl${W}`],
	[
		'promieniow|skazeni|chmur|oblok|jodek|jod|atomow|skazon',
		`promieniowani${W}|skazeni${W} (?:promieniotworcz|radioaktyw|chemiczn)${W}|(?:chmur${W}|oblok${W})${gap(2)}(?:radioaktywn${W}|toksyczn${W}|trujac${W}|chemiczn${W}|chloru|amoniaku|gazu|pylu)|jodek potasu|tabletk${W} (?:z )?jod${W}|elektrowni${W} atomow${W}|skazon${W}${gap(2)}(?:pol|cal${W}|miast${W}|wies|wsi|osiedl${W}|teren${W})`
	],
	[
		'bial|czarn|srebrn|bez tablic|porywa|czestuj|zaczepiaj|czaja domy|czaja mieszk|czaja posesj|czaja furtk|czaja drzwi|furtce|furtkach|drzwiach|plocie|bramie|skrzynce',
		`(?:bial${W}|czarn${W}|srebrn${W}) (?:bus${W}|van${W}|busik${W}|samochod${W}|auto|suv${W})|bus${W} bez tablic|samochod${W} bez tablic|porywacz${W}|porywaj${W}|czestuj${W} dzieci|zaczepiaj${W} dzieci|(?:znacz${W}|zaznacza${W}|oznacza${W}) (?:domy|mieszkania|posesje|furtki|drzwi)|(?:kolk${W}|krzyzyk${W}|kreda|kreda|kredka|naklejk${W}|znak${W})${gap(4)}(?:na furtce|na furtkach|na drzwiach|na plocie|na bramie|na skrzynce)`
	],
	[
		'usypiaj|kredyt|nagrywaj|zagin',
		`gaz${W} usypiaj${W}|usypiajac${W} gaz${W}|(?:biora|wezma|zaciagaj${W}|zaciagn${W}) (?:na was |na ciebie )?kredyt${W}|nagrywaj${W}${gap(2)}glos${W}|(?:kobiet${W}|dziewczyn${W}|dzieci|osob${W}|nastolat${W}) (?:juz )?zagin${W}`
	],
	[
		'lockdown|kwarantann|zakaz|przymusow',
		`lockdown${W}|kwarantann${W}|zakaz${W} (?:wychodzenia|wstepu do lasow|poruszania|wjazdu|wyjazdu)|przymusow${W} szczepien${W}`
	],
	[
		'blackout|black|wylacz|odcie|odetn|odcin|racjonow|zasilani|pradu|ogrzewania|internetu|wody|gazu',
		`blackout${W}|black ?out|(?:wylaczeni${W}|wylacz${W}|odcieci${W}|odetn${W}|odcin${W}|racjonow${W}|stopni${W} zasilania)${gap(2)}(?:prad${W}|energi${W}|gazu|wody|internet${W}|sieci|zasieg${W})|(?:nie bedzie|nie ma|brak${W}) (?:pradu|wody|gazu|ogrzewania|internetu)|bez (?:pradu|wody|ogrzewania) (?:przez|na) ${W}`
	],
	[
		'nie bedzie|nie ma|brak|zabrak|braknie|koniec z|konczy sie|skoncz|wstrzyma|nie dostaniecie|nie kupicie|zakaz|zniknie|znika|kartki',
		`(?:nie bedzie|nie ma|brak(?:|i|nie|uje)|zabraknie|braknie|zabrakne|koniec z|konczy sie|skoncz${W} sie|wstrzyma${W} dostaw${W})${gap(2)}(?:paliw${W}|benzyn${W}|ropy|wody|chleba|maki|cukru|lekow|towar${W}|gotowk${W}|gazu|wegla|jedzenia|zywnosci)|(?:paliw${W}|benzyn${W}|ropy|chleba|maki|cukru|lekow|gotowk${W}|wegla|jedzenia|zywnosci)${gap(1)}(?:nie bedzie|zabraknie|braknie|sie skonczy|skonczy sie|nie dostaniecie|nie kupicie)|zakaz${W} (?:gotowk${W}|placenia gotowka|palenia drewnem|palenia w kominkach|kominkow|hodowli|uboju)|gotowk${W}${gap(2)}(?:zniknie|znika|zakazan${W}|nie bedzie)|(?:wprowadz${W}|beda) kartki|kartki na (?:paliwo|zywnosc|chleb|cukier|benzyne|wegiel)`
	],
	[
		'zabior|zabier|odbier|odbiora|odbior dzieci|odbioru dzieci|odbiorem dzieci|konfiskat|wywlaszcz|zamroz',
		`(?:zabior${W}|zabier${W}|odbier${W})${gap(1)}(?:dom${W}|ziemi${W}|mieszkani${W}|oszczednosci|emerytur${W}|pieniadze|dzieci|krowy|zwierzeta|samochod${W})|konfiskat${W}|wywlaszcz${W}|odbior${W}${gap(1)}(?:dzieci|dom${W}|ziemi${W})|zamrozon${W} kont${W}|zamroz${W} (?:konta|oszczednosci|lokaty)|(?:lokat${W}|kont(?:a|o)|oszczednosc${W}|depozyt${W})${gap(4)}(?:zamrozon${W}|zablokowan${W}|skonfiskowan${W}|przejet${W})`
	],
	// Not "szczepienie przeciw wściekliźnie": a vaccination against a disease is no outbreak.
	[
		'epidemi|zaraz|ognisk|odra|odry|odre|gruzlic|choler|tyfus|brzuszn|meningokok|wscieklizn|ptasi|swinsk|pomor| asf|waglik|ebola|mpox|malpia|malari|dzum|czerwonk|legionell|new delhi|superbakteri|opon mozg|opon rdzen|wirus|chorob|gryp|bakteri|odmian|usypiaj|zakazeni|zarazen|zakazen',
		`(?<!(?:przeciw|przeciwko|szczepi[a-z]* na|szczepionk[a-z]* na) )(?:epidemi${W}|zaraz(?:a|y|e|ie)|ognisk${W} (?:choroby|wirusa|zakazen|odry|gruzlicy|grypy|wscieklizny|asf|ptasiej grypy)|odr(?:a|y|e|ą)|gruzlic${W}|cholera|tyfus${W}|dur${W} brzuszn${W}|meningokok${W}|wscieklizn${W}|ptasi${W} gryp${W}|swinsk${W} gryp${W}|afrykansk${W} pomor${W}|asf|waglik${W}|ebola|mpox|ospa malpia|malari${W}|dzum${W}|czerwonk${W}|legionell${W}|new delhi|superbakteri${W}|zapaleni${W} opon${W}|(?:nieznan|now|tajemnicz|dziwn|chinsk)${W} (?:wirus|chorob|gryp|bakteri|zaraz|odmian)${W}|gaz${W} usypiaj${W}|zakazeni${W} (?:bakteri|wirus)${W}|zarazen${W}|zakazen${W} w)`
	],
	[
		'powodz|fala|fale|fali|zapadn|zawal|runie',
		`powodz(?!eni)${W}|(?:fala|fale|fali)${gap(3)}(?:dojdzie|dojsc|dotrze|uderzy|zaleje|przyjdzie)|(?:zapadnie|zawali|zapadn${W}|zawal${W}) sie|sie (?:zapadn|zawal)${W}|runie`
	],
	[
		'podrob|skazon|zatrut|trujac|wadliw|przeterminowan|zakazon',
		`(?:podrobion${W}|skazon${W}|zatrut${W}|trujac${W}|wadliw${W}|przeterminowan${W}|zakazon${W})${gap(4)}(?:parti${W}|mlek${W}|lek${W}|syrop${W}|zywnos${W}|produkt${W}|szczepion${W}|zboz${W}|mak${W})`
	],
	[
		'wymiotuj|zatrul|oiom| sor|intensywn|szpital|nefrologi|toksykologi|pediatri|neurologi|pulmonologi|dermatologi|kardiologi|oddzial|sniaczc|respirator|przytomnosc|krwotok|biegunk|wysypk|dusznosc|objawami',
		`(?:trafil${W}|trafia|wyladowal${W}|laduj${W}|lezy|leza|lezal${W}|sa juz|jest juz)${gap(4)}(?:na oiom${W}|na sor|na intensywn${W}|do szpitala|w szpitalu|w sniaczce|na zakazn${W}|na oddzial${W} zakazn${W}|pod respirator${W}|w szpitalu zakaznym|na (?:nefrologi|toksykologi|pediatri|neurologi|pulmonologi|dermatologi|kardiologi|oddzial)${W})|w sniaczce|stracil${W} przytomnosc|tracisz przytomnosc|krwotok${W} z nosa|(?:osob|ludzi|dzieci|uczniow|mieszkancow)${gap(1)}z (?:biegunk|wysypk|dusznosc|objawami zatrucia)${W}|(?:\\d+|kilk${W}|kilkanasci${W}|dwie|dwoje|dwaj|dwoch|troje|trzy|trzech|czworo|piec${W}|wiele|sporo) (?:[a-z]+ ){0,2}(?:juz )?(?:na oiom${W}|na sor${W}|na intensywn${W}|w szpitalu|pod respirator${W}|wymiotuj${W}|zatrul${W} sie|ma biegunk${W}|maja biegunk${W})`
	],
	[
		'dodaj|dosyp|dodal|dolewa',
		`(?:dodaj${W}|dosypuj${W}|dodal${W}|dosypal${W}|dolewaj${W})${gap(6)}(?:hormon${W}|trucizn${W}|chemi${W}|srod${W} (?:na|ktor)${W}|tworzyw${W}|plastik${W}|pcv)`
	],
	[
		'skazeni|zbiornik|cystern|instalacj|z gazem|rozpyl',
		`skazeni${W}|(?:zbiornik${W}|cystern${W}|instalacj${W}|rur${W} z gazem)${gap(4)}(?:przecieka${W}|cieknie|wycieka${W}|rozszczelni${W}|peknie|pekl${W}|wybuchnie)|rozpyla${W}|rozpylil${W}|rozpylal${W}`
	],
	[
		'odcisk|biometryczn|probk| dna|zgony|ofiary|zarazeni|zakazeni',
		`(?:odcisk${W} palc${W}|dane biometryczn${W}|probk${W} dna|dna)${gap(4)}(?:od dzieci|dzieci|do bazy|do rejestru)|(?:sa|juz sa) (?:zgony|ofiary|zarazeni|zakazeni)`
	],
	[
		'zmarl|umarl|nie zyj|nie przezyl|umieraj',
		`(?:\\d+|kilk${W}|kilkanasci${W}|dwie|dwoje|dwaj|dwoch|troje|trzy|trzech|czworo|pieciu|piec${W}|wiele|sporo) (?:[a-z]+ ){0,2}(?:zmarl${W}|umarl${W}|zmarlo|umarlo|nie zyj${W}|nie przezyl${W})|(?:zmarl${W}|umarl${W}|zmarlo|umarlo)${gap(2)}(?:\\d+|kilk${W}|kilkanasci${W}|dwie|dwoje|dwaj|dwoch|troje|trzy|trzech|czworo|pieciu|piec${W}|wiele|sporo)|(?:ludzie|dzieci|osoby) (?:juz )?(?:zmarl${W}|umarl${W}|umieraj${W})`
	],
	[
		'wiecej zgon|wiecej zmarl|wiecej chorych|wiecej zachorow|wiecej pogrzeb|wiecej nowotwor|wiecej raka|wiecej bialaczki|wiecej alergii|wiecej astmy|wiecej poronien|wiecej przypadkow|tyle zgon|tyle zachorow|tyle chorych|tyle raka|tyle nowotwor|tyle pogrzeb|tyle kaszlu|tyle bialaczki|tyle poronien|choruj|kaszl|umieraj|maja raka|maja astm|maja alerg',
		`(?:razy|x) wiecej (?:zgonow|zmarlych|chorych|zachorowan|pogrzebow|nowotworow|raka|bialaczki|alergii|astmy|poronien|przypadkow)|wiecej (?:zgonow|zachorowan|pogrzebow)|tyle (?:zgonow|zachorowan|chorych|raka|nowotworow|pogrzebow|kaszlu|bialaczki|poronien)|dlatego${gap(4)}(?:dzieci|ludzie|wszyscy|mieszkancy)${gap(2)}(?:choruj${W}|kaszl${W}|umieraj${W}|maja (?:raka|astme|alergi${W}))`
	],
	[
		'zabij|wybij|utylizuj|wybic|utylizowan',
		`(?:wybij${W}|zabij${W}|zabijan${W}|utylizuj${W}|wybic)${gap(3)}(?:krow${W}|bydl${W}|stad${W}|swin${W}|drob${W}|zwierz${W}|kur|kury)|(?:krow${W}|bydl${W}|stad${W}|swin${W}|drob${W}|zwierz${W}|kur|kury)${gap(6)}(?:zabijan${W}|wybijan${W}|utylizowan${W}) bez odszkodowan${W}`
	],
	[
		'pryskan|skazon|zatrut|trujac|truje|rakotworcz|salmonell|zakazon|plesni|hormon|antybiotyk|wirus|trucizn|bakteri|listeri|tasiem|pestycyd|toksyn',
		`(?:pryskan${W}|skazon${W}|zatrut${W}|trujac${W}|rakotworcz${W}|z salmonell${W}|zakazon${W}|z plesni${W})${gap(2)}(?:truskawk${W}|pomidor${W}|jablk${W}|mieso|miesa|kurczak${W}|mlek${W}|chleb${W}|zywnos${W}|warzyw${W}|owoc${W}|zboz${W})|(?:truskawk${W}|pomidor${W}|jablk${W}|jajk${W}|jaj|mieso|miesie|kurczak${W}|mlek${W}|mleku|zywnos${W}|warzyw${W}|owoc${W}|zboz${W}|chleb${W})${gap(8)}(?:pryskan${W}|skazon${W}|zatrut${W}|trujac${W}|truje|rakotworcz${W}|salmonell${W}|hormon${W}|antybiotyk${W}|wirus${W}|trucizn${W}|bakteri${W}|listeri${W}|tasiemc${W}|tasiemiec|pestycyd${W}|toksyn${W})`
	],
	[
		'wojsk|armi|ruscy|rusk|rosjan|rosyjsk|ludziki|czolg|dywersant|wojn| bron|uzbrojon|granic|w glab',
		`(?:wojsk${W}|armi${W})${gap(3)}(?:wchodz${W}|zajm${W}|przygotow${W}|wylacz${W}|blokuj${W}|zamyka${W}|zamkn${W}|zabral${W}|zabiera${W}|przejmuj${W}|ustawil${W}|rozstawil${W})|ruscy|rusk${W} (?:wojsk|zolnierz|czolg|dywersant)${W}|rosjanie|rosyjsk${W} (?:wojsk|zolnierz|czolg|dywersant|sabotazyst)${W}|zielone ludziki|czolg${W} bez oznaczen|dywersant${W}|szykuje sie wojna|bedzie wojna|uzbrojon${W} (?:ludzi|mezczyzn|grup${W}|osob|bojowk${W})|przeszl${W}${gap(2)}przez granic${W}|w glab kraju|bron${W} (?:mikrofalow|biologiczn|chemiczn|psychotronicz|soniczn)${W}|test${W} (?:nowej )?broni`
	],
	[
		'zabija|kosi|rozprzestrzenia|szaleje',
		`(?:wirus${W}|zaraz${W}|chorob${W})${gap(2)}(?:zabija|zabijaja|kosi|rozprzestrzenia sie|szaleje)`
	],
	// Cash and cards: a ban on cash, cash machines switched off, accounts emptied.
	[
		'gotowk|bankomat|czyszcz|oprozni|znikaj',
		`(?:plac${W}|placic|platnosc${W}|zaplacic) gotowk${W}${gap(3)}(?:nie bedzie|zakaz${W}|zabronion${W}|nie wolno|nie mozna)|(?:nie bedzie|nie bedzie mozna|zakaz${W}|nie wolno)${gap(2)}(?:plac${W}|placic|platnosc${W}) gotowk${W}|bankomat${W}${gap(4)}(?:wylaczon${W}|wylacz${W}|zlikwidow${W}|zamkn${W}|znikn${W}|usun${W})|(?:kont${W}|oszczednosc${W}|pieniadz${W})${gap(3)}(?:czyszczon${W}|wyczyszczon${W}|znikaj${W}|oproznion${W})|(?:czyszcz${W}|wyczyszcz${W}|oprozni${W}) (?:ci |wam )?kont${W}`
	],
	// Dumped waste: buried drums, sewage let out at night.
	[
		'beczk|odpad|chemikali|sciek|toksyn|szlam|gnojow|truciz|smierdzi chemi|szambo|kanalizacj|ekologiczn|smieci|opon|plastik|lakier',
		`(?:zakopal${W}|zakopan${W}|zakopuj${W}|wyrzucil${W}|wyrzucaj${W}|wylal${W}|wylewa${W}|wylewaj${W}|wywoz${W}|spuszcz${W}|spuszcza${W}|zrzuca${W}|zrzucil${W})${gap(3)}(?:beczk${W}|odpad${W}|chemikali${W}|sciek${W}|toksyn${W}|szlam${W}|gnojowic${W}|gnojowk${W}|truciz${W})|smierdzi chemi${W}|(?:sciek${W}|szambo|kanalizacj${W}|wszystko)${gap(2)}(?:leci|leca|plynie|plyna|splywa${W}|idzie|ida|trafia${W}) (?:prosto |wprost )?do (?:rzeki|wisly|odry|bugu|jeziora|stawu|rowu|lasu|wody)|bomb${W} ekologiczn${W}|(?:spala${W}|pala${W}|spalil${W}|pali) (?:tam |w nocy |nocami |po cichu )?(?:odpad${W}|smieci|opon${W}|plastik${W}|chemikali${W}|lakier${W})`
	],
	// Something given to children that harms them.
	[
		'tabletk|witamin|pigulk|cukierk|syrop|proszk|napoj| lek|spiac|senn|otumanion|nieprzytomn|zasnal|zasnela|spal |dobudzic',
		`(?:rozdaj${W}|podaj${W}|daj${W}|czestuj${W})${gap(1)}dzieci${W}${gap(3)}(?:tabletk${W}|witamin${W}|pigulk${W}|lek${W}|cukierk${W}|syrop${W}|proszk${W}|napoj${W})|po (?:ktor${W}|nich|tym) (?:sa|byly|chodza|zasypiaj${W}) (?:spiac${W}|senn${W}|otumanion${W}|nieprzytomn${W})|(?:zasnal${W}|zasnela|spal${W}) (?:na|przez) (?:\\d+|kilka|kilkanascie|pol) (?:godzin|dni|doby)|nie (?:mogl${W}|moglismy|dalo sie) (?:go |jej |ich )?dobudzic`
	],
	// A strange cloud, fog or foam, and people coughing blood; children born ill.
	[
		'zolt|zielon|pomaranczow|brunatn| rud|dziwn|chemiczn|gryzac|smierdzac|kaszl|pluj|krwotok|zemdl|mdlej|wadami|wrodzon|genetyczn|poronien',
		`(?:zolt${W}|zielon${W}|pomaranczow${W}|brunatn${W}|rud${W}|dziwn${W}|chemiczn${W}|gryzac${W}|smierdzac${W})${gap(1)}(?:mgl${W}|chmur${W}|oblok${W}|dym${W}|pyl${W}|osad${W}|pian${W}|opar${W}|smrod${W}|odor${W})|kaszl${W} krwi${W}|pluj${W} krwi${W}|krwotok${W}|zemdlal${W}|mdlej${W}|(?:dzieci|dziecko|noworod${W}|niemowl${W})${gap(3)}z wadami|wad${W} (?:wrodzon|genetyczn)${W}|poronien${W}`
	],
	// Crime that grips: a car stolen with a child inside, vehicles without markings, the old taken away.
	[
		'uciekl|wyrwal|uszl|kradn|ukradl|ukradli|porywaj|oznaczen|oznakowan|senior|emeryt|babci|dziadk|starsz|slad po|slad ginie',
		`(?:ledwo|w ostatniej chwili) (?:uciekl${W}|sie wyrwal${W}|uszl${W})|(?:kradn${W}|ukradl${W}|ukradli|porywaj${W}) (?:auto|samochod${W}|wozek${W}|wozki)${gap(1)}z (?:dzieckiem|dziecmi|niemowlakiem)|bez oznaczen|nieoznakowan${W} (?:karetk|radiowoz|bus|busy|samochod|auto|van)${W}|(?:zabiera${W}|wywoz${W}|porywa${W})${gap(3)}(?:starsz${W} (?:osob|ludzi|pan)${W}|senior${W}|emeryt${W}|babci${W}|dziadk${W})|slad (?:po nich |po niej |po nim )?(?:ginie|zaginal)`
	],
	// The sorted rubbish all burnt in one furnace.
	[
		'do jednego|do tego samego',
		`(?:smieci|odpady|segregacj${W}|plastik${W}|szklo|posegregowan${W})${gap(4)}(?:idzie|ida|trafia${W}|laduj${W}|wrzucaj${W}|zsypuj${W}|wysypuj${W}) (?:wszystk${W} |razem )?do (?:jednego|tego samego) (?:pieca|worka|kontenera|wora|dolu|smieciarki|samochodu)`
	]
);

// Everyday sights: a fake alarm only when someone is said to hide them.
const coveredHazard = re(
	any(
		`wilk${W}|wilcz${W}|watah${W}|niedzwiedz${W}|wsciekl${W} (?:lis${W}|pies|psy|psa|zwierz${W})|szerszen${W} azjatyck${W}|komar${W}${gap(3)}(?:malari${W}|z afryki|tygrysi${W})|zagryzl${W}|zagryza${W}|piranii|pirani${W}|pyton${W}|krokodyl${W}|aligator${W}|skorpion${W}|jadowit${W}|zmij${W}|ugryzion${W}|pogryzion${W}|pogryzl${W}|ugryzl${W}|kleszcz${W} (?:zakazon|z borelioz)${W}`,
		`(?:${place})${gap(3)}(?:smierdz${W}|cuchn${W}|smrod${W})|swierzb${W}|wsz(?:y|ami|awic${W})|owsik${W}|glist${W}|pasozyt${W}|tasiemc${W}|tasiemiec|sinic${W}|ospa|ospy|ospe|gryp(?:a|y|e)|szkarlatyn${W}|rotawirus${W}|norowirus${W}|salmonell${W}|bakteri${W}|grzybic${W}|zakazeni${W}|zakazon${W}|zarazon${W}|choroba|chorob${W} zakazn${W}`,
		`trutk${W}|zatrut${W} (?:przynet${W}|karm${W}|jedzeni${W}|mies${W})|przynet${W}|napad${W}|napadl${W}|okrad${W}|okradzion${W}|kradn${W}|kradziez${W}|band${W}|banda|gang${W}|szajk${W}|wlaman${W}|wlamuj${W}|narkotyk${W}|dopalacz${W}|podpalacz${W}|podpalil${W}|podpalaj${W}|splonel${W}|spalon${W} (?:auta|samochody|samochod|dom${W}|stodol${W})|(?:falszyw${W}|przebran${W}) (?:kominiar${W}|hydraulik${W}|ankieter${W}|urzednik${W}|policjan${W}|gazownik${W}|pracownik${W}|listonosz${W})|podaj${W} sie za (?:ankieter|kominiar|hydraulik|pracownik|urzednik|policjan|gazownik)${W}`
	)
);

// A closure: from a rumour, or hidden.
const closure = re(
	`(?:zamyka(?:ja|my|cie|c|n${W})?|zamkn(?:a|ie|iemy|iecie|iet${W}|ieto|ieci${W}|ac)|likwiduj${W}|likwidacj${W}|wycofuj${W} sie z)${gap(3)}(?:${closable})|(?:${closable})${gap(3)}(?:zamkniet${W}|zamkna|zamknie|do zamkniecia|do likwidacji|zostanie zamkniet${W}|zlikwidowan${W})`
);
// A fake official decision: a new duty or ban with a fine, a seizure or a lost benefit.
// Losing a payment is its own sanction.
const lostBenefit =
	/^(?:przestaj|tylko na konto|nie bedzie (?:dodatku|zasilku|emerytur|rent|wyplat|swiadczen|800|500)|obetn|obcin|obciet|zabier|zabior|odbier|odbior|zlikwiduj|wstrzyma|zatrzyma)/;
const sanction = re(
	`kar(?:a|y|e|ami|om)?|grzywn${W}|mandat${W}|\\d[\\d ]* ?(?:zl|zlotych|tys)|zabier${W}|zabior${W}|zabiora|komornik${W}|zajmie|zajma|rozbiork${W}|zaplombow${W}|plombowa${W}|strac${W}|zostan${W} bez|zostaniecie bez|zamrozon${W}|oddac|zwrocic|wezwani${W}|kontrol${W} bez zapowiedzi`,
	''
);
const dutyPattern = re(
	any(
		`trzeba bedzie|bedzie trzeba|trzeba (?:zaplacic|placic|rejestrowac|zarejestrowac|zlikwidowac|wymienic|oddac|zglosic|miec)|musi(?:my|cie|sz|a)?|bedzie musial${W}|beda musiel${W}|obowiaz${W}|nie wolno|nie bedzie (?:mozna|wolno)|zakaz${W}|zabrania sie|zabronion${W}|wprowadza${W}|wprowadzi${W}|wprowadzon${W}`,
		`przestaj${W} (?:wyplacac|placic|dowozic|przyjmowac)|tylko na konto|beda (?:plombowac|liczyc|legitymowac|kontrolowac|spisywac|zabierac|odcinac|wysylac|karac|sprawdzac)|zostan${W} zaplombowan${W}|nie bedzie (?:dodatku|zasilku|emerytur${W}|rent${W}|wyplat${W}|swiadczen${W}|800|500)|(?:oplat${W}|podat${W}|podatk${W}) (?:za|od)|oplate|podatek|(?:dostan${W}|dostaj${W}|beda mieli|beda mogli|bedzie mogl${W}) (?:prawo|uprawnieni${W})|(?:od|z dniem) (?:\\d+|jutra|poniedzialku|wtorku|srody|czwartku|piatku|soboty|niedzieli|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrzesnia|pazdziernika|listopada|grudnia|(?:nowego|przyszlego|kolejnego|tego) (?:roku|miesiaca|tygodnia|sezonu))`,
		`(?:obetn${W}|obcin${W}|obciet${W}|zabier${W}|zabior${W}|zabiora|odbier${W}|odbior${W}|zlikwiduj${W}|wstrzyma${W}|zatrzyma${W}) (?:wszystkim |kazdemu |ludziom |seniorom |emerytom |rodzinom |kierowcom )?(?:trzynast${W}|czternast${W}|emerytur${W}|rent${W}|800|500|zasil${W}|dodat${W}|swiadczen${W}|prawo jazdy|prawa jazdy|dowod${W} rejestracyjn${W})`
	)
);
// A named business with a tainted product.
const business = re(
	`budk${W}|lodziarni${W}|food ?truck${W}|tesco|spar|eurospar|rossmann${W}|hebe|pepco|mil(?:a|i|e)|topaz${W}|groszk${W}|lidl${W}|biedron${W}|zab(?:k|c)${W}|dino|kaufland${W}|auchan${W}|carrefour${W}|netto|stokrot${W}|aldi|polomarket${W}|intermarche|lewiatan${W}|delikates${W}|orlen${W}|lotos${W}|circle k|moya|amic|aptek${W}|aptece|piekarni${W}|cukierni${W}|sklep${W}|market${W}|kebab${W}|pizzeri${W}|restauracj${W}|bar(?:ze|u)|stolow(?:k|c)${W}|mleczarni${W}|masarni${W}|ubojni${W}|rzezni${W}|stacj${W}|hurtowni${W}|mlyn${W}|ferm${W}|bawialni${W}|sal${W} zabaw|basen${W}|aquapark${W}|targ${W}|targowisk${W}`
);
// Poison sold against pests ("trutka na szczury"), glass of a smashed shop window: not a tainted product.
const soldAgainstPests = /(?<![a-z])na (?:szczur|mysz|gryzon|kret|karaluch|mrowk|pluskw|slimak)\S*/;
const brokenIn = /(?<![a-z])(?:wybil\S*|wybit\S*|wlamani\S*|wlamal\S*)(?![a-z])/;
const tainted = re(
	`larw${W}|czerw(?:ie|iami)|strzykawk${W}|przeterminowan${W}|przekleja${W}|melamin${W}|formalin${W}|aflatoksyn${W}|kadm${W}|rtec${W}|olow(?:iem|iu)|benzen${W}|dioksyn${W}|chlor(?:u|em)|za duzo chloru|prochy|prochami|przeklejon${W}|paliw${W} z woda|z woda w paliwie|chrzczon${W}|bakteri${W}|salmonell${W}|listeri${W}|coli|hiv|krwia|plastik${W}|tworzyw${W}|pcv|trutk${W}|trucizn${W}|robak${W}|tasiemc${W}|tasiemiec|plesn${W}|toksyn${W}|zepsut${W}|skazon${W}|zakazon${W}|zanieczyszcz${W}|ptasi${W} gryp${W}|asf|padlin${W}|psi${W} mies${W}|psin${W}|czyms zakazanym|zakazan${W} (?:srod|chemi|oprysk)${W}|zyletk${W}|szklo|szklem|pryskan${W}`,
	''
);
// A hidden hand behind a local event: an authority or a firm did it on purpose.
const conspiracyClaim = re(
	any(
		`(?:gmin${W}|burmistrz${W}|wojt${W}|miasto|ratusz${W}|urzad|urzednic${W}|panstwo|rzad|wladz${W}|wojsk${W}|nato|amerykan${W}|rosjan${W}|ruscy|niemc${W}|chinczyc${W}|las${W} panstwow${W}|nadlesnictw${W}|spoldzielni${W}|kopalni${W}|elektrowni${W}|energetyk${W}|firm${W}|koncern${W}|deweloper${W}|prokuratur${W}|policj${W}|sanepid${W})${gap(4)}(?:sam${W} )?(?:podpalil${W}|spalil${W}|spalili|zlecil${W}|otworzyl${W}|zalal${W}|zalali|wypompow${W}|sprzedal${W}|wykupi${W}|rozpyl${W}|rozrzuca${W}|wypuscil${W}|przywiozl${W}|przywiezl${W}|truj${W}|zatruw${W}|wylaczyl${W}|zhakowal${W}|zatuszow${W}|przejmuj${W}|wycial${W}|wycieli|wyciely|zamknel${W} sledztw${W}|umorzyl${W})`,
		`(?:podpalil${W}|podlozyl${W}|podlozon${W}|wzniecil${W}|spalil${W}|spalili|zalac|zalali|wypompow${W}|rozpyla${W}|rozpylil${W}|rozpylal${W}|rozrzuca${W}|wypuscil${W}|przywiezion${W}|przywiezl${W}|wylaczyl${W}|wycieli|wyciely|zhakowan${W})${gap(6)}(?:zeby|by|aby|bo (?:tam|chca|chcieli|chcial${W}|nie mieli))`,
		`(?:zaplacil${W}|dal${W} lapowk${W}|przekupil${W}|oplacil${W}|daje w lape)${gap(2)}(?:burmistrz|wojt|radn|urzednik|starost|prezes|inspektor|sanepid|policj|nadzor|kontroler)${W}|dogadal${W} sie z (?:inwestor|deweloper|firm|koncern)${W}|zhakowan${W}${gap(2)}przez|(?:celowo|specjalnie|umyslnie)${gap(2)}(?:podpal|spalil|spalon|zalal|zalan|otwart|otworzyl|wylaczyl|wypuscil|przywiez|rozpyl|zatru)${W}|przykrywk${W}|(?:nie byl|nie jest|to nie)${gap(1)}(?:naturaln${W}|przyroda|natura|pogoda)|(?:wypuszcza${W}|wypuszczaj${W}|spuszczaj${W}|spalaj${W}) (?:w nocy |nocami |po cichu )?(?:truj|toksyczn|rakotworcz|chemi|sciek|odpad)${W}`
	)
);

// Planned works and breakdowns explain an outage or a closure: an everyday notice, not an alarm.
const works = re(
	`planowan${W}|prace|prac (?:na|przy)|remont${W}|modernizacj${W}|(?<!(?:zadna|zadnej|to nie|nie) )awari${W}|wymian${W}|wymieniaj${W}|napraw${W}|konserwacj${W}|plukani${W}|przeglad${W}|swieta|ferie|wakacje|inwentaryzacj${W}|niedziel${W} niehandlow${W}|objazd${W}`,
	''
);
const utility =
	/^(?:blackout|black|wylacz|odcie|odetn|odcin|racjonow|stopni|nie bedzie|nie ma|bez |zamyk|zamkn|zabrak|brak|koniec|konczy|skoncz|wod|kran|ujeci|studni|siec)/;
// Someone who saw it, bought it or called the services: a report of what is happening, not a rumour.
const witnessed = re(
	`zglosil${W}|zadzwonil${W} (?:na|po|do)|dzwonil${W} (?:na|do|po)|straz (?:juz )?jest|strazacy (?:juz )?sa|policja (?:juz )?jest|na miejscu (?:jest|sa)|sam${W} widzial${W}|widzial(?:em|am)|kupil(?:em|am)|oddal${W} pieniadze|reklamacj${W}`,
	''
);

// A warning about a scam message ("SMS o odcięciu prądu, link…") repeats the hazard on purpose.
const scamWarning = re(
	`sms${W}|esemes${W}|link${W}|(?<!(?:to nie|nie|zadne) )oszus${W}|wyludz${W}|podszyw${W}|falszyw${W} (?:wiadomosc${W}|sms${W}|stron${W}|mail${W}|telefon${W})`,
	''
);

// Markers. Sharing and chain letters: pass it on.
const sharing = re(
	any(
		`udostepni(?:ajcie|jcie|j|ac|cie|am|enie)|prosze o (?:udostepnienie|przekazanie|rozeslanie)|przekaz${W} dalej|przekazujcie|podaj${W} dalej|puszczajcie dalej|przesl(?:ij|ijcie|ac) dalej|przesylajcie|przesylam dalej|roz(?:eslij${W}|sylaj${W}|eslac)|informujcie (?:innych|wszystkich|sasiad${W}|znajomych|rodzin${W})|mowcie (?:innym|wszystkim)|rozpowszechni${W}|kopiuj${W}|wklejaj${W}|ostrzez${W} (?:bliskich|rodzin${W}|znajomych|sasiad${W}|innych|wszystkich)|ostrzegajcie|niech (?:wszyscy|kazdy) (?:wie|wiedza|sie dowie|sie dowiedza)|zanim (?:usuna|skasuja|zablokuja|ocenzuruja|zdejm${W})`,
		`(?:przekaz|powiedz|ostrzez|ostrzeg|uprzedz|poinformuj)(?:cie|my|ic|ajcie)? (?:to )?(?:swoim |swoich |swoje |waszym |waszych |naszym |naszych )?(?:rodzic|dziad|babc|babun|senior|starsz|blisk|znajom|wszystk|inn|sasiad|rodzin|mam|tat|dziec|corek|corki|syn|wnuk)${W}|przekazac (?:starszym|seniorom|sasiadom|dalej|rodzinie)|(?:admin${W}|moderator${W})${gap(2)}usun${W}|zanim (?:mnie )?usun${W}|(?:ten )?post (?:zaraz )?zniknie|nie czekajcie|zanim bedzie za pozno|warto wiedziec`
	),
	''
);
const chain = re(
	`(?:udostepnij|przeslij|rozeslij|wyslij|przekaz|skopiuj)${W}(?: to)? do (?:\\d+|dziesieciu|wszystkich) (?:grup|osob|znajomych|kontaktow)|kopiuj i wklej|skopiuj i wklej|nie udostepniaj,? (?:tylko )?(?:skopiuj|kopiuj)|(?:ten )?post (?:zaraz )?zniknie`,
	''
);
// Urgency: act now, stay away, stock up.
const urgency = re(
	any(
		`pilne|uwagaa+|uwaga ?!!+|radze (?:wszystkim|wam|kazdemu)|wyjezdzam|uciekam|nie zgadzajcie sie|(?:zamykajcie|zamknijcie|pozamykac|pozamykajcie) okna|nie otwierajcie (?:okien|drzwi)|(?:dzis|dzisiaj|jeszcze dzis) (?:jedzcie|wyjezdzajcie|wyjedzcie|jedz)|jedzcie (?:dzis|dzisiaj|od razu|tankowac)|niech (?:dzis|jeszcze dzis|wyrzuc${W}|kazdy wyrzuc${W})|wyrzuc(?:cie|ic)|wynoscie|nie podawajcie|nie pozwalajcie|nie wpuszczajcie|nie kupowac|nie brac|(?:rob${W}|zrob${W}|kupuj${W}|kupcie) zapas${W}|na zapas|zapas${W} (?:wody|jedzenia|maki|paliwa|lekow|gotowki)`,
		`(?:kupuj${W}|kupcie) (?:wod${W}|piecyk${W}|agregat${W}|jodek|jod|swiec${W}|konserw${W}|generator${W}|paliw${W}|mak${W}|cukier|maseczk${W}|filtr${W}|lek${W})|poki (?:jeszcze |tam |sie )?(?:mozna|jest|sa|czas|da)|wyjezdzajcie|wyjedzcie|uciekajcie|uciekaj|nie pijcie|nie pij|nie kupujcie|nie jedzcie|nie wypuszczajcie|nie puszczajcie|nie puszczac|pilnujcie|zabierzcie dzieci|nie posylajcie|nie wychodzcie|zostancie w domach|tankujcie|wyplacajcie|wyplaccie|nie podchodzcie|nie otwierajcie|nie dawajcie|nie dajcie dzieciom|(?:zamykajcie|zamknijcie) (?:domy|drzwi|dzieci|bramy)|nie jezdzijcie|nie jezdzcie|omijajcie|(?:trzymajcie|trzymac|trzyma) (?:dzieci |sie )?z daleka|nie idzcie|nie dotykajcie|uwazajcie|ostrzegam|niech sie wyprowadza|kto moze,? niech|zobaczycie|sprawdzcie sami|nie dajcie sie nabrac`,
		`apel`
	),
	''
);
// Insisting it is true: as strong as a source named.
const insist = re(
	`mowie serio|ja wam mowie|mowie wam|to nie (?:jest )?(?:zart|plotka|fake|fejk|oszustwo|sciema)|(?:nie|to nie) (?:jest )?oszustwo,? (?:tylko|to) prawda|sprawdzone info|na 100 ?%|100 ?% (?:pewne|prawda|info)|wiem na pewno|wiem z pewnego`,
	''
);
// Hearsay: a relative, an acquaintance or an insider said so.
const person = `znajom${W}|kolega|koleg(?:i|a|ow|e)|kolezank${W}|kumpel${W}|kumpl${W}|kumpela|kumpeli|szwagier|szwagr${W}|szwagierk${W}|kuzyn${W}|sasiad${W}|sasiadk${W}|brat|brata|bratow${W}|siostr${W}|wujek|wujk${W}|ciocia|cioci|ciotk${W}|tesc${W}|tesciow${W}|ziec|ziecia|synow${W}|corka|corki|syn|syna|maz|meza|zona|zony|mama|mamy|mamie|tata|taty|ojciec|ojca|matka|matki|stary|stara|babcia|babci|dziadek|dziadka|wnuczek|wnuk${W}|chrzestn${W}|pani|pan|facet${W}|gosc|koles${W}|chlopak|ktos|on|ona|oni|elektryk${W}|geolog${W}|pielegniark${W}|lekarz${W}|lekark${W}|policjant${W}|strazak${W}|urzednik${W}|urzedniczk${W}|wozn${W}|kierowc${W}|zolnierz${W}|wojskow${W}|pracownik${W}|pracownic${W}|montazyst${W}|hydraulik${W}|ratownik${W}|weterynarz${W}|farmaceut${W}|energetyk${W}|nauczyciel${W}|nauczycielk${W}|kasjer${W}|sprzedawc${W}|ekspedientk${W}|kucharz${W}|kuchark${W}|sprzataczk${W}|ochroniarz${W}|kierownik${W}|kierowniczk${W}|polozn${W}|elektronik${W}|mechanik${W}|robotnik${W}|wedkarz${W}|mysliw${W}|lesnik${W}|lesniczy|rolnik${W}|listonosz${W}|kominiarz${W}|kolejarz${W}|budowlaniec|budowlan${W}|magazynier${W}|informatyk${W}|inzynier${W}|technik${W}|specjalist${W}|ekspert${W}|fachowc${W}|fachowiec|geodet${W}|architekt${W}|salow${W}|chemik${W}|czlowiek${W}|czlowiekiem|ludzie`;
const said = `mowi|mowil${W}|powiedzial${W}|twierdzi|zdradzil${W}|wygadal${W}|przekazal${W}|ostrzegl${W}|pisze|napisal${W}|slyszal${W}|wspominal${W}|opowiadal${W}|potwierdzil${W}|radzi|gadaj${W}|tam (?:pracuj|robi|robil|pracowal)${W}|pracuj${W} (?:w|we|na|przy)|robi (?:w|we|na|przy)|(?:sprzata|pracuje|robi) (?:w|we|na|przy) [a-z]+|jest (?:[a-z]+ )?(?:pielegniark|polozn|salow|lekarz|policjant|strazak|urzednik|zolnierz|kierowc|ratownik|weterynarz|farmaceut|nauczyciel|elektryk|energetyk|kuchar|sprzataczk|ochroniarz|kierownik|wozn)${W}|wygadal${W}|sie wygadal${W}`;
const hearsay = re(
	any(
		`(?:${person})${gap(6)}(?:${said})|(?:${said}) (?:mi |nam )?(?:moj${W} |nasz${W} |jeden |jedna )?(?:[a-z]+ )?(?:${person})(?![a-z])`,
		`(?:info|informacj${W}) (?:prosto |wprost )?(?:z|ze) (?:komend${W}|urzed${W}|urzad${W}|gminy|ratusz${W}|szpital${W}|sanepid${W}|policj${W}|zus${W}|wojsk${W}|jednostk${W}|sadu|prokuratur${W}|elektrowni|wodociag${W}|zgk|kurii|parafii|spoldzielni)|(?:info|informacj${W}|wiem|wiadomosc${W}|u?slyszal${W}|dowiedzial${W} sie|dostal${W}|mam to|wazne|cynk|przeslane) (?:prosto |to |tez )?od (?:moj${W} |naszej |naszego |jednej |jednego )?(?:[a-z]+ )?(?:${person})(?![a-z])`,
		`(?:${person})${gap(2)}(?:z|ze|w|we) (?:policj${W}|szpital${W}|urzed${W}|urzad${W}|gminy|wojsk${W}|jednostk${W}|sanepid${W}|wodociag${W}|zgk|elektrowni|energetyk${W}|ochrony|strazy|straz${W}|ratusz${W}|ministerstw${W}|rzadu|sluzb${W}|abw|prokuratur${W}|pogotowi${W}|sor${W}|przychodni|apteki|hurtowni|centrum|sklep${W}|warzywniak${W}|fabryk${W}|zaklad${W}|azot${W}|kopalni|kolei|oczyszczalni|magazyn${W}|laboratori${W}|montazu|zus${W}|weterynarii|nadlesnictw${W}|przedszkol${W}|szkol${W})`,
		`podsluchal${W}|podslyszal${W}|wiem (?:to )?od|mam (?:to )?od|(?:dostal${W}|poszlo|mam) info|dowiedzial${W} sie|po cichu|w zaufaniu|wygadal${W} sie|(?:mam|mamy) (?:info|informacj${W}|cynk|wiadomosc${W})|z (?:pewnego|zaufanego|wiarygodnego|sprawdzonego|nieoficjalnego) (?:zrodla|srodka)|z nieoficjalnych (?:zrodel|informacji)|nieoficjalnie|przeciek${W}|(?:mowi|powiedzial${W}|twierdzi|ostrzegl${W}|zdradzil${W}|przekazal${W}) (?:mi|nam) (?:ze|zeby)|z pierwszej reki|u?slyszal(?:em|am)|podobno|ponoc|mowia,? ze|ludzie (?:mowia|gadaja)|krazy (?:info|informacj${W}|wiadomosc)|dostal(?:em|am) od|udostepniam za`
	),
	''
);
// A cover-up: someone knows and hides it.
const coverUp = re(
	any(
		`(?:lekarz${W}|lekarze|onkolodzy|kardiolodzy|endokrynolodzy|ginekolodzy|pediatrzy|weterynarz${W}|naukowcy|medyc${W}|energetyk${W}|spoldzielni${W}|gornic${W}|hurtowni${W}|onkolog${W}|endokrynolog${W}|kardiolog${W}|farmaceu${W}|koncern${W}|rzad${W}|gmin${W}|urzad${W}|urzed${W}|wladz${W}|sanepid${W}|media|mediach|telewizj${W}|tvn|tvp|policj${W}|wojsk${W}|szpital${W}|dyrekcj${W}|dyrektor${W}|dyra|sklep|apteka|nadlesnictw${W}|wojt|burmistrz|wojewod${W}|starost${W}|solty${W}|oni|wszyscy|nikt|nasi)${gap(3)}(?:ukrywa${W}|zataja${W}|zatail${W}|tuszuj${W}|tuszow${W}|milcz${W}|nie mowi${W}|nie powie${W}|nie powiedza|nie pisz${W}|nie informuj${W}|nie podaj${W}|nie podaje|nie chc${W} (?:zeby|by|tego|o tym|sluchac|slyszec|straszyc|robic panik${W}|wycofac|zamknac)|kaz${W} (?:siedziec )?cicho|placa|zarabiaj${W}|zabraniaj${W}|cenzuruj${W}|nie oglosil${W}|nie oglasza${W}|nie przyzna${W}|sie nie przyzna${W}|nie wycofal${W}|nie wycofuj${W}|klami${W}|klamie|klamia|oklamuj${W}|wie${W}? (?:o tym )?(?:od dawna|,? ?ale)|wiedza (?:ale|i) (?:milcz|nic)|(?:juz )?(?:to|o tym) wie(?:dza)?|wol${W} zarabiac)`,
		`media milcz${W}|cisza w mediach|(?:w|we) (?:telewizji|tv|mediach|gazecie|gazetach|radiu|internecie)${gap(1)}(?:cicho|cisza|nic|ani slowa|ani mru mru)|nikt (?:wam |nam |o tym )?(?:tego )?(?:glosno |oficjalnie )?nie (?:powie|mowi|informuje|pisze|wspomina|potwierdzi|przyzna|oglosi)|tego (?:wam )?nie powiedza|prawd${W} (?:wam )?nie powiedza|(?:trzyma${W}|utrzymuj${W}) (?:to )?w tajemnicy|w tajemnicy|cenzur${W}|oficjalnie${gap(2)}(?:cisza|nic|dopiero|nie mow${W})|jeszcze nie oglosil${W}|nie oglosil${W}|nie oglaszaj${W}|nie (?:poinformowal${W}|informuj${W}|chwal${W} sie|podaj${W})|ukrywa${W}|utajni${W}|zataj${W}|zamiata${W} (?:to |sprawe )?pod dywan|cicho sza|sprawa ucichla|nabral${W} wody w usta|zeby nie (?:bylo|robic|siac|wywolac) panik${W}|ukrywan${W}`,
		`(?:dostal${W}|dostaly|dostali|maja|ma) (?:zakaz|polecenie|nakaz) (?:informowania|mowienia|rozmawiania|nie|zeby nie|podawania)|kaza${W}${gap(2)}(?:nie mowic|nie informowac|nie zglaszac|nie zglosic|nie podawac|nie pisac|milczec|mowic,? ze)|nic nie (?:powiedzial${W}|mowil${W}|oglosil${W}|zglosil${W})|(?:przed|na) kontrol${W}${gap(2)}(?:czyst${W}|posprzatan${W}|schowan${W}|wywiez${W}|ukryw${W})|(?:czyst${W}|posprzatan${W}|schowan${W}) (?:na|przed) kontrol${W}|udaj${W},? ze (?:nic|wszystko|to)|(?:sanepid|policja|kontrola|inspekcja|nikt) (?:tu |tam )?nie przyjdzie|(?:jest|to) (?:kuzyn|szwagr|koleg|znajom|rodzin|brat|siostr|zon|cork|syn)${W} (?:burmistrza|wojta|radnego|prezesa|komendanta|dyrektora|starosty|posla)|(?:telewizj${W}|media|mediach|tv|gazety|gazetach|radio|internet)${gap(1)}(?:cisza|nic nie (?:pokazuj${W}|mowi${W}|pisz${W}|podaj${W}))|(?:pomiar${W}|wynik${W}|badani${W}|dane|statystyk${W})${gap(2)}(?:falszowan${W}|sfalszowan${W}|falszuj${W}|podrasowan${W}|zanizan${W})|falszuj${W} (?:pomiar|wynik|badani|dane)${W}|kaz${W} sprzedawac dalej|(?:bierz${W}|wzial${W}|brali|biora) (?:za to |od nich |od firmy )?(?:pieniadze|kase|lapowk${W}|w lape)|kaz${W} mowic,? ze|na polecenie (?:z gory|wyzej|gory|wladz)|po kryjomu|za plecami|schowan${W}|na zamknietym posiedzeniu|tylko do wybranych|a nam (?:mowia|wmawiaja|pisza)|nie chca,? zebyscie wiedzieli|czego (?:w gazecie|w telewizji|w mediach|w tv) nie (?:przeczytacie|uslyszycie|zobaczycie|powiedza)|juz wiedza|wszyscy wiedza|zaplacil${W} i sprawa|wie${W}? i (?:milcz${W}|nic nie robi${W}|dalej)|wiedza i (?:milcz${W}|nic nie robi${W}|dalej)|(?:dalej|nadal) sprzedaj${W}|nikt (?:tego |jej |ich |go )?nie (?:bada|badal${W}|sprawdz${W}|sprawdzal${W}|kontroluj${W})|(?:sa|jest|zostal${W}) (?:oplacen|przekupion|kupion)${W}|(?:dal${W}|daja|daje|bior${W}) (?:lapowk${W}|w lape)|przekupil${W}|nie chc${W} (?:tego )?(?:naglasniac|naglosnic|rozglaszac|mowic|informowac|podawac)|taa+ jasne|ta+k,? jasne|bajk${W} o|(?:wierzcie|uwierzcie) im|zakaz${W} (?:informowania|mowienia)|nie wolno (?:im )?mowic|oficjalna wersja`
	),
	''
);
// Rhetoric that pushes a health myth, but is everyday speech next to an alarm ("prawda jest taka, że…").
const weakCover = re(
	`obudzcie sie|otworzcie oczy|prawda jest taka|juz (?:teraz )?wiadomo|koncern${W} farmaceutyczn${W}|big ?pharm${W}|rzekomo|nie oplaca${W} (?:sie|im)|(?:im|sie) nie oplaca|w rzeczywistosci|tak naprawde`,
	''
);
const coverDenied = re(`nikt (?:mi |nam )?nie kazal${W}|nic nie ukrywa${W}|niczego nie ukrywa${W}|nie ukrywamy`, '');
// A hidden hand: nothing happens by chance.
const conspiracy = re(
	`(?:remont${W}|cwiczeni${W}|awari${W}|komunikat${W}|wersj${W}|przeglad${W}|kontrol${W})${gap(1)}to (?:sciema|bajka|przykrywka|lipa|klamstwo|zaslona)|nie byl${W} przypad${W}|to nie przypadek|to nie (?:zadna |zaden |zadne )?(?:przyroda|natura|pogoda|mgla|awaria|przypadek|cwiczenia)|(?:myslicie|sadzicie|czy),? ze to (?:byl )?przypadek|to przypadek,? ze|(?:przywiez|wypuszcz|rozpyl|rozsiew|podrzuc)${W}${gap(1)}(?:specjalnie|celowo|umyslnie)|(?:specjalnie|celowo|umyslnie)${gap(1)}(?:przywiez|wypuszcz|rozpyl|rozsiew|podrzuc|zarazon|zakazon)${W}|eksperyment${W} na (?:ludziach|nas|mieszkancach|dzieciach)|nie wierze w przypadki|przypadek\\?* nie sadze|to przypadek\\?|dziwnym trafem|przykrywk${W}|celowo|specjalnie${gap(3)}(?:zeby|by|aby|w nocy)|nie byl${W} naturaln${W}|to nie (?:przyroda|natura|pogoda)|(?:to )?nie (?:zadne|sa zadne|byly zadne) cwiczenia|zadna awaria|prawdziwy powod|(?:tak )?ustawion${W},? (?:ze|zeby)|chodzi o to,? (?:zeby|by) (?:wybic|zniszczyc|pozbyc|zlikwidowac|wykonczyc|zamknac|przejac)|ja wam powiem,? (?:czemu|dlaczego|po co)|nie wierzcie,? ze to|(?:nie wierzcie|wierzycie) w (?:te |ich |oficjaln${W} )?(?:bajk|bajeczk|opowiastk|wersj|komunikat|zapewnieni)${W}|wierzycie w (?:te |ich )?(?:komunikat|ostrzezeni|bajk|wersj)${W}`,
	''
);

// An official source named as the source, a question, or a rumour rejected: not a claim.
const official = re(
	any(
		`(?:komunikat${W}|ostrzezeni${W}|alert${W}|informacj${W}|apel${W}|decyzj${W}|zarzadzeni${W}|rozporzadzeni${W}|oswiadczeni${W}|ogloszeni${W}|zalecen${W})${gap(2)}(?:sanepid${W}|psse|ppis|gis|inspekt${W}|imgw|rcb|policj${W}|kpp|kmp|straz${W}|psp|wojewod${W}|starost${W}|urzed${W}|urzad${W}|gminy|burmistrz${W}|wojt${W}|zgk|wodociag${W}|operator${W}|pge|tauron${W}|enea|energ${W}|wod polskich|kuratori${W}|ministerstw${W}|ministra|centrum zarzadzania${W}|dyrektor${W}|szpital${W}|lekarz${W} weterynarii|nadlesnictw${W}|powiatow${W}|gddkia|wios|gios|piw|wiw)`,
		`(?:sanepid|psse|ppis|gis|inspektor sanitarny|imgw|rcb|policja|kpp [a-z]+|straz (?:pozarna|gminna|miejska)|strazacy|wojewoda|starosta|starostwo|urzad (?:gminy|miasta)|gmina|burmistrz|wojt|zgk|wodociagi|operator${W}|pge|tauron|enea|energa|wody polskie|kuratorium|ministerstwo${W}|dyrektor${W}|szpital|nadlesnictwo|(?:powiatow${W} |wojewodzk${W} )?lekarz${W} weterynarii|piw|wiw|gddkia|wios|gios|(?:powiatow${W} |wojewodzk${W} )?inspektor${W} [a-z]+)${gap(2)}(?:informuj${W}|poinformowal${W}|ostrzeg${W}|podal${W}|podaje|potwierdz${W}|zalec${W}|przypomina|wydal${W}|oglosil${W}|oglasza|apeluj${W}|komunikuj${W}|zarzadzil${W}|wprowadzil${W}|zdementowal${W}|prostuj${W}|wyjasni${W}|prosi)`,
		`(?:wg|wedlug|zgodnie z|na podstawie|zrodlo:?|za) (?:komunikat${W}|informacj${W}|danych|sanepid${W}|imgw|rcb|policj${W}|urzed${W}|urzad${W}|gmin${W}|zgk|ministerstw${W})|gov\\.pl|bip\\.|alert rcb|sms z rcb|rcb:|na stronie (?:sanepidu|gminy|urzedu|zgk|szpitala|policji|nadlesnictwa|ministerstwa|gis|powiatu|starostwa|wojewody|wojewodztwa|gddkia|wios|imgw|rcb)|komunikat${W} (?:gddkia|wios|gios|piw|powiatu|starostwa)`
	)
);
const question = re(
	`czy to prawda|czy ktos|czy ktokolwiek|ktos wie|wie ktos|ktos cos wie|slyszal${W} ktos|ktos slyszal|slyszeliscie|czy wiecie|potwierdzi ktos|moze ktos potwierdzic|czy mozna wierzyc|ile w tym prawdy|prawda to|czy to (?:normalne|bezpieczne)|co o tym (?:sadzicie|myslicie)|gdzie (?:to )?(?:mozna )?sprawdzic|(?:^|[.!?]\\s*)czy`,
	''
);
// Remembered, not reported: "za moich czasów", "babcia opowiadała".
const historical = re(
	`kiedys|dawniej|w stanie wojennym|przed wojna|internowa${W}|w czasach|za (?:moich|jego|jej|naszych|ich) (?:czasow|mlodosci)|po wojnie|w latach \\d+|w (?:18|19)\\d\\d|za komuny|za prl|opowiada(?:l|la|li)`,
	''
);
// "A wiecie, że…?", "Przypadek?": asked only for effect.
const rhetorical = re(`wiecie,? (?:ze|ale|co)|przypadek\\?|to przypadek`, '');
const rejection = re(
	any(
		`(?:to )?mit,? (?:ze|jakoby)|nieprawd${W}|nie jest prawda|bzdur${W}|fake${W}|fejk${W}|zdementow${W}|dezinformacj${W}|teori${W} spiskow${W}|obalon${W}|nie ma (?:zadnych )?dowodow|plotk${W}|bredni|brednie|bajki|nie sluchajcie|prosze tego nie robic|nie robcie tego|sprawdzil(?:am|em)|foliarz${W}|nie wierzcie|nie powtarzajcie|nie rozpowszechniajcie|nie udostepniajcie|nie rozsylajcie|nie rozsylac|nie powielajcie|nie powielac|niesprawdzon${W}|nie panikujcie|bez paniki|wcale nie|klamstw${W},? (?:ze|jakoby)|sprostowanie|nie ma zagrozenia|nie ma zadnego|(?:zadnego|zadnej|zadnych) (?:[a-z]+ ){1,4}nie ma|o usuniecie (?:posta|wpisu)|dziala normalnie|wszystko (?:jest )?w porzadku|nic sie nie dzieje|nic takiego nie|lancuszk${W}|(?:urzad|gmina|sanepid|policja|wojt|burmistrz|szkola|dyrekcja|zgk|wodociagi|starostwo|zus)${gap(2)}(?:wyjasnil${W}|sprostowal${W}|zdementowal${W}|zaprzeczyl${W})`,
		`badania (?:wykazal${W}|pokazuj${W}|dowodz${W}|potwierdz${W})|naukowo udowodnion${W},? ze (?:nie|sa bezpieczne)|sa bezpieczne|jest bezpieczn${W}|(?:nie|nic nie) (?:grozi|szkodzi)`
	),
	''
);
// Calming words reject an alarm, but not a health claim ("spokojnie, odra to łagodna choroba").
const calming = re(`uspokajam|spokojnie|nic groznego|nic strasznego`, '');

type Kind =
	'health_myth' | 'cure_myth' | 'first_aid' | 'surveillance' | 'alarm' | 'notice' | 'product' | 'conspiracy' | 'phrase';

function message(kind: Kind, words: string): string {
	switch (kind) {
		case 'health_myth':
			return `Twierdzenie o szkodliwości szczepień, leków, badań albo technologii („${words}”), któremu przeczy wiedza medyczna. Jeśli piszesz o własnym doświadczeniu, opisz je bez uogólniania i podaj, co powiedział lekarz; jeśli pytasz — zapytaj wprost. Moderator sprawdzi wpis.`;
		case 'cure_myth':
			return `Obietnica wyleczenia albo rada, by odstawić leczenie („${words}”). Takie porady mogą komuś zaszkodzić. Napisz, że to Twoje doświadczenie, i zachęć do rozmowy z lekarzem — moderator sprawdzi wpis.`;
		case 'first_aid':
			return `Domowa rada na dolegliwość, która może zaszkodzić („${words}”). Zamiast niej napisz, żeby zapytać lekarza, farmaceutę albo w nagłej sytuacji zadzwonić pod 112 — moderator sprawdzi wpis.`;
		case 'surveillance':
			return `Twierdzenie, że urządzenie albo urząd potajemnie podsłuchuje lub śledzi mieszkańców („${words}”), bez dowodu. Jeśli masz wątpliwości, zapytaj wprost urząd albo firmę — moderator sprawdzi wpis.`;
		case 'alarm':
			return `Alarmująca informacja o bezpieczeństwie bez podanego źródła („${words}”). Napisz, skąd to wiesz (komunikat urzędu, sanepidu, policji, straży), albo zapytaj, czy ktoś ma potwierdzenie — moderator sprawdzi wpis.`;
		case 'notice':
			return `Wiadomość o nowym obowiązku, zakazie albo karze bez podanego źródła („${words}”). Podaj, gdzie to ogłoszono (uchwała, komunikat urzędu), albo zapytaj, czy to prawda — moderator sprawdzi wpis.`;
		case 'product':
			return `Zarzut, że konkretny sklep albo firma sprzedaje coś szkodliwego („${words}”), bez podanego źródła. Jeśli to Twój własny zakup, opisz, co się stało, i zgłoś to do sanepidu; jeśli ktoś Ci to powiedział — zapytaj, zamiast ostrzegać. Moderator sprawdzi wpis.`;
		case 'conspiracy':
			return `Twierdzenie, że ktoś celowo wyrządził szkodę albo ją ukrywa („${words}”), bez dowodu. Napisz, co wiesz z pierwszej ręki, albo zapytaj urząd wprost — moderator sprawdzi wpis.`;
		default:
			return `Twierdzenie o zdrowiu lub bezpieczeństwie, które często okazuje się nieprawdziwe („${words}”). Podaj źródło (np. komunikat sanepidu lub urzędu) — moderator sprawdzi wpis.`;
	}
}

// Gates of the groups and of the frames in them.
const healthGate = gate(
	'szczepi|mrna|zastrzyk| 5g|maszt|nadajnik|wiez|anten|wifi|wi-fi|router|licznik|smartfon|telefon|fluor|chemtrail|smug|oprysk|pryskan|usg|ultradzwiek|ultrasonograf| gmo|zmodyfikowan|mammograf|cytologi|rentgen|tomograf|chemi|statyn|antybiotyk|insulin|paracetamol|aspartam|mikrofal|hulajnog|pomp|infradzwiek|radar|fotowoltai|panel|wiatrak|turbin|maseczk| mask| lek|tabletk|pcr|wymaz' +
		'|dowod|mobywatel|aplikacj|cyfrow|cbdc|chip|czip|covid|koronawirus|pandemi|epidemi|wirus|hashimoto|borelioz| hiv| aids| ospa| ospy| ospe| ospie|gryp|autyzm|plandemi|nieszczepion|mniej|wyludni|depopul|turbo|pharm|bigfarm|farmaceutyczn|zatrut|promieniow|promieniuj|elektromagnet|elektrosmog|emituj' +
		'|wodomierz|lamp|latarni|paczkomat|czujnik| odr|krztusiec|swinka|przechorow'
);
const cureGate = gate(
	' rak|nowotwor| guz | guz,| guza| guzy| guzem| guzami| guzach| guzie|tetniak|przerzut|komork|bialaczk|cukrzyc|borelioz|hashimoto|tarczyc|autyzm|stwardnieni|alzheimer|parkinson|miazdzyc|blaszk|nadcisnieni|covid|koronawirus| hiv| aids|seps|padaczk|depresj|schizofreni|astm|luszczyc|chorob|angin|zapaleni|zawal|udar' +
		'|szczep|goraczk|odstaw|wyrzuc|nie bierz|nie brac|nie podawa|nie dawa|odmawia|odmowcie|unikajcie| lek|insulin|metformin|chemi|statyn|antybiotyk|operacj|lekarz|naiwnych|frajerow|glupich|owiec|syrop|przechorow'
);
// Finer gates, one per frame, for long texts that pass the group's gate.
const subjectGate = gate(
	'szczepi|mrna|zastrzyk|5g|maszt|nadajnik|wiez|anten|wifi|wi-fi|router|licznik|smartfon|telefon|fluor|chemtrail|smug|oprysk|pryskan|gmo|zmodyfikowan|usg|ultradzwiek|ultrasonograf|mammograf|cytologi|rentgen|tomograf|chemi|radioterapi|statyn|antybiotyk|insulin|paracetamol|aspartam|mikrofal|kuchenk|hulajnog|pomp|infradzwiek|radar|fotowolt|panel|wiatrak|turbin|maseczk|mask|pcr|wymaz| lek|tabletk'
);
const controlGate = gate(
	'licza|liczy|sprawdzaj|rejestruj|zapisuj|notuj|namierz|nagryw|podsluch|sledz|inwigil|odciac|odetn|odcina|kontrolowac|czipow|chipow|zaczip|zachip|sterowac|mikrofon|czytnik|kamer|dane|twarz|wiedzial'
);
const deniedGate = gate('wymysl|sciem|klamstw|oszustw|fikcj|bujd|zmyslon|wymyslon|teatr|istnie');
const fixedGate = gate(
	'plandemi|chemtrail|nieszczepion|mniej|wyludni|depopul|chip|czip|turbo|pharm|bigfarm|farmaceutyczn|zatrut|fluor|lagodn|niegrozn|niewinn|przechorow'
);
const radiationGate = gate('promieniow|promieniuj|elektromagnet|elektrosmog|infradzwiek|emituj');
const cureVerbGate = gate(
	'lecz|oczyszcz|cof|rozpuszcz|likwid|usuwa|zwalcz|pokona|zabij|niszcz|pomaga|dziala|skuteczn|najlepsz|zastapi|zastepuj|znikn|ustapil|wchlonal'
);
const againstGate = gate(
	'szczep|goraczk|odstaw|wyrzuc|nie bierz|nie brac|nie podawa|nie dawa|odmawia|odmowcie|unikajcie| mit|trucizn|sciem|wymysl|oszustw|biznes|niepotrzebn|zbedn|pogorsz|pogarsz|zabij|naiwnych|frajerow|glupich|owiec|lekarza|bo to chemi|bo to sama|bo to tylko|przechorow'
);
const firstAidGate = gate(
	'masl|benzyn|naft|spirytus|wodk|wodeczk|alkohol|bimbr|do zeb|bialk|mocz|uryno|aspiryn|naklu|igl|krwi|pijawk|smal|wybielacz|denaturat|domestos|lizol|nie trzeba|nie jedz|nie idz|nie woz|nie dzwon|nie chodz|nie jechac|nie isc|nie wzyw|nie dawa|nie poda|nie bra|nie bior|zadnych|bez zadn|bez syrop|bez lek|bez antyb|bez masc|bez pes|bez tabl|bez badan|odstawic|lepsz|naciagac|dopiero potem|dopiero pozniej|nic nie zrobi|zaszkodz'
);
const severeGate = gate(
	'zatru|trucizn|radioaktyw|napromieniow|smierteln|dosyp|wsypal|wlal|wlewaj|wpuscil|skazi|otrul|porywa|porwa|uprowadz|wciag|organami|na organy|tama|tamy|tame|tamie|zapor|przeciwpowodz|waly|wal na|mobilizacj|powolan|pobor|wojenn|policyjn|wojn' +
		'|zyletk|igl|igiel|szklem|trutk|narkotyk|nasaczon|substancj|sokow|napojow|butelek|jogurtow|kartonow|prochy|prochami|gwaltu|dopalacz|nasenn|wstrzyk|nastrzyk| hiv|zalac|zatopic|sluz|zbiornik'
);
const coveredGate = gate(
	'smierdz|cuchn|smrod|wilk|wilcz|watah|niedzwiedz|wsciekl|szerszen|komar|zagryz|pirani|pyton|krokodyl|aligator|skorpion|jadowit|zmij|ugryz|pogryz|kleszcz|swierzb| wszy | wszy,| wszami| wszawic|owsik|glist|pasozyt|tasiem|sinic| ospa| ospy| ospe| ospie|gryp|szkarlatyn|rotawirus|norowirus|salmonell|bakteri|grzybic|zakazeni|zakazon|zarazon|chorob' +
		'|podpal|splonel|spalon|trutk|zatrut|przynet|napad|okrad|kradn|kradziez|band|gang|szajk|wlama|wlamuj|narkotyk|dopalacz|falszyw|przebran|sie za'
);
const businessGate = gate(
	'budk|lodziarni|food|tesco|spar|rossmann|hebe|pepco| mila| mili| mile|topaz|groszk|lidl|biedron|zabk|zabc| dino|kaufland|auchan|carrefour|netto|stokrot|aldi|polomarket|intermarche|lewiatan|delikates|orlen|lotos|circle k| moya| amic|aptek|aptece|piekarni|cukierni|sklep|market|kebab|pizzeri|restauracj| barze| baru|stolowk|stolowc|mleczarni|masarni|ubojni|rzezni|stacj|hurtowni| mlyn| ferm|bawialni|zabaw|basen|aquapark| targ'
);
const closureGate = gate('zamyk|zamkn|likwid|wycofuj');
// A decision needs a sanction or a lost payment: gate on those, rarer than duties.
const dutyGate = gate(
	'odbier|odbior|wstrzyma|zatrzyma|obetn|obcin|obciet|trzynast|czternast|prawo jazdy|prawa jazdy|zlikwiduj| kara| kary| kare| kar | karami| karom|grzywn|mandat| zl|0zl|5zl|zlotych| tys|zabier|zabior|komornik|zajm|rozbiork|plomb|strac|zostan|zamroz|oddac|zwrocic|wezwan|zapowiedzi|przestaj|na konto|dodatku|zasilku|emerytur| rent|wyplat|swiadczen'
);
const conspiracyGate = gate(
	'podloz|wzniecil|dogadal|zaplacil|lapowk|przekupil|oplacil|w lape|podpal|spalil|spalili|zlecil|otworzy|zalal|zalali|zalac|wypompow|sprzedal|wykupi|rozpyl|rozrzuca|wypuscil|przywiez|przywioz|truj|zatruw|wylaczyl|zhakow|zatuszow|przejmuj|wycial|wycieli|wyciely|sledztw|umorzyl|celowo|specjalnie|umyslnie|przykrywk|naturaln|przyroda|natura|pogoda'
);
const scanGates = compileGates();

// Enough findings to show the author; more only cost time on very long texts.
const maxFindings = 6;
const maxMatches = 12;
function* firstMatches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
	let n = 0;
	for (const m of text.matchAll(pattern)) {
		yield m;
		if (++n >= maxMatches) return;
	}
}

/** The findings for a text. `ungated` runs every frame whatever the gates say: the tests check with it that no gate misses a stem. */
export function findMisinformation(text: string, folded = foldKeepingOffsets(text), ungated = false): Finding[] {
	const plain = readLeet(folded);
	const on = ungated ? new Uint8Array(gateStems.length).fill(1) : scanGates(` ${plain} `);
	const newRules = newRuleWhen.test(plain);
	if (!on.includes(1) && !newRules) return [];
	const health = on[healthGate];
	const cures = on[cureGate];
	const firstAid = on[firstAidGate];
	const severe = on[severeGate];
	const hazards = hazardFrames.some((f) => on[f.gate]);
	const closures = on[closureGate];
	const duties = on[dutyGate];
	const businesses = on[businessGate];
	const covered = on[coveredGate];
	const plots = on[conspiracyGate];
	const alarms = severe || hazards || closures || duties || businesses || covered || plots;
	if (!health && !cures && !firstAid && !alarms && !newRules) return [];

	const found: Finding[] = [];
	const add = (kind: Kind, start: number, end: number) => {
		if (found.length >= maxFindings || found.some((f) => f.start < end && start < f.end)) return;
		found.push({
			rule: `misinformation.${kind}`,
			category: 'misinformation',
			severity: 'hold',
			start,
			end,
			message: message(kind, text.slice(start, end))
		});
	};
	const spans = lazy(() => sentenceIndex(plain));
	const sentenceSpan = (index: number) => spans()(index);
	const sentenceOf = (index: number) => {
		const s = sentenceSpan(index);
		return { ...s, text: plain.slice(s.start, s.end) };
	};
	// Asked or rejected in its own sentence: not a claim. A question asked for effect ("A wiecie, że…?") is a claim.
	const asked = (sentence: string) =>
		!rhetorical.test(sentence) && (sentence.trimEnd().endsWith('?') || question.test(sentence));
	const doubtedSentences = new Map<number, number>();
	const doubted = (index: number, alarm = false) => {
		const s = sentenceOf(index);
		let v = doubtedSentences.get(s.start);
		if (v === undefined)
			doubtedSentences.set(
				s.start,
				(v =
					asked(s.text) || (rejection.test(s.text) && !coverUp.test(s.text))
						? 2
						: calming.test(s.text) || historical.test(s.text)
							? 1
							: 0)
			);
		return v === 2 || (alarm && v === 1);
	};

	const markedUp = lazy(() => (coverUp.test(plain) && !coverDenied.test(plain)) || conspiracy.test(plain));
	const pushed = lazy(() => markedUp() || weakCover.test(plain));
	const chained = lazy(() => chain.test(plain));
	const shared = lazy(() => chained() || sharing.test(plain));
	const insisted = lazy(() => insist.test(plain));
	const urged = lazy(() => shared() || insisted() || urgency.test(plain));
	const heard = lazy(() => hearsay.test(plain));
	const rejected = lazy(() => rejection.test(plain) && !pushed());

	if (health) {
		const subject = on[subjectGate];
		if (on[fixedGate])
			for (const m of firstMatches(plain, fixedMyths))
				if (!doubted(m.index)) add('phrase', m.index, m.index + m[0].length);
		const myths = [
			...(subject ? [mythPattern, mythReversed, mythCaused] : []),
			...(on[deniedGate] ? [deniedDisease] : [])
		];
		for (const p of myths) {
			for (const m of firstMatches(plain, p))
				if (!doubted(m.index) && !rejected()) add('health_myth', m.index, m.index + m[0].length);
		}
		if (on[controlGate] && !rejected()) {
			for (const m of firstMatches(plain, controlPattern))
				if (!doubted(m.index)) add('surveillance', m.index, m.index + m[0].length);
			for (const m of firstMatches(plain, spyClaim)) {
				const here = sentenceOf(m.index);
				const before = here.start > 0 ? sentenceSpan(here.start - 1) : here;
				if (spyDevice.test(plain.slice(before.start, here.end)) && !doubted(m.index))
					add('surveillance', m.index, m.index + m[0].length);
			}
		}
		if (!rejected()) {
			for (const m of subject ? firstMatches(plain, conditionsInText) : []) {
				const sentence = sentenceOf(m.index);
				if (!subjectPattern.test(sentence.text) || protective.test(sentence.text) || doubted(m.index)) continue;
				if (pushed() || urged() || pushing.test(plain)) add('health_myth', m.index, m.index + m[0].length);
			}
			for (const m of on[radiationGate] ? firstMatches(plain, radiation) : []) {
				const here = sentenceOf(m.index);
				const before = here.start > 0 ? sentenceSpan(here.start - 1) : here;
				const window = plain.slice(before.start, here.end);
				if (
					radiationSource.test(window) &&
					conditionPattern.test(window) &&
					!doubted(m.index) &&
					!protective.test(here.text)
				)
					add('health_myth', m.index, m.index + m[0].length);
			}
		}
	}

	if (cures) {
		// Cures: a remedy in the sentence, or said with certainty, or against doctors.
		for (const m of on[cureVerbGate] ? firstMatches(plain, curePattern) : []) {
			if (doubted(m.index)) continue;
			const s = sentenceOf(m.index);
			if (cureCertainty.test(s.text) || pushed() || (remedyPattern.test(s.text) && !medical.test(s.text)))
				add('cure_myth', m.index, m.index + m[0].length);
		}
		for (const m of on[againstGate] ? firstMatches(plain, againstTreatment) : []) {
			if (doubted(m.index)) continue;
			// "Bez lekarza" alone is an everyday phrase: only with a remedy or a disease nearby.
			const s = sentenceOf(m.index).text;
			if (/^(?:zadnego|bez) lekarza/.test(m[0]) && !(remedyPattern.test(s) || seriousPattern.test(s))) continue;
			add('cure_myth', m.index, m.index + m[0].length);
		}
	}

	// Home treatment: an ailment, and in its sentence or the next a dangerous remedy or skipping the doctor, said as advice.
	if (firstAid) {
		for (const m of firstMatches(plain, ailmentPattern)) {
			const here = sentenceOf(m.index);
			const next = here.end < plain.length ? sentenceSpan(here.end) : here;
			const window = plain.slice(here.start, next.end);
			const harmful = dangerousRemedy.test(window) || (skipDoctor.test(window) && !minorAilment.test(m[0]));
			if (!harmful || !advice.test(window) || negatedAdvice.test(window) || doubted(m.index)) continue;
			const start = here.start + (here.text.length - here.text.trimStart().length);
			add('first_aid', start, Math.min(here.start + here.text.trimEnd().length, start + 160));
		}
	}

	// Public safety. First the claims, each frame behind its gate; the markers and exemptions only when there is one.
	// Tiers: 0 alone, 1 with any marker, 2 with sharing, hearsay, insistence or a cover-up, 3 with a cover-up only.
	const claims: { kind: Kind; tier: number; start: number; end: number; routine: boolean }[] = [];
	const claim = (kind: Kind, tier: number, m: RegExpExecArray, routine = false) =>
		claims.push({ kind, tier, start: m.index, end: m.index + m[0].length, routine });
	if (severe) for (const m of firstMatches(plain, severeHazard)) claim('alarm', 0, m);
	// The specific kinds first: an overlapping general alarm does not replace them.
	if (businesses) {
		for (const m of firstMatches(plain, business)) {
			const s = sentenceOf(m.index);
			const t = tainted.exec(s.text);
			if (t && !soldAgainstPests.test(s.text) && !brokenIn.test(plain))
				claims.push({
					kind: 'product',
					tier: 1,
					start: Math.min(m.index, s.start + t.index),
					end: Math.max(m.index + m[0].length, s.start + t.index + t[0].length),
					routine: false
				});
		}
	}
	if (plots) for (const m of firstMatches(plain, conspiracyClaim)) claim('conspiracy', 3, m);
	if (duties) {
		for (const m of firstMatches(plain, dutyPattern))
			if (lostBenefit.test(m[0]) || sanction.test(sentenceOf(m.index).text)) claim('notice', 2, m);
	}
	// A new tax, fee, fine or ban "od przyszłego roku" announced by a resident: a notice, unless its source is named.
	if (newRules) {
		for (const m of plain.matchAll(/[^.!?\n]+/g)) {
			const rule = newRuleWhen.test(m[0]) ? newRuleWhat.exec(m[0]) : null;
			if (rule)
				claims.push({
					kind: 'notice',
					tier: 0,
					start: m.index + rule.index,
					end: m.index + rule.index + rule[0].length,
					routine: false
				});
		}
	}
	// An outage or a closure explained by works is routine, unless someone is said to hide something.
	if (hazards) {
		for (const f of hazardFrames)
			if (on[f.gate])
				for (const m of firstMatches(plain, f.pattern))
					claim('alarm', 1, m, utility.test(m[0]) && works.test(sentenceOf(m.index).text));
	}
	if (closures)
		for (const m of firstMatches(plain, closure)) claim('alarm', 2, m, works.test(sentenceOf(m.index).text));
	if (covered) for (const m of firstMatches(plain, coveredHazard)) claim('alarm', 3, m);
	if (!claims.length) return done(found);

	// Never with a named source (in a sentence that is not a question), a question or a denial.
	if (
		((rejection.test(plain) || calming.test(plain)) && !markedUp()) ||
		(scamWarning.test(plain) && !chained() && !markedUp() && !insisted())
	)
		return done(found);
	if (!markedUp() && !chained()) {
		for (const m of firstMatches(plain, official)) if (!asked(sentenceOf(m.index).text)) return done(found);
		if (!urged()) for (const m of plain.matchAll(/[^.!?\n]+[.!?\n]*/g)) if (asked(m[0])) return done(found);
	}
	// Someone who saw it or called the services reports what is happening, unless they say it is hidden.
	const seen = !markedUp() && witnessed.test(plain);
	const level = markedUp() ? 3 : shared() || insisted() || heard() ? 2 : urged() ? 1 : 0;
	for (const c of claims) {
		if (c.tier > level || (c.tier > 0 && (seen || (c.routine && !markedUp()))) || doubted(c.start, true)) continue;
		add(c.kind, c.start, c.end);
	}
	return done(found);
}

const newRuleWhen =
	/(?<![a-z])(?:od (?:przyszlego|nowego|tego|kolejnego) (?:roku|miesiaca|tygodnia|sezonu)|od (?:tej |przyszlej |nastepnej )?(?:zimy|jesieni|wiosny|lata)|od (?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrzesnia|pazdziernika|listopada|grudnia|poniedzialku|jutra|dzis|dzisiaj|teraz)|od 20\d\d|od \d{1,2}[./]\d{1,2})(?![a-z])/;
const newRuleWhat =
	/(?<![a-z])(?:podat\S*|oplat\S*|kar(?:a|y|e)|mandat\S*|zakaz\S*|obowiazk\S*|obowiazkow\S*|nakaz\S*|likwid\S*|wstrzym\S*|zabier\S*|odcina\S*|limit\S*|zajmuje|zajmie)(?![a-z])/;

const done = (found: Finding[]) => found.sort((a, b) => a.start - b.start);
