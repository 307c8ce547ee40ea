/**
 * Demo data: Allerød Kommune, Beskæftigelsesplan 2017 (source: /work/shared/seeds/003_4454828162c7517f.txt,
 * Erhvervs- og Beskæftigelsesudvalget 7. september 2016, punkt 3 "Temadrøftelse af Beskæftigelsesplan 2017").
 *
 * Themes are the minister's goals (ministermål 1–4); recommendations are the result goals (resultatmål).
 * Texts, baselines and targets are the document's own. Invented for the demo ("Eksempeldata"): the
 * adoption date, the monthly KPI values, follow-up item states and status updates.
 */
import type { SeedOrganisation, SeedRecommendation } from './types';

const decision = {
	date: '2016-10-05',
	body: 'Erhvervs- og Beskæftigelsesudvalget',
	kind: 'consensus',
	dissentText: null
} as const;

/** Fields shared by every result goal of the plan. */
const common = {
	followUpPeriod: '2017',
	resourcesText: 'Sagen angiver ingen særskilt bevilling til resultatmålet.',
	nextStep: `Et endeligt udkast til beskæftigelsesplan forelægges udvalget til godkendelse ved mødet i oktober med henblik på indstilling om godkendelse i byrådet.

Byrådet sender efter vedtagelse beskæftigelsesplanen til det regionale arbejdsmarkedsråd til orientering. Beskæftigelsesplanen indsendes til ministeriet inden årsskiftet.`,
	responsible: 'Jobcenter Allerød',
	reportsTo: 'Erhvervs- og Beskæftigelsesudvalget',
	lifecycle: 'completed',
	decision,
	budgetLines: [],
	budgetActuals: []
} satisfies Partial<SeedRecommendation>;

const followUpText2017 = 'Resultatmålet gøres op for 2017 i opfølgningen på Beskæftigelsesplan 2017.';
const settled2017 = [{ title: 'Opgørelse af resultatmålet for 2017', duePeriod: '2017', state: 'done' as const }];

export const allerod: SeedOrganisation = {
	slug: 'allerod',
	name: 'Allerød Kommune',
	municipalityCode: 201,
	programmes: [
		{
			name: 'Beskæftigelsesplan 2017',
			body: 'Erhvervs- og Beskæftigelsesudvalget',
			description: `Allerød Kommune skal hvert år udarbejde en beskæftigelsesplan, der fastlægger, hvordan kommunen vil imødekomme de beskæftigelsespolitiske udfordringer i det kommende år. Beskæftigelsesplanen skal beskrive udfordringer og muligheder for beskæftigelsesindsatsen, fastlægge mål og strategier for beskæftigelsesindsatsen i det kommende år og udgør planlægningsgrundlaget for indsatsen.

Med udgangspunkt i Finansministeriets seneste prognose for udviklingen i bl.a. ledighed og beskæftigelse på landsplan frem til udgangen af 2017 forventes der et fald i bruttoledigheden i Allerød Kommune på ca. 13,5 pct. fra ultimo 2015 til ultimo 2017.

Allerød Kommune har i forvejen landets laveste ledighedsprocent, hvorfor den største udfordring på lidt længere sigt er at sikre tilstrækkelig kvalificeret arbejdskraft til at imødegå de kommende års fald i arbejdsstyrken, når flere ældre trækker sig tilbage fra arbejdsmarkedet. Allerød Kommune vil derfor fastholde og videreudvikle de seneste års indsatser og gode resultater med henblik på at understøtte et øget og kvalificeret arbejdsudbud.

På baggrund af beskæftigelsesministerens overordnede beskæftigelsespolitiske mål og lokale udfordringer peger forvaltningen på indsatsområder og mål for indsatsen i 2017 under fire ministermål. Udvalget tog på mødet den 7. september 2016 forslagene til efterretning, idet udvalget ønsker samstemmighed mellem kommunens kommende beskæftigelsesplan og beskæftigelsesindsatsen for flygtninge.`,
			adoptedOn: '2016-10-05',
			minutesReference: 'Sagsnr. 13/4229, Erhvervs- og Beskæftigelsesudvalget 7. september 2016',
			themes: [
				// ------------------------------------------------------------------ Ministermål 1
				{
					name: 'Ministermål 1 – Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft',
					description: `Fokusområder:

- Med den virksomhedsrettede indsats skal jobcentret være en aktiv medspiller i sikring af et velfungerende arbejdsmarked. Dette betyder bl.a., at jobcentret løbende skal være i dialog med lokale virksomheder for at kunne tilvejebringe dels viden om udviklingen på arbejdsmarkedet, herunder rekrutteringsbehov, dels relevante jobordrer/tilbud til jobcentrets målgrupper. Tilsvarende skal jobcentret medvirke til, at adgangen til velkvalificeret arbejdskraft er så nem og ukompliceret som muligt, og at virksomhederne kan og vil benytte jobcentret som aktiv samarbejdspartner, når arbejdskraft skal rekrutteres og opkvalificeres.
- Jobcentrene skal levere en professionel service til virksomhederne, så virksomhederne oplever, at Jobcentrets henvendelser er koordinerede, at det er nemt at samarbejde med jobcentret, og at de får en god service og hjælp i samspillet med jobcenteret.
- Der er et stort behov for at opkvalificere både ledige og allerede ansatte i de kommende år, hvis det på lidt længere sigt skal lykkes at sikre virksomhederne en kvalificeret arbejdskraft. Samtidig bliver det vigtigt at opkvalificere flest mulige af jobcenterets målgrupper, så de kan få andel i jobåbningerne og dermed blive løftet ud af offentlig forsørgelse.`,
					recommendations: [
						{
							...common,
							number: 1,
							title: 'Samarbejde med nye virksomheder og partnerskabsaftaler',
							shortName: 'Virksomhedssamarbejde',
							intro: `Med den virksomhedsrettede indsats skal jobcentret være en aktiv medspiller i sikring af et velfungerende arbejdsmarked. Dette betyder bl.a., at jobcentret løbende skal være i dialog med lokale virksomheder for at kunne tilvejebringe dels viden om udviklingen på arbejdsmarkedet, herunder rekrutteringsbehov, dels relevante jobordrer/tilbud til jobcentrets målgrupper.`,
							purpose: `At virksomhederne kan og vil benytte jobcentret som aktiv samarbejdspartner, når arbejdskraft skal rekrutteres og opkvalificeres. Samarbejdsgraden bør øges til minimum 25 pct. for at imødegå det øgede behov for viden og tilbud til jobcentrets målgrupper.`,
							goal: `Der skal i 2017 etableres samarbejde om rekruttering, fastholdelse eller virksomhedsrettet aktivering med 45 virksomheder, som ikke tidligere har samarbejdet med Jobcenter Allerød om beskæftigelsesindsatsen. Endvidere skal der indgås 10 nye partnerskabsaftaler.`,
							actions: `- Jobcentret skal løbende være i dialog med lokale virksomheder om rekrutteringsbehov og relevante jobordrer/tilbud til jobcentrets målgrupper.
- Jobcentret skal levere en professionel service til virksomhederne, så virksomhederne oplever, at Jobcentrets henvendelser er koordinerede, at det er nemt at samarbejde med jobcentret, og at de får en god service og hjælp i samspillet med jobcenteret.`,
							targetProfessions: 'Lokale virksomheder; jobcentrets målgrupper',
							baselineDescription: 'I maj 2016 var Jobcentrets samarbejdsgrad med virksomhederne på 17,5 pct.',
							followUpText: followUpText2017,
							followUpItems: [
								{
									title: 'Status på nye virksomhedssamarbejder og partnerskabsaftaler',
									duePeriod: '2017-H1',
									state: 'done'
								},
								...settled2017
							],
							statusUpdates: [
								{
									period: '2017',
									body: 'Samarbejdsgraden med virksomhederne steg fra 17,5 pct. i maj 2016 til 24,6 pct. i december 2017 – tæt på målet på 25 pct. Der blev indgået 9 af de 10 planlagte partnerskabsaftaler.'
								}
							],
							kpis: [{ name: 'Samarbejdsgrad med virksomhederne', primary: true }],
							assignedTo: ['projektleder']
						},
						{
							...common,
							number: 2,
							title: 'Erhvervsnetværk med lokale virksomheder',
							shortName: 'Erhvervsnetværk',
							intro: `Der er et stort behov for at opkvalificere både ledige og allerede ansatte i de kommende år, hvis det på lidt længere sigt skal lykkes at sikre virksomhederne en kvalificeret arbejdskraft. Samtidig bliver det vigtigt at opkvalificere flest mulige af jobcenterets målgrupper, så de kan få andel i jobåbningerne og dermed blive løftet ud af offentlig forsørgelse.`,
							purpose: `Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft.`,
							goal: `Der etableres et erhvervsnetværk med lokale virksomheder, som via gensidigt forpligtende aftaler bidrager med viden om fremtidige rekrutterings- og kompetencebehov med henblik på at målrette Jobcentrets opkvalificeringsindsats.`,
							actions: `- Etablering af et erhvervsnetværk med lokale virksomheder.
- Gensidigt forpligtende aftaler med virksomhederne om viden om fremtidige rekrutterings- og kompetencebehov.
- Målretning af Jobcentrets opkvalificeringsindsats efter virksomhedernes behov.`,
							targetProfessions: 'Lokale virksomheder; ledige og allerede ansatte med behov for opkvalificering',
							baselineDescription: '',
							followUpText: followUpText2017,
							followUpItems: [
								{ title: 'Erhvervsnetværket er etableret', duePeriod: '2017-H1', state: 'done' },
								...settled2017
							],
							statusUpdates: [],
							kpis: [],
							assignedTo: []
						}
					]
				},
				// ------------------------------------------------------------------ Ministermål 2
				{
					name: 'Ministermål 2 – Flere unge skal have en uddannelse',
					description: `Fokusområder:

- Virksomhederne efterspørger i stigende grad mere veluddannede og omstillingsparate medarbejdere. Udviklingen skærpes af, at mange veluddannede og erfarne borgere i Allerød Kommune nærmer sig pensionsalderen. Det er derfor en stor udfordring for den lokale beskæftigelsesindsats at understøtte, at borgerne i Allerød-området opnår de nødvendige kompetencer til at indgå på arbejdsmarkedet fremadrettet – ikke mindst i en situation, hvor der kan blive brug for en erstatning for de mange beskæftigede, der kan trække sig tilbage fra arbejdsmarkedet i de kommende år.
- Jobmulighederne for de unge på det ufaglærte arbejdsmarked bliver færre, og de unge mødes tidligt med et pålæg fra jobcentrene om at gå i uddannelse, hvilket betyder, at antallet af unge som påbegynder uddannelse er stigende. Men den stigende tilgang til uddannelse som er set de seneste år, er stort set udelukkende sket blandt de unge under 25 år, som oftere går direkte fra en forberedende til kompetencegivende uddannelse end tidligere. Derimod er tilgangen til uddannelse stort set uændret blandt de 25-29-årige. Der skal derfor gøres en ekstra indsats for at få unge, der ikke har en uddannelse, til at tage en uddannelse, som kan give dem erhvervsmæssige kvalifikationer og kompetencer der øger deres muligheder for at få fodfæste på arbejdsmarkedet.
- Andelen af unge ydelsesmodtagere i Allerød Kommune udgjorde i 2015 ca. 0,8 pct. af arbejdsstyrken. Det er et lavt niveau i forhold til de øvrige kommuner i Hovedstadsområdet, hvor gennemsnittet er på ca. 1,4 pct. På trods af den relativt lave andel af unge ydelsesmodtagere vurderes det, at der er et potentiale for at styrke indsatsen for at få kanaliseret flere unge fra offentlig forsørgelse til ordinær uddannelse. I Allerød Kommune var den gennemsnitlige andel af unge på offentlig forsørgelse, som påbegyndte en uddannelse i 2015, på 1,5 pct. pr. måned, mens niveauet i Rudersdal Kommune var på ca. 2 pct.`,
					recommendations: [
						{
							...common,
							number: 3,
							title: 'Flere unge på offentlig forsørgelse påbegynder uddannelse',
							shortName: 'Unge i uddannelse',
							intro: `Jobmulighederne for de unge på det ufaglærte arbejdsmarked bliver færre. Den stigende tilgang til uddannelse er stort set udelukkende sket blandt de unge under 25 år, mens tilgangen til uddannelse er stort set uændret blandt de 25-29-årige. Der skal derfor gøres en ekstra indsats for at få unge, der ikke har en uddannelse, til at tage en uddannelse, som kan give dem erhvervsmæssige kvalifikationer og kompetencer der øger deres muligheder for at få fodfæste på arbejdsmarkedet.`,
							purpose: `Flere unge skal have en uddannelse. På trods af den relativt lave andel af unge ydelsesmodtagere vurderes det, at der er et potentiale for at styrke indsatsen for at få kanaliseret flere unge fra offentlig forsørgelse til ordinær uddannelse.`,
							goal: `Den gennemsnitlige andel af unge på offentlig forsørgelse, som påbegynder en ordinær uddannelse, skal i 2017 hver måned være på 2 pct.`,
							actions: `- En ekstra indsats for at få unge, der ikke har en uddannelse, til at tage en uddannelse – også de 25-29-årige.
- Kanalisering af flere unge fra offentlig forsørgelse til ordinær uddannelse.`,
							targetProfessions: 'Unge på offentlig forsørgelse uden en kompetencegivende uddannelse',
							baselineDescription: `Niveauet var ultimo juni 2016 på 1,5 pct. I 2015 var den gennemsnitlige andel af unge på offentlig forsørgelse, som påbegyndte en uddannelse, på 1,5 pct. pr. måned, mens niveauet i Rudersdal Kommune var på ca. 2 pct.`,
							followUpText: followUpText2017,
							followUpItems: [
								{ title: 'Halvårsstatus på andelen af unge i uddannelse', duePeriod: '2017-H1', state: 'done' },
								...settled2017
							],
							statusUpdates: [
								{
									period: '2017',
									body: 'Andelen af unge på offentlig forsørgelse, der påbegyndte en ordinær uddannelse, var i gennemsnit 1,8 pct. pr. måned i 2017 med en top i august ved studiestart. Målet på 2 pct. hver måned blev ikke nået.'
								}
							],
							kpis: [{ name: 'Unge på offentlig forsørgelse der påbegynder uddannelse', primary: true }],
							assignedTo: []
						},
						{
							...common,
							number: 4,
							title: 'Tværfagligt forum om uddannelse for unge',
							shortName: 'Tværfagligt ungeforum',
							intro: `Det er en stor udfordring for den lokale beskæftigelsesindsats at understøtte, at borgerne i Allerød-området opnår de nødvendige kompetencer til at indgå på arbejdsmarkedet fremadrettet.`,
							purpose: `Flere unge skal have en uddannelse.`,
							goal: `Der etableres et tværfagligt fora med deltagelse af Jobcenter, Voksenområdet, Ungdommens Uddannelsesvejledning, Familie, Skole samt relevante uddannelsesinstitutioner med henblik på at sikre en helhedsorienteret og koordineret indsats med fokus på uddannelse for unge – også inden de kommer på offentlig forsørgelse.`,
							actions: `- Etablering af et tværfagligt forum med Jobcenter, Voksenområdet, Ungdommens Uddannelsesvejledning, Familie, Skole samt relevante uddannelsesinstitutioner.
- En helhedsorienteret og koordineret indsats med fokus på uddannelse for unge – også inden de kommer på offentlig forsørgelse.`,
							targetProfessions: 'Unge uden uddannelse, også inden de kommer på offentlig forsørgelse',
							baselineDescription: '',
							followUpText: followUpText2017,
							followUpItems: [
								{ title: 'Det tværfaglige forum er etableret', duePeriod: '2017-Q1', state: 'done' },
								...settled2017
							],
							statusUpdates: [],
							kpis: [],
							assignedTo: []
						}
					]
				},
				// ------------------------------------------------------------------ Ministermål 3
				{
					name: 'Ministermål 3 – Borgere i udkanten af arbejdsmarkedet skal tættere på arbejdsmarkedet',
					description: `Borgere i udkanten af arbejdsmarkedet, herunder langtidsledige kontanthjælpsmodtagere, skal tættere på arbejdsmarkedet.

Fokusområder:

- Mange aktivitetsparate ledige og sygemeldte borgere har meget sammensatte problemer. Derfor er en helhedsorienteret indsats afgørende for at sikre, at borgeren bringes tættere på arbejdsmarkedet. Det kræver, at barrierer nedbrydes, og at indsatsen i højere grad koordineres på tværs af de forskellige sektorer (beskæftigelses-, sundheds-, social- og uddannelsessektorerne), som spiller en afgørende rolle i indsatsen for den enkelte borger. Allerød Kommune har en meget lav andel af langtidsledige. I juni 2016 var 19,7 pct. langtidsledige, mens tallet for Hovedstadsregionen var på 30,2 pct.
- Der er behov for et tæt samarbejde med virksomhederne, der understøtter at få udsatte kontanthjælpsmodtagere og langtidssygemeldte tilbage i job, og samtidig sikrer jobåbninger for personer uden arbejdsmæssig erfaring og personer med nedsat arbejdsevne.
- Hvis flere borgere skal bevare tilknytningen til arbejdsmarkedet, er der ligeledes behov for, at Jobcentret etablerer et tættere samarbejde med virksomhederne om indsatsen for de udsatte borgere, så flere via et træningsforløb på en virksomhed får reetableret kontakten til arbejdsmarkedet. Antallet af langtidsledige borgere var i marts 2016 på 99 personer, hvoraf 37 pct. har været i virksomhedsrettet aktivering inden for de seneste 6 måneder.`,
					recommendations: [
						{
							...common,
							number: 5,
							title: 'Flere langtidsforsørgede i virksomhedsrettede tilbud',
							shortName: 'Virksomhedsrettede tilbud',
							intro: `Hvis flere borgere skal bevare tilknytningen til arbejdsmarkedet, er der behov for, at Jobcentret etablerer et tættere samarbejde med virksomhederne om indsatsen for de udsatte borgere, så flere via et træningsforløb på en virksomhed får reetableret kontakten til arbejdsmarkedet.`,
							purpose: `Borgere i udkanten af arbejdsmarkedet, herunder langtidsledige kontanthjælpsmodtagere, skal tættere på arbejdsmarkedet.`,
							goal: `Den gennemsnitlige andel af langtidsforsørgede borgere, som har deltaget i et virksomhedsrettet tilbud inden for de seneste 6 måneder, skal i 2017 som minimum udgøre 45 pct. Der måles på a-dagpenge, kontanthjælp, uddannelseshjælp, integrationsydelse, ledighedsydelse og kontantydelse.`,
							actions: `- Et tæt samarbejde med virksomhederne, der understøtter at få udsatte kontanthjælpsmodtagere og langtidssygemeldte tilbage i job, og samtidig sikrer jobåbninger for personer uden arbejdsmæssig erfaring og personer med nedsat arbejdsevne.
- Træningsforløb på virksomheder, så flere udsatte borgere får reetableret kontakten til arbejdsmarkedet.`,
							targetProfessions:
								'Langtidsforsørgede borgere på a-dagpenge, kontanthjælp, uddannelseshjælp, integrationsydelse, ledighedsydelse og kontantydelse',
							baselineDescription:
								'Antallet af langtidsledige borgere var i marts 2016 på 99 personer, hvoraf 37 pct. har været i virksomhedsrettet aktivering inden for de seneste 6 måneder.',
							followUpText: followUpText2017,
							followUpItems: [
								{
									title: 'Halvårsstatus på virksomhedsrettede tilbud',
									duePeriod: '2017-H1',
									state: 'done'
								},
								...settled2017
							],
							statusUpdates: [
								{
									period: '2017',
									body: 'Andelen af langtidsforsørgede i virksomhedsrettet tilbud steg fra 37 pct. i marts 2016 til 46 pct. i december 2017. Målet på mindst 45 pct. blev nået i efteråret 2017.'
								}
							],
							kpis: [{ name: 'Langtidsforsørgede i virksomhedsrettet tilbud', primary: true }],
							assignedTo: []
						},
						{
							...common,
							number: 6,
							title: 'Tværfaglige indsatsplaner i ressourceforløb',
							shortName: 'Ressourceforløb',
							intro: `Mange aktivitetsparate ledige og sygemeldte borgere har meget sammensatte problemer. Derfor er en helhedsorienteret indsats afgørende for at sikre, at borgeren bringes tættere på arbejdsmarkedet. Det kræver, at barrierer nedbrydes, og at indsatsen i højere grad koordineres på tværs af de forskellige sektorer (beskæftigelses-, sundheds-, social- og uddannelsessektorerne), som spiller en afgørende rolle i indsatsen for den enkelte borger.`,
							purpose: `Borgere i udkanten af arbejdsmarkedet, herunder langtidsledige kontanthjælpsmodtagere, skal tættere på arbejdsmarkedet.`,
							goal: `Alle indsatsplaner for borgere visiteret til ressourceforløb skal synliggøre en tværfaglig og sammenhængende indsats, og skal indeholde aktiviteter med henblik på udvikling af borgernes tilknytning til uddannelsessystemet eller arbejdsmarkedet.`,
							actions: `- Indsatsen koordineres på tværs af beskæftigelses-, sundheds-, social- og uddannelsessektorerne.
- Indsatsplanerne for borgere i ressourceforløb indeholder aktiviteter rettet mod uddannelse eller arbejdsmarked.`,
							targetProfessions: 'Borgere visiteret til ressourceforløb',
							baselineDescription: '',
							followUpText: followUpText2017,
							followUpItems: [
								{
									title: 'Gennemgang af indsatsplaner for borgere i ressourceforløb',
									duePeriod: '2017-H2',
									state: 'done'
								},
								...settled2017
							],
							statusUpdates: [],
							kpis: [],
							assignedTo: []
						}
					]
				},
				// ------------------------------------------------------------------ Ministermål 4
				{
					name: 'Ministermål 4 – Flere flygtninge og familiesammenførte skal være selvforsørgende',
					description: `Fokusområder:

- Allerød Kommune har udarbejdet strategi for modtagelse og integration af flygtninge, hvor omdrejningspunktet er, at alle borgere mødes som aktive medborgere, og hvor den enkelte har ansvaret for egen integration – godt hjulpet på vej af Allerød Kommune og samfundets øvrige aktører.
- Målet med beskæftigelsesindsatsen er, at flygtninge og familiesammenførte bliver selvforsørgende så hurtigt som muligt, men det handler ikke alene om, at flere udlændinge skal i ansættelse. Det handler også om opkvalificering og integration i lokalsamfundet. En stor del af de ledige udlændinge har ikke de kvalifikationer, som virksomhederne efterspørger – endnu. Allerød Kommune ønsker at udvikle en særlig Allerød Uddannelse, som blandt andet sikrer borgeren basale kompetencer i forhold til det danske arbejdsmarked og viden om lokalsamfundet. Allerød Uddannelsen kombineres med virksomhedspraktik, hvor virksomhederne bidrager ved certificering af flygtningenes kompetencer ved at udarbejde ”Kompetencekort”.
- Dette fordrer, at Allerød Kommune prioriterer den jobrettede indsats, og at der etableres et tæt samarbejde med virksomhederne. Et arbejde er den bedste ramme for at lære om det danske samfund og for at lære sproget. Danskuddannelse vurderes at have den bedste effekt, såfremt sproget bliver trænet og brugt – også uden for den undervisningsmæssige sammenhæng. Dette gælder både de almene dansksproglige færdigheder og det fagspecifikke sprog, som der er brug for på de enkelte arbejdspladser. Allerød Kommune vil arbejde målrettet på formidling af Integrationsgrunduddannelse som et godt værktøj til at bibringe borgeren de nødvendige kompetencer og en tilknytning til arbejdsmarkedet.`,
					recommendations: [
						{
							...common,
							number: 7,
							title: 'Flygtninge i ordinær beskæftigelse inden for det første år',
							shortName: 'Flygtninge i job',
							intro: `Målet med beskæftigelsesindsatsen er, at flygtninge og familiesammenførte bliver selvforsørgende så hurtigt som muligt. Et arbejde er den bedste ramme for at lære om det danske samfund og for at lære sproget.`,
							purpose: `Flere flygtninge og familiesammenførte skal være selvforsørgende.`,
							goal: `Minimum 33 % af alle voksne flygtninge er i ordinær beskæftigelse inden for det første år.`,
							actions: `- Allerød Kommune prioriterer den jobrettede indsats, og der etableres et tæt samarbejde med virksomhederne.`,
							targetProfessions: 'Voksne flygtninge og familiesammenførte',
							baselineDescription: '',
							followUpText: followUpText2017,
							followUpItems: settled2017,
							statusUpdates: [],
							kpis: [],
							assignedTo: []
						},
						{
							...common,
							number: 8,
							title: 'Flygtninges oplevelse af ansvaret for egen beskæftigelse',
							shortName: 'Eget ansvar',
							intro: `Omdrejningspunktet i Allerød Kommunes strategi for modtagelse og integration af flygtninge er, at alle borgere mødes som aktive medborgere, og at den enkelte har ansvaret for egen integration – godt hjulpet på vej af Allerød Kommune og samfundets øvrige aktører.`,
							purpose: `Flere flygtninge og familiesammenførte skal være selvforsørgende.`,
							goal: `Andelen af flygtninge, som oplever det som kommunens ansvar at sikre beskæftigelse, falder. Dette måles ½-årligt i oktober og april måned.`,
							actions: `- Flygtninge mødes som aktive medborgere med ansvar for egen integration.`,
							targetProfessions: 'Voksne flygtninge og familiesammenførte',
							baselineDescription: '',
							followUpText: 'Måles ½-årligt i oktober og april måned.',
							followUpItems: [
								{ title: 'Måling april 2017', duePeriod: '2017-H1', state: 'done' },
								{ title: 'Måling oktober 2017', duePeriod: '2017-H2', state: 'done' }
							],
							statusUpdates: [],
							kpis: [],
							assignedTo: []
						},
						{
							...common,
							number: 9,
							title: 'Flygtninge i job som rollemodeller',
							shortName: 'Rollemodeller',
							intro: `Et arbejde er den bedste ramme for at lære om det danske samfund og for at lære sproget.`,
							purpose: `Flere flygtninge og familiesammenførte skal være selvforsørgende.`,
							goal: `Mindst 10 flygtninge, der allerede er i arbejde, fungerer som rollemodeller i netværksgrupper.`,
							actions: `- Flygtninge i arbejde inddrages som rollemodeller i netværksgrupper.`,
							targetProfessions: 'Voksne flygtninge og familiesammenførte',
							baselineDescription: '',
							followUpText: followUpText2017,
							followUpItems: settled2017,
							statusUpdates: [],
							kpis: [],
							assignedTo: []
						},
						{
							...common,
							number: 10,
							title: 'Vurdering af egnethed til integrationsgrunduddannelse (IGU)',
							shortName: 'IGU',
							intro: `Allerød Kommune vil arbejde målrettet på formidling af Integrationsgrunduddannelse som et godt værktøj til at bibringe borgeren de nødvendige kompetencer og en tilknytning til arbejdsmarkedet.`,
							purpose: `Flere flygtninge og familiesammenførte skal være selvforsørgende.`,
							goal: `Integrationssamtalerne indeholder fra start sagsbehandlerens vurdering af flygtningens egnethed ift. at påbegynde IGU (IntegrationsGrundUddannelse). IGU skal være påbegyndt 6 mdr. herefter.`,
							actions: `- Sagsbehandleren vurderer i integrationssamtalerne fra start flygtningens egnethed til IGU.`,
							targetProfessions: 'Voksne flygtninge og familiesammenførte',
							baselineDescription: '',
							followUpText: followUpText2017,
							followUpItems: settled2017,
							statusUpdates: [],
							kpis: [],
							assignedTo: []
						},
						{
							...common,
							number: 11,
							title: 'Allerød Uddannelsen',
							shortName: 'Allerød Uddannelsen',
							intro: `En stor del af de ledige udlændinge har ikke de kvalifikationer, som virksomhederne efterspørger – endnu. Allerød Kommune ønsker at udvikle en særlig Allerød Uddannelse, som blandt andet sikrer borgeren basale kompetencer i forhold til det danske arbejdsmarked og viden om lokalsamfundet.`,
							purpose: `Flere flygtninge og familiesammenførte skal være selvforsørgende.`,
							goal: `Alle egnede voksne flygtninge har gennemført Allerød Uddannelsen – enten i den ene eller den anden form – inden for de første 12 måneder efter ankomsten.`,
							actions: `- Allerød Uddannelsen kombineres med virksomhedspraktik, hvor virksomhederne bidrager ved certificering af flygtningenes kompetencer ved at udarbejde ”Kompetencekort”.`,
							targetProfessions: 'Voksne flygtninge og familiesammenførte',
							baselineDescription: '',
							followUpText: followUpText2017,
							followUpItems: settled2017,
							statusUpdates: [],
							kpis: [],
							assignedTo: []
						}
					]
				}
			]
		}
	],
	kpis: [
		{
			name: 'Samarbejdsgrad med virksomhederne',
			description:
				'Andel af virksomhederne i kommunen, som Jobcenter Allerød har samarbejde med om rekruttering, fastholdelse eller virksomhedsrettet aktivering.',
			unit: 'percent',
			decimals: 1,
			direction: 'higher',
			frequency: 'month',
			scope: 'Jobcenter Allerød',
			dataSource: 'Jobindsats.dk',
			baseline: { value: 17.5, period: '2016-05' },
			target: { value: 25, period: '2017-12' },
			illustrative: true,
			owners: ['projektleder'],
			observations: [
				['2016-06', 17.8],
				['2016-07', 17.6],
				['2016-08', 18.3],
				['2016-09', 18.9],
				['2016-10', 19.4],
				['2016-11', 19.8],
				['2016-12', 19.5],
				['2017-01', 20.3],
				['2017-02', 21.0],
				['2017-03', 21.4],
				['2017-04', 21.9],
				['2017-05', 22.3],
				['2017-06', 22.6],
				['2017-07', 22.1],
				['2017-08', 22.9],
				['2017-09', 23.4],
				['2017-10', 23.8],
				['2017-11', 24.3],
				['2017-12', 24.6]
			]
		},
		{
			name: 'Unge på offentlig forsørgelse der påbegynder uddannelse',
			description: 'Andel af unge på offentlig forsørgelse, som i måneden påbegynder en ordinær uddannelse.',
			unit: 'percent',
			decimals: 1,
			direction: 'higher',
			frequency: 'month',
			scope: 'Jobcenter Allerød',
			dataSource: 'Jobindsats.dk',
			baseline: { value: 1.5, period: '2016-06' },
			target: { value: 2.0, period: '2017-12' },
			illustrative: true,
			owners: ['projektleder'],
			observations: [
				['2016-07', 1.3],
				['2016-08', 2.1],
				['2016-09', 1.7],
				['2016-10', 1.5],
				['2016-11', 1.4],
				['2016-12', 1.3],
				['2017-01', 1.9],
				['2017-02', 1.6],
				['2017-03', 1.6],
				['2017-04', 1.5],
				['2017-05', 1.7],
				['2017-06', 1.6],
				['2017-07', 1.5],
				['2017-08', 2.4],
				['2017-09', 2.0],
				['2017-10', 1.8],
				['2017-11', 1.8],
				['2017-12', 1.9]
			]
		},
		{
			name: 'Langtidsforsørgede i virksomhedsrettet tilbud',
			description:
				'Andel af langtidsforsørgede borgere, som har deltaget i et virksomhedsrettet tilbud inden for de seneste 6 måneder.',
			unit: 'percent',
			decimals: 0,
			direction: 'higher',
			frequency: 'month',
			scope: 'Jobcenter Allerød',
			dataSource: 'Jobindsats.dk',
			baseline: { value: 37, period: '2016-03' },
			target: { value: 45, period: '2017-12' },
			illustrative: true,
			owners: ['projektleder'],
			observations: [
				['2016-04', 38],
				['2016-05', 38],
				['2016-06', 39],
				['2016-07', 37],
				['2016-08', 39],
				['2016-09', 40],
				['2016-10', 41],
				['2016-11', 41],
				['2016-12', 40],
				['2017-01', 41],
				['2017-02', 42],
				['2017-03', 43],
				['2017-04', 43],
				['2017-05', 44],
				['2017-06', 43],
				['2017-07', 44],
				['2017-08', 45],
				['2017-09', 45],
				['2017-10', 46],
				['2017-11', 45],
				['2017-12', 46]
			]
		}
	]
};
