/**
 * Demo data: Norddjurs Kommune, the eight recommendations of the §17, stk. 4-udvalg on retention and
 * recruitment (source: /work/shared/seeds/001_eab686b178f8ee2e.txt).
 *
 * The recommendation texts are the document's own (PDF hyphenation and page furniture removed).
 * Invented for the demo ("Eksempeldata"): the adoption date, lifecycle states, follow-up item states,
 * actual spend, status updates, all KPIs and their values, and the split of Anbefaling 3's
 * 1 mio. kr. over 2024/2025.
 */
import type { SeedOrganisation } from './types';

const decision = {
	date: '2023-06-20',
	body: 'Byrådet',
	kind: 'consensus',
	dissentText: null
} as const;

const welfareProfessions = 'Sygeplejerske, pædagog, pædagogisk assistent samt social- og sundhedshjælper og -assistent';

export const norddjurs: SeedOrganisation = {
	slug: 'norddjurs',
	name: 'Norddjurs Kommune',
	municipalityCode: 707,
	programmes: [
		{
			name: '§17, stk. 4-udvalget om fastholdelse og rekruttering',
			body: 'Byrådet',
			description: `I forbindelse med budgetaftalen 2023-2026 blev det besluttet at nedsætte et §17, stk. 4-udvalg om forstærket indsats for fastholdelse og rekruttering med fokus på Socialområdet og Sundhed og Omsorg. Udvalget har bestået af repræsentanter fra det politiske niveau, forvaltningsniveau, medarbejderniveau, de faglige organisationer samt eksterne samarbejdspartnere fra uddannelsesinstitutionerne. Udvalget har mødtes tre gange i perioden 3. marts til 19. april 2023.

Udvalgets drøftelser har centreret sig om fem hovedtemaer:

- Uddannelse – før, under og efter
- Tidlig interesse for fagene
- Ledelse som fag
- Fra ledighed til uddannelse til fastansættelse
- Fastholdelse af medarbejdere

Med afsæt i de fem hovedtemaer og på baggrund af udvalgets drøftelser er der udarbejdet otte anbefalinger, som skal bidrage til at styrke fastholdelses- og rekrutteringsindsatsen på Velfærdsområdet i Norddjurs Kommune.

Anbefalingerne fokuserer primært på de velfærdsfag, som falder ind under Socialområdet samt Sundhed og Omsorg, det vil sige sygeplejerske, pædagog, pædagogisk assistent samt social- og sundhedshjælper og -assistent. Udfordringerne med fastholdelse og rekruttering inden for disse fag er størst på Socialområdet og i Sundhed og Omsorg, hvorfor udvalgets arbejde også har været afgrænset hertil. I nogle tilfælde kan anbefalingerne være overførbare til andre faggrupper inden for Velfærdsområdet. Under de enkelte anbefalinger fremgår det, hvilke professioner de omhandler.`,
			adoptedOn: '2023-06-20',
			minutesReference: null,
			themes: [
				// ------------------------------------------------------------------ Ledelse som fag
				{
					name: 'Ledelse som fag',
					description: `Den aktuelle situation med stor personaleomsætning af ledere og vanskeligheder med at rekruttere nye ledere på Velfærdsområdet, sammenholdt med stigning i såvel opgavemængde som kompleksitet, kalder på (endnu) mere faglig og praksisnær ledelse og ledelse på tværs.

I drøftelserne i §17, stk. 4-udvalget peger flere på, at ledernes arbejdsmiljø, herunder muligheder for at trække på støttesystemer og funktioner både centralt og decentralt i organisationen, har betydning for såvel ledernes arbejdsmiljø som fastholdelse. Rammer og vilkår for ledere er således centrale og betydningsfulde faktorer i det gode og sunde lederliv og bør behandles særskilt og på tværs i Norddjurs Kommune. Vilkår og rammer for ledere falder udenfor udvalgets kommissorium, hvorfor udvalget anbefaler, at dette drøftes i regi af direktionen.

§17, stk. 4-udvalget anbefaler, at der i de kommende år skal ske en fokuseret investering i udvikling og opbygning af en robust og solid ledelseskapacitet på Velfærdsområdet, som både kan bedrive personaleledelse, drifts- og økonomisk ledelse samt udviklings- og innovationsledelse.

Med det som afsæt består de underliggende konkrete anbefalinger af følgende:

- Anbefaling 1: Ny i ledelse på Velfærdsområdet
- Anbefaling 2: Ledelsesspænd på Velfærdsområdet
- Anbefaling 3: Ledelsesudvikling`,
					recommendations: [
						{
							number: 1,
							title: 'Ny i ledelse i Norddjurs Kommune',
							shortName: 'Før-lederforløb',
							intro: `Som ny leder kan det være svært at komme ind i en organisations kultur, ligesom overgangen fra medarbejder/kollega til leder kan være vanskelig, hvis man er internt rekrutteret.`,
							purpose: `Opbygning af robust og solid ledelseskapacitet på Velfærdsområdet gennem a) rekruttering af kommende ledere blandt nuværende medarbejdere med talent for og lyst til ledelse samt b) solid introduktion til ledelsesopgaven.`,
							goal: `Flere nye ledere rekrutteres internt, og at nye ledere bliver klædt grundigt på til ledelsesopgaven.`,
							actions: `Der nedsættes en styregruppe, som skal udvikle, gennemføre og evaluere et før-lederforløb for 15-20 potentielle ledere på Velfærdsområdet med opstart i 2024 samt udarbejde forskellige koncepter for modtagelse/introduktion af nye ledere.

Arbejdsgruppen har følgende opgaver:

- Udvikle, gennemføre og evaluere et koncept for et før-lederforløb. Forløbet skal som minimum indeholde temaerne: Fra kollega til leder; sparring og netværk; samt have et afklarende sigte ift. om medarbejderen ønsker at gå ledervejen
- Drøfte hvordan der sikres tilslutning til et før-lederforløb, herunder udvikle konkrete guides til ledere ift. at kunne identificere 'potentielle ledere' blandt egne medarbejdere fx ”Hvordan spotter man ledertalent?”
- Drøfte og beslutte hvilke forpligtigelser og bindinger, der er forbundet med indstilling til og deltagelse i forløbet, herunder at der ikke er garanti for et lederjob efter gennemført for-forløb
- Udarbejde et fælles koncept for onboardingforløb for nye ledere (både internt og eksternt rekrutteret)
- Beskrive og udvikle et koncept for mentorordning de første seks måneder for alle ledere, som er nye ledere i Norddjurs Kommune uanset erfaring med ledelse eller ej
- Beskrive og udvikle model for exitsamtaler, herunder systematisk opsamling og videndeling
- Beskrive hvordan en ”leder-potentiale-bank” kan operationaliseres mhp. videndeling

Når første forløb er gennemført og evalueret, tages der stilling til, om forløbet skal gentages i 2025. I vurderingen indgår den aktuelle efterspørgsel på ledere på Velfærdsområdet.`,
							targetProfessions:
								'Potentielle og nye ledere på Velfærdsområdet (medarbejdere med talent for og lyst til ledelse)',
							baselineDescription: 'Andel ledere på Velfærdsområdet rekrutteret internt i 2022.',
							followUpPeriod: '2025',
							followUpText: `2025

- Måling på andel af nye ledere rekrutteret internt
- Tilfredshedsmåling af onboarding-forløb
- Evaluering af mentorforløb
- Opsamling på exit-samtaler
- Evaluering af Leder-potentiale-bank`,
							resourcesText: `Deltagerbetaling til forløbet finansieres centralt i 2024. Det anslås, at det vil kunne dækkes af en ramme på 200.000 kr. til gennemførelse af forløbet. Øvrige omkostninger (tid, transport, vikardækning etc.) finansieres via egne eksisterende budgetter. Derudover afsættes tid og ressourcer hos en intern konsulent/projektleder på velfærdsområdet.`,
							nextStep: `Der nedsættes en styregruppe på Velfærdsområdet bestående af tre aftaleholdere og to afdelingsledere. Der udpeges en intern konsulent/projektleder fra Velfærdsområdet, som driver og faciliterer arbejdet i styregruppen og processen. Styregruppen referer til Velfærdsdirektøren under inddragelse af chefgruppen på Velfærdsområdet.`,
							responsible: 'Intern konsulent/projektleder, Velfærdsområdet',
							reportsTo: 'Velfærdsdirektøren',
							lifecycle: 'in_progress',
							decision,
							followUpItems: [
								{
									title: 'Stillingtagen til om før-lederforløbet skal gentages i 2025',
									duePeriod: '2024-H2',
									state: 'done'
								},
								{
									title: 'Måling på andel af nye ledere rekrutteret internt',
									duePeriod: '2025',
									state: 'done'
								},
								{ title: 'Tilfredshedsmåling af onboarding-forløb', duePeriod: '2025', state: 'done' },
								{ title: 'Evaluering af mentorforløb', duePeriod: '2025', state: 'done' },
								{ title: 'Opsamling på exit-samtaler', duePeriod: '2025', state: 'in_progress' },
								{ title: 'Evaluering af Leder-potentiale-bank', duePeriod: '2025', state: 'postponed' }
							],
							budgetLines: [
								{
									year: 2024,
									amountKr: 200_000,
									category: 'activities',
									funding: 'central_pool',
									note: 'Deltagerbetaling til før-lederforløbet (central finansiering)'
								}
							],
							budgetActuals: [{ year: 2024, amountKr: 188_000, note: 'Eksempeldata' }],
							statusUpdates: [
								{
									period: '2024',
									body: 'Det første før-lederforløb blev gennemført i 2024 med 18 deltagere fra Sundhed og Omsorg og Socialområdet. Koncepterne for onboarding og mentorordning er udarbejdet og taget i brug. Andelen af nye ledere, der er rekrutteret internt, steg til 35 pct. (28 pct. i 2022).'
								},
								{
									period: '2025',
									body: 'I 2025 blev 41 pct. af de nye ledere rekrutteret internt, og målet på 40 pct. er dermed nået. Onboarding og mentorforløb er evalueret med gode resultater. Opsamlingen på exit-samtalerne er i gang, mens evalueringen af leder-potentiale-banken er udskudt til 2026.'
								}
							],
							kpis: [{ name: 'Andel nye ledere rekrutteret internt', primary: true }],
							assignedTo: ['projektleder']
						},
						{
							number: 2,
							title: 'Ledelsesspænd på Velfærdsområdet',
							shortName: 'Ledelsesspænd',
							intro: `Ledelsesspænd er en blandt flere centrale faktorer, som påvirker den enkelte leders muligheder for at bedrive ledelse. Med denne anbefaling sættes der fokus på ledelsesspænd, som er det antal medarbejdere, en leder har ledelsesansvar overfor.`,
							purpose: `Undersøge hvad det optimale ledelsesspænd på Velfærdsområdet i Norddjurs Kommune er.`,
							goal: `At der udarbejdes anbefalinger for ledelsesspænd på Velfærdsområdets mangefacetteret ledelsesfunktioner.`,
							actions: `Kortlægning, analyse og drøftelse af det optimale ledelsesspænd på tværs af Velfærdsområdet.

Analysedesignet skal inkorporere forskellige typer af kompleksitet, f.eks.

- Omfang af borgersager,
- Omfang af faggrupper,
- Geografi (leder af flere adresser),
- Ledernes muligheder for træk på støttefunktioner mv.

Analysedesignet skal indeholde både kvantitative og kvalitative elementer.

Analysen drøftes og kvalificeres med og af aftaleholdergrupperne på Velfærdsområdet. Efterfølgende sendes analysen til politisk orientering på Velfærdsområdet, hvor der politisk tages stilling til næste skridt.`,
							targetProfessions: 'Ledere på Velfærdsområdet',
							baselineDescription: 'Nuværende ledelsesspænd (2023).',
							followUpPeriod: null,
							followUpText: `Opfølgning fastlægges, når der er kendskab til analysens resultater og den efterfølgende politiske stillingtagen.`,
							resourcesText: `Der afsættes tid til kortlægning og analyse i efteråret 2023 hos en konsulent på Velfærdsområdet.`,
							nextStep: `Udpegning af konsulent på Velfærdsområdet. Præsentation af analysen i chefgruppen på Velfærdsområdet samt de tre aftaleholdergrupper i foråret 2024. Herefter sendes analysen til politisk orientering i Voksen- og Plejeudvalget og Børne- og Ungdomsudvalget. Opgaven refererer til Velfærdsdirektøren.`,
							responsible: 'Konsulent, Velfærdsområdet',
							reportsTo: 'Velfærdsdirektøren',
							lifecycle: 'in_progress',
							decision,
							followUpItems: [
								{
									title: 'Kortlægning og analyse af ledelsesspænd',
									duePeriod: '2024-H1',
									state: 'done'
								},
								{ title: 'Politisk orientering om analysen', duePeriod: '2024-H1', state: 'done' },
								{
									title: 'Opfølgning fastlægges efter politisk stillingtagen',
									duePeriod: '2025',
									state: 'in_progress'
								}
							],
							budgetLines: [],
							budgetActuals: [],
							statusUpdates: [
								{
									period: '2024',
									body: 'Kortlægningen og analysen af ledelsesspænd blev afsluttet i foråret 2024 og drøftet i chefgruppen og de tre aftaleholdergrupper. Analysen blev i juni 2024 sendt til politisk orientering i Voksen- og Plejeudvalget og Børne- og Ungdomsudvalget.'
								},
								{
									period: '2025',
									body: 'Udvalgene tog analysen til efterretning. Analysens anbefalinger om ledelsesspænd indgår nu, når ledelsesstrukturen i de enkelte områder tilpasses. Chefgruppen følger op i forbindelse med budget 2026.'
								}
							],
							kpis: [],
							assignedTo: []
						},
						{
							number: 3,
							title: 'Ledelsesudvikling',
							shortName: 'Ledelsesudvikling',
							intro: `I denne anbefaling sættes der fokus på ledelse af fremtidens velfærdsopgaver – faglig og praksisnær ledelse, samt styrkelse af relationer og samarbejde på tværs.`,
							purpose: `Opbygning og (videre)udvikling af robust ledelseskapacitet på velfærdsområdet.`,
							goal: `Fastholdelse og udvikling af ledere samt styrkelse af ledelses- og samarbejdsrelationer på tværs af Velfærdsområdet.`,
							actions: `Der nedsættes en styregruppe, som har ansvar for udvikling og gennemførelse af et fælles ledelsesudviklingsforløb ”Faglig og praksisnær ledelse og samarbejde af velfærd på tværs”, for alle ledere på Velfærdsområdet (afdelingsledere, aftaleholdere, chefer). Deltagelse i forløbet er obligatorisk.

Styregruppen har følgende opgaver:

- I samarbejde med en eller flere eksterne udbydere at designe et ledelsesudviklingsforløb på Velfærdsområdet med opstart i foråret 2024
- Forløbet skal som minimum indeholde følgende temaer og elementer: Faglig og praksisnær ledelse; ledelses på tværs; ledelses af fremtidens velfærd; samt sparrings- og netværksgrupper. Der skal indgå relaterbare cases fra virkeligheden i Norddjurs Kommune i forløbet. Forløbet består af et antal kursusdage i 2024 (og evt. 2025)
- Som en central del af forløbet indgår forpligtende deltagelse i tværgående netværk- og sparringsgruppe i 2024 (+2025)
- Forløbet skal designes på en måde, så det er attraktivt at deltage både for den erfarne og nye leder, ligesom det skal kunne rumme de forskellige ledelsesniveauer`,
							targetProfessions: 'Alle ledere på Velfærdsområdet (afdelingsledere, aftaleholdere, chefer)',
							baselineDescription: '',
							followUpPeriod: '2025',
							followUpText: `Evaluering af forløbet i 2025.`,
							resourcesText: `Der afsættes en central pulje på 1. mio. kr. til udvikling og gennemførsel af det ledelsesfaglige forløb for alle ledere på Velfærdsområdet (aktuelt ca. 110 personer i formelle ledelsesfunktioner). Øvrige omkostninger (tid, transport mv.) finansieres via egne eksisterende budgetter. Der afsættes tid i efteråret 2023 + foråret 2024 hos en konsulent på Velfærdsområdet til at lede processen.`,
							nextStep: `Nedsættelse af en styregruppe på fem personer bestående af erfarne ledere og konsulenter med indsigt i ledelsesteori og -praksis. Der udpeges en intern konsulent/projektleder, som skal drive styregruppen og processen. Styregruppen refererer til Chefgruppen på Velfærdsområdet.`,
							responsible: 'Intern konsulent/projektleder, Velfærdsområdet',
							reportsTo: 'Chefgruppen på Velfærdsområdet',
							lifecycle: 'in_progress',
							decision,
							followUpItems: [
								{
									title: 'Opstart af ledelsesudviklingsforløbet',
									duePeriod: '2024-H1',
									state: 'done'
								},
								{ title: 'Evaluering af forløbet', duePeriod: '2025', state: 'done' }
							],
							budgetLines: [
								{
									year: 2024,
									amountKr: 600_000,
									category: 'activities',
									funding: 'central_pool',
									note: 'Central pulje på 1 mio. kr. til ledelsesudviklingsforløbet; fordelingen på 2024 og 2025 er illustrativ'
								},
								{
									year: 2025,
									amountKr: 400_000,
									category: 'activities',
									funding: 'central_pool',
									note: 'Central pulje på 1 mio. kr. til ledelsesudviklingsforløbet; fordelingen på 2024 og 2025 er illustrativ'
								}
							],
							budgetActuals: [
								{ year: 2024, amountKr: 568_000, note: 'Eksempeldata' },
								{ year: 2025, amountKr: 391_500, note: 'Eksempeldata' }
							],
							statusUpdates: [
								{
									period: '2024',
									body: 'Ledelsesudviklingsforløbet startede i foråret 2024 for ca. 110 ledere fordelt på fire hold med tværgående netværks- og sparringsgrupper. Deltagerne vurderer forløbet positivt. Personaleomsætningen blandt ledere faldt dog kun lidt, fra 16,0 til 15,2 pct.'
								},
								{
									period: '2025',
									body: 'Forløbet blev afsluttet og evalueret i 2025, og netværksgrupperne fortsætter. Personaleomsætningen blandt ledere er 14,9 pct. og dermed et godt stykke fra målet på 12 pct. Chefgruppen drøfter, hvordan vilkår og rammer for ledere kan indgå i det videre arbejde.'
								}
							],
							kpis: [{ name: 'Personaleomsætning blandt ledere, Velfærdsområdet', primary: true }],
							assignedTo: []
						}
					]
				},
				// ------------------------------------------------------------------ Unge i velfærdsfagene
				{
					name: 'Unge i velfærdsfagene',
					description: `Denne anbefaling tager afsæt i at flere forlader velfærdsfagene og tilgangen til velfærdsuddannelserne er faldende samtidig med at andelen af ældre, samt borgere med særlige behov, stiger. Der skal derfor arbejdes fokuseret med udbredelse af viden om og indsigt i fagene, og at interessen for velfærdsfagene øges blandt børn og unge.

Over 300 personer er årligt i et praktikforløb på en eller flere arbejdspladser i Norddjurs Kommune i forbindelse med deres uddannelse. Fælles for dem alle er, at de efter endt uddannelse skal have et job. Praktikanter skal derfor ses som et rekrutteringspotentiale, og en positiv oplevelse af praktikforløbet øger sandsynligheden for, at de søger tilbage til Norddjurs Kommune efter endt uddannelse.

Med det som afsæt består de underliggende konkrete anbefalinger af følgende:

- Anbefaling 4: Tidlig interesse for velfærdsfagene
- Anbefaling 5: En attraktiv studietid- og praktiktid`,
					recommendations: [
						{
							number: 4,
							title: 'Tidlig interesse for velfærdsfagene',
							shortName: 'Tidlig interesse',
							intro: `Anbefalingen fokuserer på at styrke samarbejdet mellem grundskolen, uddannelsesinstitutionerne og velfærdsfagene ved at tilbyde forløb for børn og unge, som skal fremme interessen og give øget indsigt i velfærdsfagene. I denne anbefaling henviser velfærdsfagene til sygeplejerskeuddannelsen, pædagoguddannelsen, uddannelsen til pædagogisk assistent samt social- og sundhedsuddannelserne, da interessen til disse fag i særlig grad er faldende.`,
							purpose: `At fremme børn og unges interesse for velfærdsfagene.`,
							goal: `At flere ønsker at uddanne sig indenfor velfærdsfagene.`,
							actions: `Der ansættes en deltidsprojektleder i et år, som skal igangsætte og koordinere en række indsatser og forløb til børn og unge i grundskolen. I tilknytning til funktionen oprettes en sparringsgruppe med medarbejdere fra Sundhed og Omsorg, Socialområdet, Skole- og Dagtilbud samt relevante repræsentanter fra uddannelsesinstitutioner, som uddanner social- og sundhedsmedarbejdere, sygeplejersker, pædagogiske assistenter og pædagoger. Funktionen samarbejder desuden med allerede eksisterende instanser både i og udenfor kommunen, som arbejder med lignende initiativer og aktiviteter.

Deltidsprojektlederen og sparringsgruppen udarbejder koncepter for tre praktikaktiviteter for elever i grundskolen. Koncepterne er tilbud, som grundskolen selv har mulighed for at vælge til:

- Erhvervspraktik i 8. og 9. klasse på Velfærdsområdet: Erhvervspraktik for elever i 8. og 9. klasse i uge 43 på enheder i Sundhed og Omsorg og Socialområdet. I praktikken afprøver eleverne social- og sundhedsfagene, sygeplejefaget samt de pædagogiske fag. I løbet af praktikken introduceres elever til fagene, og de er med til løse nogle af de opgaver, man har som ansat på Velfærdsområdet
- Junior-praktikdag: Praktikdag for elever i 5. eller 6. klasse hvor en hel klasse får mulighed for at besøge f.eks. et plejecenter, aktivitetssted eller botilbud på Velfærdsområdet. Her bliver de vist rundt og introduceret til arbejdsopgaverne og fagligheden. Junior-praktikdagen skal være tilgængelig på Skoletjenesten Norddjurs, som er et samlet overblik over undervisningstilbud fra udbydere i kommunen
- Projektuge om velfærdsfagene: Projektuge for elever i 8. eller 9. klasse hvor en hel klasse i løbet af en uge får en grundigere introduktion til velfærdsfagene. Udover besøg på en enhed på Velfærdsområdet skal eleverne besøge f.eks. Social- og Sundhedsskolen i Randers/Grenaa eller VIA for at møde nogle af de studerende og se skolerne. I løbet af projektugen skal eleverne arbejde med en relevant problemstilling fra Velfærdsområdet. Introduktionen til fagene og problemstillingen kobles op med den almindelige skoleundervisning f.eks. idræt, dansk, madkundskab eller videoproduktion. Projektugen skal være tilgængelig på Skoletjenesten Norddjurs

Deltidsprojektlederen skal desuden arbejde med og undersøge mulighederne for at videreudvikle/udbrede rekrutteringsprojektet ’De unge spirer’.

- Sundhed og Omsorg oprettede i 2021 spirejobs til de 16-18-årige på alle plejecentre. Dette omfatter fritidsjobs, hvor de unge arbejder 1-2 hverdage om ugen i ca. 2 timer ad gangen i tidsrummet 15-19. Ansættelserne har til formål at vække interessen for velfærdsuddannelserne blandt de unge. Det nuværende projekt i Sundhed og Omsorg løber indtil september 2023. Deltidsprojektlederen skal stå for evalueringen af projektet. Herefter tilpasses forløbet, og der laves en undersøgelse af muligheden for at udbrede projekt ”De unge spirer” til Socialområdet

Deltidsprojektlederen har en koordinerende funktion og står for, i samarbejde med relevante aktører og samarbejdspartnere, at etablere, gennemføre og evaluere de indsatser, som afholdes i løbet af perioden.`,
							targetProfessions: welfareProfessions,
							baselineDescription: 'Nuværende indsatser.',
							followUpPeriod: '2024-H2',
							followUpText: `Efteråret 2024.`,
							resourcesText: `Der afsættes 100.000 kr. til aktiviteter og eventuelle kampagner. Derudover afsættes 300.000 kr. til en deltidsprojektleder i et år. Deltagelse i møder mv. finansieres af egne budgetter.`,
							nextStep: `Sparringsgruppen starter arbejdet i efteråret 2023 og deltidsprojektlederen tilknyttes fra 2024. Der refereres til chefgruppen på Velfærdsområdet.`,
							responsible: 'Deltidsprojektleder og sparringsgruppe, Velfærdsområdet',
							reportsTo: 'Chefgruppen på Velfærdsområdet',
							lifecycle: 'in_progress',
							decision,
							followUpItems: [
								{
									title: 'Evaluering af projektet ’De unge spirer’',
									duePeriod: '2024-H1',
									state: 'done'
								},
								{ title: 'Evaluering af indsatserne', duePeriod: '2024-H2', state: 'done' }
							],
							budgetLines: [
								{
									year: 2024,
									amountKr: 300_000,
									category: 'salary',
									funding: 'central_pool',
									note: 'Deltidsprojektleder i et år'
								},
								{
									year: 2024,
									amountKr: 100_000,
									category: 'activities',
									funding: 'central_pool',
									note: 'Aktiviteter og eventuelle kampagner'
								}
							],
							budgetActuals: [{ year: 2024, amountKr: 372_000, note: 'Eksempeldata' }],
							statusUpdates: [
								{
									period: '2024',
									body: 'Deltidsprojektlederen startede i januar 2024 og evaluerede først projektet ’De unge spirer’. 48 elever var i erhvervspraktik på Velfærdsområdet i uge 43, og junior-praktikdagen og projektugen ligger nu på Skoletjenesten Norddjurs.'
								},
								{
									period: '2025',
									body: 'Projektlederfunktionen ophørte ved udgangen af 2024, og aktiviteterne drives nu af sparringsgruppen og enhederne. 58 elever var i erhvervspraktik i 2025, tæt på målet på 60.'
								}
							],
							kpis: [{ name: 'Elever i erhvervspraktik på Velfærdsområdet', primary: true }],
							assignedTo: []
						},
						{
							number: 5,
							title: 'En attraktiv studie- og praktiktid',
							shortName: 'Praktik- og studiekoordinator',
							intro: `Fokus er på at styrke aktiviteter og forhold for studerende og elever, mens de er i praktik (erhvervsuddannelsesniveau) og studerende (professionsbachelorniveau) på Velfærdsområdet i Norddjurs Kommune. I denne anbefaling henviser velfærdsfagene til sygeplejerskeuddannelsen, pædagoguddannelsen, uddannelsen til pædagogisk assistent, læreruddannelsen samt social- og sundhedsuddannelserne.`,
							purpose: `At gøre Norddjurs Kommune til et attraktivt sted at være i praktik og studerende - både fagligt og læringsmæssigt.`,
							goal: `At flere vender tilbage til Norddjurs Kommunes arbejdspladser efter endt uddannelse.`,
							actions: `Der ansættes en praktik- og studiekoordinator i en toårig projektperiode, som skal beskæftige sig med rekrutteringsfremmende aktiviteter og tiltag samt gennemføre analyser og undersøgelser om, hvad der fremmer fastholdelse og rekruttering af personer, som får kendskab til Norddjurs Kommune via deres uddannelsesforløb.

Praktik- og studiekoordinatoren skal i projektperioden undersøge følgende:

- Behovet for studieboliger blandt studerende og praktikanter i Norddjurs Kommune, herunder mulighederne for midlertidige studieboliger i eksisterende, tomme bygninger i kommunen eller andre alternativer
- Hvad praktikanter og studerende lægger vægt på, når de vælger/fravælger Norddjurs Kommune som praktik- og uddannelsessted

Derudover skal praktik- og studiekoordinatoren beskæftige sig med følgende:

- Udvikle og afholde studiefremmende aktiviteter for elever og studerende, som bidrager til at gøre Norddjurs Kommune til et attraktivt sted at være under uddannelse. Aktiviteterne skal gå på tværs og tilbydes til praktikanter og studerende på hele Velfærdsområdet
- Arbejde med rekrutteringsfremmende aktiviteter, som har til formål at vise Velfærdsområdets arbejdspladser frem, så elever og studerende bliver hjulpet godt på vej til ansættelse i Norddjurs Kommune efter endt uddannelse. F.eks. jobmatch-arrangementer eller besøg på enhederne på Velfærdsområdet
- Drive et brugerdrevet udvalg med repræsentanter, som er under uddannelse eller i praktik på Velfærdsområdet i Norddjurs Kommune, så der sikres inddragelse af de unge i planlægning og eksekvering af aktiviteterne`,
							targetProfessions:
								'Sygeplejerske, pædagog, pædagogisk assistent, lærer samt social- og sundhedshjælper og -assistent (elever og studerende)',
							baselineDescription: 'Tilfredshedsmålinger efter studie- og praktikophold i Norddjurs Kommune.',
							followUpPeriod: '2025',
							followUpText: `2025`,
							resourcesText: `Der afsættes 100.000 kr. til studiefremmende aktiviteter på tværs af Velfærdsområdet i 2024-2025. Derudover afsættes 800.000 kr. til ansættelse af en praktik- og studiekoordinator i en toårig periode. Funktionen skal samarbejde med eksisterende aktører på Velfærdsområdet, som arbejder med praktikanter og studerende (f.eks. praktikvejledere, uddannelseskonsulenter, praktikkoordinatorer mv). Indsatsen forløber i 2024-2025.`,
							nextStep: `Der ansættes en praktik- og studiekoordinator, og der nedsættes et brugerdrevet udvalg.`,
							responsible: 'Praktik- og studiekoordinator, Velfærdsområdet',
							reportsTo: 'Chefgruppen på Velfærdsområdet',
							lifecycle: 'in_progress',
							decision,
							followUpItems: [
								{
									title: 'Undersøgelse af behovet for studieboliger',
									duePeriod: '2024-H2',
									state: 'done'
								},
								{
									title:
										'Undersøgelse af hvad praktikanter og studerende lægger vægt på i valget af praktik- og uddannelsessted',
									duePeriod: '2024-H2',
									state: 'done'
								},
								{ title: 'Evaluering af projektperioden', duePeriod: '2025', state: 'in_progress' }
							],
							budgetLines: [
								{
									year: 2024,
									amountKr: 400_000,
									category: 'salary',
									funding: 'central_pool',
									note: 'Praktik- og studiekoordinator (800.000 kr. over to år)'
								},
								{
									year: 2025,
									amountKr: 400_000,
									category: 'salary',
									funding: 'central_pool',
									note: 'Praktik- og studiekoordinator (800.000 kr. over to år)'
								},
								{
									year: 2024,
									amountKr: 50_000,
									category: 'activities',
									funding: 'central_pool',
									note: 'Studiefremmende aktiviteter (100.000 kr. i 2024-2025)'
								},
								{
									year: 2025,
									amountKr: 50_000,
									category: 'activities',
									funding: 'central_pool',
									note: 'Studiefremmende aktiviteter (100.000 kr. i 2024-2025)'
								}
							],
							budgetActuals: [
								{ year: 2024, amountKr: 412_000, note: 'Eksempeldata' },
								{ year: 2025, amountKr: 447_000, note: 'Eksempeldata' }
							],
							statusUpdates: [
								{
									period: '2024',
									body: 'Praktik- og studiekoordinatoren blev ansat i februar 2024, og det brugerdrevne udvalg har holdt fire møder. Undersøgelserne af behovet for studieboliger og af, hvad praktikanter lægger vægt på, er afsluttet. Tilfredsheden steg til 4,0 i andet halvår, og 14 pct. af de studerende vendte tilbage efter endt uddannelse.'
								},
								{
									period: '2025',
									body: 'Der er holdt jobmatch-arrangementer og fælles studieaktiviteter på tværs af Velfærdsområdet. 18 pct. vendte tilbage efter endt uddannelse mod målet på 20 pct., og tilfredsheden er 4,2. Projektperioden udløb ved årsskiftet, og evalueringen afsluttes i 2026.'
								}
							],
							kpis: [
								{
									name: 'Andel studerende der vender tilbage efter endt uddannelse',
									primary: true
								},
								{ name: 'Tilfredshed blandt praktikanter og studerende', primary: false }
							],
							assignedTo: []
						}
					]
				},
				// ------------------------------------------------------------------ Fra ledighed til uddannelse
				{
					name: 'Fra ledighed til uddannelse til fastansættelse',
					description: `Norddjurs Kommune har store udfordringer med at rekruttere medarbejdere til dele af Velfærdsområdet. Samtidig har kommunen en arbejdskraftreserve med aktivitetsparate borgere, som har svært ved at få fodfæste på arbejdsmarkedet. Udviklingen i antal ledige forventes desuden at stige yderligere frem mod 2024. Nogle af de ledige borgere vil kunne få glæde af en indsats, som kan hjælpe dem godt i gang med job eller uddannelse på Velfærdsområdet, hvor der er ledige jobs.

Med det som afsæt består den underliggende konkrete anbefaling af følgende:

- Anbefaling 6: Ledige uddannes til velfærdsfagene`,
					recommendations: [
						{
							number: 6,
							title: 'Ledige til velfærdsfagene',
							shortName: 'Ledige til velfærdsfagene',
							intro: `Anbefalingen fokuserer på at få ledige borgere, der er motiverede for et brancheskifte, til at arbejde eller uddanne sig indenfor velfærdsfagene i Sundhed og Omsorg og på Socialområdet.

Indsatsen skal undersøge, hvordan der i et samarbejde med Arbejdsmarkedsområdet og relevante uddannelsesinstitutioner kan tilrettelægges en job- og uddannelsesindsats for ledige borgere, som klæder dem på til at kunne varetage et job eller gennemføre en uddannelse (her meritpædagoguddannelsen, uddannelsen til pædagogisk assistent samt social- og sundhedsuddannelserne).`,
							purpose: `Undersøge om og hvordan der kan tilrettelægges en job- og uddannelsesindsats, som kan hjælpe ledige borgere godt i gang med job eller uddannelse indenfor velfærdsfagene.`,
							goal: `Beskrive en bæredygtig job- og uddannelsesindsats for ledige målrettet velfærdsfagene.`,
							actions: `Nedsættelse af en arbejdsgruppe bestående af repræsentanter fra Arbejdsmarkedsområdet og Velfærdsområdet i Norddjurs Kommune og med inddragelse af repræsentanter fra de relevante uddannelsesinstitutioner. Arbejdsgruppens indledende opgave er:

- At definere målgruppen for en evt. ny job- og uddannelsesindsats herunder, med afsæt i de aktuelle data om ledige borgere med jobmål inden for Socialområdet og Sundhed og Omsorg, tage stilling til, om der er en tilstrækkelig volumen. Herunder undersøge muligheden for at indgå i et evt. samarbejde med Syddjurs Kommune
- Hvis arbejdsgruppen vurderer, at der er grundlag (nok personer i målgruppen) for en indsats, udvikles et koncept for en job- og uddannelsesindsats for ledige rettet mod velfærdsfagene. Konceptet skal forholde sig til og beskrive:
  1. Screening i jobcenteret, hvor borgere interesseret i uddannelse og job indenfor Velfærdsområdet identificeres, og borgerens behov for opkvalificering afdækkes. Som en del af screeningen skal det også afdækkes, om der fra arbejdsgiverperspektivet ses et potentiale i at opkvalificere/uddanne medarbejderen til et fremtidigt job i kommunen
  2. Design af for-forløb, som skal klæde borgeren på til enten at kunne begå sig på en arbejdsplads eller gennemføre en uddannelse på Velfærdsområdet. For-forløbet kan f.eks. indeholde screening af borgerens kompetencer ift. læse- og skrivefærdigheder, sprogundervisning, AMU-kurser, undervisning i nødvendige færdigheder som forflytning, hygiejne, medicin mv. Muligheden for virtuelle læringsforløb som et supplement undersøges
  3. For-forløbet vil have to spor: Et spor rettet mod ufaglærte stillinger til dem, der foretrækker at komme direkte i job; et spor rettet mod uddannelse for dem, som har et ønske om at få job som uddannet medarbejder indenfor Velfærdsområdet
  4. Afklaring af mulige støtteordninger som voksenelevordning, mentorstøtte for at fastholde borgere i job eller uddannelse mv. afdækkes

Job- og uddannelsesindsatsen skal således udvikles i et tæt samarbejde mellem Arbejdsmarkedsområdet, Socialområdet, Sundhed og Omsorg og under inddragelse af de relevante velfærdsuddannelser. Som en del af udviklingen af konceptet, skal det undersøges, hvordan der kan indgås forpligtende samarbejder mellem parterne (Velfærdsområdet ift. efterfølgende job, og uddannelsesinstitutionerne i forhold til omfang af antal kursister).

Resultaterne fra arbejdsgruppens undersøgelse sendes til politisk orientering primo 2024, hvorefter der tages stilling til næste skridt, herunder om forløbet skal afprøves og ressourcer.`,
							targetProfessions:
								'Pædagog (meritpædagoguddannelsen), pædagogisk assistent samt social- og sundhedshjælper og -assistent (ledige borgere)',
							baselineDescription:
								'Borgere som via jobcenteret hjælpes i job eller uddannelse på Velfærdsområdet i dag.',
							followUpPeriod: '2024-H1',
							followUpText: `Primo 2024.`,
							resourcesText: `Arbejdsgruppen ledes af Arbejdsmarkedsområdet. Der stilles sekretariatsbistand fra Velfærdsområdet til rådighed. Arbejdsgruppen skal undersøge mulighederne for at udvikle og implementere en job- og uddannelsesindsats for ledige målrettet velfærdsfagene.

I forbindelse med, at arbejdsgruppens undersøgelse sendes til politisk behandling, skal der tages stilling til, hvorvidt forløbet skal afprøves, samt finansiering og øvrige ressourcer.`,
							nextStep: `Der nedsættes en arbejdsgruppe bestående af repræsentanter fra Arbejdsmarkedsområdet, Socialområdet, Sundhed og Omsorg i Norddjurs Kommune med inddragelse af aktører fra de relevante velfærdsuddannelser. Der stilles sekretariatsbistand til rådighed, som kan bistå med fremdrift på arbejdet.

Arbejdsgruppen opstarter arbejdet i efteråret 2023 og afleverer resultaterne til politisk orientering primo 2024.`,
							responsible: 'Arbejdsmarkedsområdet',
							reportsTo: 'Politisk udvalg (orientering primo 2024)',
							lifecycle: 'in_progress',
							decision,
							followUpItems: [
								{
									title: 'Definition af målgruppen og vurdering af volumen',
									duePeriod: '2023-H2',
									state: 'done'
								},
								{
									title: 'Politisk orientering om arbejdsgruppens undersøgelse',
									duePeriod: '2024-H1',
									state: 'done'
								},
								{ title: 'Evaluering af afprøvningen af for-forløbet', duePeriod: '2025', state: 'done' }
							],
							budgetLines: [],
							budgetActuals: [],
							statusUpdates: [
								{
									period: '2024',
									body: 'Arbejdsgruppens undersøgelse blev sendt til politisk orientering i februar 2024, og det blev besluttet at afprøve et for-forløb med to spor inden for Arbejdsmarkedsområdets eget budget. I fjerde kvartal 2024 var 11 ledige kommet i job eller uddannelse på Velfærdsområdet.'
								},
								{
									period: '2025',
									body: 'Afprøvningen er evalueret, og for-forløbet er overgået til drift i Arbejdsmarkedsområdet. I fjerde kvartal 2025 var 14 borgere i job eller uddannelse på Velfærdsområdet, og niveauet er holdt i 2026.'
								}
							],
							kpis: [{ name: 'Ledige i job eller uddannelse på Velfærdsområdet', primary: true }],
							assignedTo: ['projektleder']
						}
					]
				},
				// ------------------------------------------------------------------ Fastholdelse af medarbejdere
				{
					name: 'Fastholdelse af medarbejdere',
					description: `Fastholdelse af medarbejdere og ledere ligger som et overordnet element i de øvrige anbefalinger vedr. fastholdelse og rekruttering. Med anbefalingerne vedr. ledelsesspænd og ledelsesudvikling er en del af formålet at forbedre og styrke interessen for at (for)blive leder, og derigennem påvirke forholdene for medarbejderne positivt. En øget interesse og søgning til velfærdsuddannelserne vil ligeledes på sigt kunne have en positiv indflydelse på fastholdelse af medarbejdere, da det vil forbedre rekrutteringsmuligheder og derigennem arbejdsvilkår.

Via MED-systemet arbejdes der allerede med trivsel og fastholdelse af medarbejdere på Velfærdsområdet. På TRIO-dagen 2022 blev der blandt andet sat fokus på fastholdelse af medarbejdere med udarbejdelsen af en fælles retning samt dialogmateriale til MED-udvalgene indenfor temaerne Blik for borgeren, Digitale muligheder, En attraktiv arbejdsplads og En stærk fortælling. Derudover har fastholdelse af medarbejdere i dag et stort fokus hos ledelsen på Velfærdsområdet, hvilket blandt andet afspejles i at flere områder har dels strategier og dels indsatser.

Med udgangspunkt i det eksisterende arbejde vil denne anbefaling fokusere på fastholdelse af nuværende medarbejdere gennem øget trivsel, systematisk arbejde med reducering af sygefravær samt mulighed for supervision.

I drøftelserne i § 17 stk. 4-udvalget er der desuden blevet peget på løn, som et vigtigt element i fastholdelsen af medarbejdere. Dette falder uden for udvalgets arbejdsfelt og skal varetages i det lokale forhandlingsregi. Også arbejdstidsfleksibilitet og medindflydelse på egen arbejdstilrettelæggelse har været fremhævet i udvalgets drøftelser i forhold til fastholdelse af medarbejdere. Et emne der allerede i dag er stor ledelsesmæssig opmærksomhed på, og som der arbejdes med at finde gode løsninger på lokalt.

Med det som afsæt består den underliggende konkrete anbefaling af følgende:

- Anbefaling 7: Etablering af et trivselsteam på Velfærdsområdet`,
					recommendations: [
						{
							number: 7,
							title: 'Trivselsteam på Velfærdsområdet',
							shortName: 'Trivselsteam',
							intro: `Sygefraværet er en generel udfordring på Velfærdsområdet. Et højt sygefravær har konsekvenser for både den sygemeldte medarbejder, kollegaerne og trivslen på arbejdspladsen. Et højt sygefravær skaber udfordringer med at løse kerneopgaven hensigtsmæssigt, belaster ledelses- og koordinationsfunktionerne og øger omkostningerne, herunder omkostninger til vikardækning.

Udover at arbejde systematisk med håndtering af sygefravær, er det også afgørende, at der er fokus på trivslen på arbejdspladserne, for at forebygge sygemeldinger, fastholde medarbejderne samt styrke arbejdsglæden.

At styrke trivslen blandt medarbejderne kræver en fokuseret indsats, hvor der sættes ind på flere områder. Det anbefales derfor, at der etableres et trivselsteam på Velfærdsområdet, som skal arbejde med fastholdelse af medarbejdere gennem 1) øget trivsel på arbejdspladserne, 2) systematisk arbejde med reducering af sygefraværet; 3) mulighed for supervision (på gruppeniveau).`,
							purpose: `Formålet med etableringen af et trivselsteam er at fastholde medarbejderne gennem øget trivsel og arbejdsglæde samt reducere/forebygge sygefravær.`,
							goal: `At reducere sygefraværet på Velfærdsområdet, samt øge arbejdsglæden og trivslen.`,
							actions: `Arbejdet med trivsel og sygefravær er komplekst, og det kræver indsatser på flere niveauer og områder. Der etableres et (tværfagligt) trivselsteam på Velfærdsområdet bestående af:

- En trivselskonsulent: Trivselskonsulenten skal understøtte ledelsen i at fremme trivsel, f.eks. ved i samarbejde med den lokale ledelse at facilitere lokalt tilpassede trivselsforløb; afholde oplæg, kurser og workshops i trivselsfremmende aktiviteter mv.
- En sygefraværsrådgiver: Sygefraværsrådgiveren skal understøtte ledelsen i, at der arbejdes systematisk med at reducere sygefraværet på velfærdsområdet på et strategisk niveau. Sygefraværsrådgiverens opgaver kan f.eks. være at understøtte ledelsen i at implementere Norddjurs Kommunes 1-5-14-model i forbindelse med sygefravær, rådgive om lovgivning på området og analysere sygefraværsdata. I forbindelse med langtidsfravær har sygefraværsrådgiveren en særlig rolle ift. at understøtte den enkelte leder i dialogen med Norddjurs Kommunes fastholdelseskonsulenter på Arbejdsmarkedsområdet
- En supervisor: Tilbyde supervision (på gruppeniveau) medarbejdere og ledere på Velfærdsområdet, f.eks. i forbindelse med samarbejdsvanskeligheder i teams, svære borger- eller pårørendeforløb mv. Derudover vil vedkommende skulle understøtte og klæde ledelsen på til at kunne forestå supervision i det daglige

Medarbejderne i trivselsteamet skal arbejde tæt sammen, og der vil være overlap mellem de tre funktioner. Trivselsteamet skal desuden arbejde tæt sammen med centrale funktioner i kommunen, som kan bidrage til at fremme ovenstående indsatser.`,
							targetProfessions: `${welfareProfessions} – alle medarbejdere og ledere på Velfærdsområdet`,
							baselineDescription: `- Sygefravær på Velfærdsområdet 2022/2023
- Data fra trivselsmålinger på Velfærdsområdet 2022/2023`,
							followUpPeriod: '2025',
							followUpText: `2025`,
							resourcesText: `Der afsættes 3,6 mio. kr. til ansættelse af en trivselskonsulent, en sygefraværsrådgiver og en supervisor i en toårig projektperiode.

Forventningen er, at etableringen af et trivselsteam vil reducere omkostningerne til eksterne konsulenthuse, hvor Norddjurs Kommune køber rådgivning til medarbejdere ifm. akut psykologbistand og indsatser, som fremmer samarbejdsforhold på arbejdspladsen.`,
							nextStep: `Der etableres et trivsels- og sygefraværsteam på Velfærdsområdet, som organisatorisk er forankret i Velfærdssekretariatet. Forud for ansættelse udarbejdes funktionsbeskrivelser. Teamet etableres med opstart primo 2024.`,
							responsible: 'Velfærdssekretariatet',
							reportsTo: 'Velfærdsdirektøren',
							lifecycle: 'in_progress',
							decision,
							followUpItems: [
								{
									title: 'Funktionsbeskrivelser og ansættelse af trivselsteamet',
									duePeriod: '2024-H1',
									state: 'done'
								},
								{ title: 'Evaluering af trivselsteamet', duePeriod: '2025', state: 'done' }
							],
							budgetLines: [
								{
									year: 2024,
									amountKr: 1_800_000,
									category: 'salary',
									funding: 'central_pool',
									note: 'Trivselskonsulent, sygefraværsrådgiver og supervisor (3,6 mio. kr. over to år)'
								},
								{
									year: 2025,
									amountKr: 1_800_000,
									category: 'salary',
									funding: 'central_pool',
									note: 'Trivselskonsulent, sygefraværsrådgiver og supervisor (3,6 mio. kr. over to år)'
								}
							],
							budgetActuals: [
								{ year: 2024, amountKr: 1_520_000, note: 'Eksempeldata' },
								{ year: 2025, amountKr: 1_785_000, note: 'Eksempeldata' }
							],
							statusUpdates: [
								{
									period: '2024',
									body: 'Trivselsteamet var fuldt bemandet fra april 2024, og trivselskonsulenten har besøgt halvdelen af enhederne. Sygefraværet faldt fra 7,6 pct. i 2023 til 7,0 pct., og trivselsscoren steg til 70.'
								},
								{
									period: '2025',
									body: '1-5-14-modellen er implementeret i alle enheder, og der er givet supervision til 40 teams. Sygefraværet er 6,7 pct. og trivselsscoren 71 – tæt på, men endnu ikke på målene på 6,5 pct. og 72. Evalueringen anbefaler, at teamet gøres permanent.'
								}
							],
							kpis: [
								{ name: 'Sygefravær, Velfærdsområdet (år)', primary: true },
								{ name: 'Trivselsscore, Velfærdsområdet', primary: true },
								{ name: 'Sygefravær, Velfærdsområdet (måned)', primary: false }
							],
							assignedTo: ['projektleder']
						}
					]
				},
				// ------------------------------------------------------------------ Kommunikation og branding
				{
					name: 'Kommunikation og branding på Velfærdsområdet',
					description: `Den administrative arbejdsgruppe om kommunikation har undersøgt, hvordan der på de tre områder på Velfærdsområdet arbejdes med kommunikation ift. rekruttering. Overordnet set er der stor variation i indsatserne på tværs af områderne - både hvad angår organisering, prioritering, indhold samt eventuelt valg af tilstedeværelse på sociale medier.

Få enheder og områder har en aktiv og målrettet strategi om tilstedeværelse på sociale medier ift. rekruttering og fastholdelse. Kendetegnende for den aktuelle tilgang til arbejdet er, at det er drevet af medarbejdere med interesse for kommunikation og, som har fået tid til at prioritere det.`,
					recommendations: [
						{
							number: 8,
							title: 'Kommunikation',
							shortName: 'Kommunikation',
							intro: `Erfaringer peger på at arbejdet med kommunikation og branding på sociale medier kræver dels prioritet tid men også indsigt i brugen af medierne, både ift. produktion af indhold, valg af medier samt viden om målgruppen. På tværs af enhederne på Velfærdsområdet er der forskellige behov for digital kommunikation og branding. Fælles for alle er, at der efterspørges bistand til at producere indhold samt tilpasse indhold, som passer ind dels i den overordnede kommunikationsstrategi for Norddjurs Kommune og dels i intentionen om at eksponere den gode fortælling om Norddjurs Kommune.`,
							purpose: `At brande Velfærdsområdet, herunder synliggøre de gode historier om, hvorfor Norddjurs Kommune er et attraktivt sted at være ansat.`,
							goal: `At flere får lyst til at arbejde i Norddjurs Kommune.`,
							actions: `Overordnet set anbefaler arbejdsgruppen, at Norddjurs Kommune tager stilling til, hvordan der kan laves en mere solid og dynamisk organisering af kommunikationsarbejdet i Norddjurs Kommune. Desuden skal der udarbejdes en klar strategi for kommunikation på tværs af Velfærdsområdet med en prioritering af medier. Konkret bør der arbejdes med:

- Hvordan enhederne i de enkelte områder kan understøttes, f.eks. i at producere relevant indhold til relevante kanaler (hjemmeside, sociale medier, øvrige kanaler)
- Styrke koordinationen på tværs, der hvor det giver mening
- Genbesøge og opdatere den nuværende kommunikationsstrategi i Norddjurs Kommune med henblik på at styrke rekrutterings- og fastholdelsesindsatser
- Opprioritere ressourcer til at producere professionelt indhold på diverse kanaler
- Tage stilling til opgave- og ansvarsfordeling mellem centralt og decentralt niveau, herunder om den nuværende organisering af kommunikationsarbejdet skaber den rette værdi og synergi for Norddjurs Kommune`,
							targetProfessions: `${welfareProfessions} – potentielle ansøgere til Velfærdsområdet`,
							baselineDescription: 'Nuværende organisering og kommunikationsstrategi',
							followUpPeriod: '2024',
							followUpText: `2024`,
							resourcesText: `Dette vil afhænge af arbejdsgruppens anbefalinger. Det antages, at hvis den samlede kommunikationsindsats skal løftes og styrke rekruttering og fastholdelse, vil det være nødvendigt med en tilføjelse af kommunikationsfaglige ressourcer.`,
							nextStep: `Der nedsættes en arbejdsgruppe bestående af ledere fra Velfærdsområdet og den centrale kommunikationsafdeling. Medarbejdere fra Velfærdsområdet, som i dag beskæftiger sig med kommunikation, vil blive inddraget i arbejdet. Arbejdsgruppen afleverer oplæg til direktionen ultimo september med henblik på stillingtagen til den videre proces.`,
							responsible: 'Arbejdsgruppe med ledere fra Velfærdsområdet og den centrale kommunikationsafdeling',
							reportsTo: 'Direktionen',
							lifecycle: 'in_progress',
							decision,
							followUpItems: [
								{
									title: 'Oplæg til direktionen om organisering af kommunikationsarbejdet',
									duePeriod: '2023-H2',
									state: 'done'
								},
								{
									title: 'Opfølgning på organisering og kommunikationsstrategi',
									duePeriod: '2024',
									state: 'done'
								},
								{
									title: 'Opdatering af Norddjurs Kommunes kommunikationsstrategi',
									duePeriod: '2025',
									state: 'postponed'
								}
							],
							// Illustrative: money for content production once the direction chose the common strategy.
							budgetLines: [
								{
									year: 2025,
									amountKr: 250_000,
									category: 'campaigns',
									funding: 'own_budget',
									note: 'Indholdsproduktion (Eksempeldata)'
								},
								{
									year: 2026,
									amountKr: 250_000,
									category: 'campaigns',
									funding: 'own_budget',
									note: 'Indholdsproduktion (Eksempeldata)'
								}
							],
							budgetActuals: [{ year: 2025, amountKr: 230_000, note: 'Eksempeldata' }],
							statusUpdates: [
								{
									period: '2024',
									body: 'Direktionen besluttede på baggrund af arbejdsgruppens oplæg en fælles kommunikationsstrategi for Velfærdsområdet med prioritering af hjemmeside, Facebook og LinkedIn. Der er produceret 24 videoportrætter af medarbejdere. Antallet af ansøgere pr. stillingsopslag steg til 4,8 i andet halvår.'
								},
								{
									period: '2025',
									body: 'Der er ikke tilført ekstra kommunikationsfaglige ressourcer, og indholdsproduktionen afhænger fortsat af enhederne. Ansøgere pr. stillingsopslag er 5,6 mod målet på 6,0, og direktionen har hævet målet til 7,5 i 2027. Opdateringen af kommunens kommunikationsstrategi er udskudt til 2026.'
								}
							],
							kpis: [{ name: 'Ansøgere pr. stillingsopslag, Velfærdsområdet', primary: true }],
							assignedTo: []
						}
					]
				}
			]
		}
	],
	kpis: [
		{
			name: 'Sygefravær, Velfærdsområdet (år)',
			description:
				'Sygefraværsprocent for alle ansatte på Velfærdsområdet for hele året (fraværstimer i procent af mulige arbejdstimer).',
			unit: 'percent',
			decimals: 1,
			direction: 'lower',
			frequency: 'year',
			scope: 'Velfærdsområdet',
			dataSource: 'Løn- og fraværssystemet',
			baseline: { value: 7.8, period: '2022' },
			target: { value: 6.5, period: '2025' },
			illustrative: true,
			owners: ['projektleder'],
			observations: [
				['2023', 7.6],
				['2024', 7.0],
				['2025', 6.7]
			]
		},
		{
			name: 'Sygefravær, Velfærdsområdet (måned)',
			description:
				'Sygefraværsprocent for alle ansatte på Velfærdsområdet i den enkelte måned (fraværstimer i procent af mulige arbejdstimer).',
			unit: 'percent',
			decimals: 1,
			direction: 'lower',
			frequency: 'month',
			scope: 'Velfærdsområdet',
			dataSource: 'Løn- og fraværssystemet',
			baseline: { value: 7.9, period: '2022-12' },
			// Illustrative: a follow-up target set after the 2025 status, judged on the rolling year as sick leave
			// usually is, so the demo has a KPI on its way with a seasonal forecast beside the yearly one that missed.
			target: { value: 6.0, period: '2027-12' },
			assessment: 'rolling_year',
			illustrative: true,
			owners: ['projektleder'],
			// Ends 2026-08 on purpose: 2026-09 is missing, so the demo shows an overdue KPI.
			observations: [
				['2023-01', 8.3],
				['2023-02', 8.4],
				['2023-03', 8.1],
				['2023-04', 7.7],
				['2023-05', 7.5],
				['2023-06', 7.2],
				['2023-07', 6.7],
				['2023-08', 7.3],
				['2023-09', 7.4],
				['2023-10', 7.3],
				['2023-11', 7.3],
				['2023-12', 7.6],
				['2024-01', 7.8],
				['2024-02', 7.7],
				['2024-03', 7.5],
				['2024-04', 7.1],
				['2024-05', 7.1],
				['2024-06', 6.5],
				['2024-07', 6.0],
				['2024-08', 6.8],
				['2024-09', 6.7],
				['2024-10', 6.9],
				['2024-11', 6.7],
				['2024-12', 7.0],
				['2025-01', 7.2],
				['2025-02', 7.4],
				['2025-03', 7.1],
				['2025-04', 7.0],
				['2025-05', 6.7],
				['2025-06', 6.2],
				['2025-07', 5.8],
				['2025-08', 6.5],
				['2025-09', 6.5],
				['2025-10', 6.5],
				['2025-11', 6.6],
				['2025-12', 6.7],
				['2026-01', 7.2],
				['2026-02', 7.2],
				['2026-03', 7.0],
				['2026-04', 6.9],
				['2026-05', 6.8],
				['2026-06', 6.3],
				['2026-07', 5.9],
				['2026-08', 6.6]
			]
		},
		{
			name: 'Trivselsscore, Velfærdsområdet',
			description: 'Samlet trivselsscore (0–100) for medarbejdere på Velfærdsområdet i den årlige trivselsmåling.',
			unit: 'score',
			decimals: 0,
			direction: 'higher',
			frequency: 'year',
			scope: 'Velfærdsområdet',
			dataSource: 'Trivselsmåling, Velfærdsområdet',
			baseline: { value: 68, period: '2022' },
			target: { value: 72, period: '2025' },
			illustrative: true,
			owners: ['projektleder'],
			observations: [
				['2023', 69],
				['2024', 70],
				['2025', 71]
			]
		},
		{
			name: 'Andel nye ledere rekrutteret internt',
			description:
				'Andel af årets nyansatte ledere på Velfærdsområdet, som inden ansættelsen var medarbejdere i Norddjurs Kommune.',
			unit: 'percent',
			decimals: 0,
			direction: 'higher',
			frequency: 'year',
			scope: 'Velfærdsområdet',
			dataSource: 'HR-data (rekrutteringssystemet)',
			baseline: { value: 28, period: '2022' },
			target: { value: 40, period: '2025' },
			illustrative: true,
			owners: ['projektleder'],
			observations: [
				['2023', 30],
				['2024', 35],
				['2025', 41]
			]
		},
		{
			name: 'Personaleomsætning blandt ledere, Velfærdsområdet',
			description: 'Andel af lederne på Velfærdsområdet, der fratræder deres stilling i løbet af året.',
			unit: 'percent',
			decimals: 1,
			direction: 'lower',
			frequency: 'year',
			scope: 'Velfærdsområdet',
			dataSource: 'Løn- og personalesystemet',
			baseline: { value: 16.0, period: '2022' },
			target: { value: 12.0, period: '2025' },
			illustrative: true,
			owners: [],
			observations: [
				['2023', 15.6],
				['2024', 15.2],
				['2025', 14.9]
			]
		},
		{
			name: 'Elever i erhvervspraktik på Velfærdsområdet',
			description:
				'Antal elever fra 8. og 9. klasse, der i løbet af året er i erhvervspraktik på enheder i Sundhed og Omsorg og på Socialområdet.',
			unit: 'count',
			decimals: 0,
			direction: 'higher',
			frequency: 'year',
			scope: 'Velfærdsområdet',
			dataSource: 'Opgørelse fra praktikstederne og Skoletjenesten Norddjurs',
			baseline: { value: 25, period: '2023' },
			target: { value: 60, period: '2025' },
			illustrative: true,
			owners: [],
			observations: [
				['2024', 48],
				['2025', 58]
			]
		},
		{
			name: 'Tilfredshed blandt praktikanter og studerende',
			description:
				'Gennemsnitlig tilfredshed (skala 1–5) i tilfredshedsmålingen efter endt studie- og praktikophold på Velfærdsområdet.',
			unit: 'score',
			// Two decimals so the 2026-H1 value 4,25 is not shown rounded to the target 4,3.
			decimals: 2,
			direction: 'higher',
			frequency: 'half',
			scope: 'Velfærdsområdet',
			dataSource: 'Tilfredshedsmåling efter studie- og praktikophold',
			baseline: { value: 3.8, period: '2023-H2' },
			target: { value: 4.3, period: '2025-H2' },
			illustrative: true,
			owners: [],
			observations: [
				['2024-H1', 3.9],
				['2024-H2', 4.0],
				['2025-H1', 4.1],
				['2025-H2', 4.2],
				['2026-H1', 4.25]
			]
		},
		{
			name: 'Andel studerende der vender tilbage efter endt uddannelse',
			description:
				'Andel af årets færdiguddannede, som har været i praktik eller studieophold på Velfærdsområdet, og som bliver ansat i Norddjurs Kommune.',
			unit: 'percent',
			decimals: 0,
			direction: 'higher',
			frequency: 'year',
			scope: 'Velfærdsområdet',
			dataSource: 'HR-data og praktikregistrering',
			baseline: { value: 12, period: '2023' },
			target: { value: 20, period: '2025' },
			illustrative: true,
			owners: [],
			observations: [
				['2024', 14],
				['2025', 18]
			]
		},
		{
			name: 'Ledige i job eller uddannelse på Velfærdsområdet',
			description:
				'Antal ledige borgere, som i kvartalet via jobcenteret er kommet i job eller uddannelse på Velfærdsområdet.',
			unit: 'count',
			decimals: 0,
			direction: 'higher',
			frequency: 'quarter',
			scope: 'Arbejdsmarkedsområdet og Velfærdsområdet',
			dataSource: 'Jobcenter Norddjurs (fagsystem)',
			baseline: { value: 6, period: '2023-Q4' },
			// Illustrative: the target was raised and extended after it was reached in 2026, so the demo has a
			// quarterly KPI on its way with a forecast.
			target: { value: 20, period: '2027-Q4' },
			illustrative: true,
			owners: ['projektleder'],
			// Ends 2026-Q2 on purpose: 2026-Q3 is missing, so the demo shows an overdue KPI.
			observations: [
				['2024-Q1', 7],
				['2024-Q2', 9],
				['2024-Q3', 8],
				['2024-Q4', 11],
				['2025-Q1', 12],
				['2025-Q2', 13],
				['2025-Q3', 12],
				['2025-Q4', 14],
				['2026-Q1', 16],
				['2026-Q2', 15]
			]
		},
		{
			name: 'Ansøgere pr. stillingsopslag, Velfærdsområdet',
			description: 'Gennemsnitligt antal kvalificerede ansøgere pr. stillingsopslag på Velfærdsområdet i halvåret.',
			unit: 'count',
			decimals: 1,
			direction: 'higher',
			frequency: 'half',
			scope: 'Velfærdsområdet',
			dataSource: 'Rekrutteringssystemet',
			baseline: { value: 4.2, period: '2023-H1' },
			// Illustrative: a later, higher target set after the 2025 status, so the demo has a KPI at risk.
			target: { value: 7.5, period: '2027-H2' },
			illustrative: true,
			owners: [],
			// From 2023-H2 on: six half-years, enough for a forecast (DESIGN §3).
			observations: [
				['2023-H2', 4.3],
				['2024-H1', 4.5],
				['2024-H2', 4.8],
				['2025-H1', 5.2],
				['2025-H2', 5.6],
				['2026-H1', 5.9]
			]
		}
	]
};
