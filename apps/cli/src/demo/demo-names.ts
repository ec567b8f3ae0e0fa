import type { Random } from './random';

/** Name and street lists for the demo region: common Dutch names and those of newer Dutch families. */

/** Comma-separated lists read better here than one word per line. */
const list = (text: string): readonly string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** First and last names that go together, by family origin, weighted like the region's population. */
interface NameGroup {
  weight: number;
  /** Recent statushouders: the people on the inburgering route. */
  newcomer: boolean;
  first: readonly string[];
  last: readonly string[];
}

const NAME_GROUPS: readonly NameGroup[] = [
  {
    weight: 72,
    newcomer: false,
    first: list(`
      Anna, Bas, Daan, Emma, Fleur, Gerrit, Hanneke, Ilse, Jan, Joost, Julia, Kees, Lotte, Marieke,
      Mark, Niels, Noor, Peter, Ruben, Sanne, Sem, Thijs, Tim, Wim, Anouk, Bram, Dirk, Esther, Femke,
      Henk, Ingrid, Jeroen, Kim, Lars, Linda, Maarten, Nathalie, Patrick, Rik, Sophie, Stefan, Tessa,
      Vera, Wouter, Yvonne, Gert-Jan, Marco, Sandra, Kevin, Demi, Jesse, Milan, Lisa, Romy
    `),
    last: list(`
      de Vries, van Dijk, Bakker, Jansen, de Jong, Visser, Smit, Meijer, de Boer, Mulder, de Groot,
      Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, de Graaf,
      van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Berg, van der Heijden,
      Schouten, van Beek, Willems, van Vliet, Hoekstra, Maas, Verhoeven, Koster, van Dam, Prins,
      Blom, Huisman, Kuipers, van Veen, Post, Verbeek, Verburg, Oudshoorn, Spruit, Hoogendoorn,
      van Rijn, Kroon, Boere, van Wijk, Vonk, Rijnsburger, Boogaard, Sluijter, van Kooten
    `),
  },
  {
    weight: 8,
    newcomer: false,
    first: list(
      `Mohammed, Fatima, Youssef, Yasmina, Samira, Ayoub, Khadija, Hamza, Nadia, Bilal, Imane`,
    ),
    last: list(`El Amrani, Bouzid, El Idrissi, Benali, Ouali, Ait Taleb, El Khattabi, Azzouzi`),
  },
  {
    weight: 5,
    newcomer: false,
    first: list(`Mehmet, Elif, Emre, Zeynep, Burak, Ayşe, Kübra, Mustafa, Hatice`),
    last: list(`Yılmaz, Kaya, Demir, Öztürk, Çelik, Şahin, Aydın`),
  },
  {
    weight: 4,
    newcomer: false,
    first: list(`Priya, Ravi, Shanti, Anil, Kavita, Sunil, Dewi, Rajesh`),
    last: list(`Ramdin, Sewnath, Jagesar, Ramsaran, Bhoelai, Mahabier`),
  },
  {
    weight: 3,
    newcomer: false,
    first: list(`Tomasz, Agnieszka, Piotr, Katarzyna, Marek, Joanna`),
    last: list(`Kowalski, Nowak, Wiśniewski, Zieliński, Lewandowski`),
  },
  {
    weight: 2,
    newcomer: true,
    first: list(`Dawit, Semhar, Yonas, Selam, Filmon, Helen, Senait, Robel`),
    last: list(`Tesfaye, Haile, Gebremedhin, Tekle, Kidane, Berhane`),
  },
  {
    weight: 3,
    newcomer: true,
    first: list(`Omar, Rania, Ali, Aya, Nour, Yusuf, Amal, Ahmad, Lina`),
    last: list(`Al-Hassan, Haddad, Khalil, Darwish, Al-Ahmad, Mansour`),
  },
  {
    weight: 3,
    newcomer: true,
    first: list(`Olena, Dmytro, Iryna, Oleksandr, Yulia, Andriy`),
    last: list(`Kovalenko, Shevchenko, Bondarenko, Melnyk, Tkachenko`),
  },
];

const EVERYONE = NAME_GROUPS.map((g) => [g, g.weight] as const);
const NEWCOMERS = NAME_GROUPS.filter((g) => g.newcomer).map((g) => [g, g.weight] as const);

export interface PersonName {
  firstName: string;
  lastName: string;
}

/** A plausible person: names from one family origin; statushouders from the newcomer groups. */
export function randomPerson(rng: Random, newcomer = false): PersonName {
  const group = rng.weighted(newcomer ? NEWCOMERS : EVERYONE);
  return { firstName: rng.pick(group.first), lastName: rng.pick(group.last) };
}

export const RESIDENTIAL_STREETS = list(`
  Kerkstraat, Molenstraat, Dorpsstraat, Rijnstraat, Wilhelminastraat, Julianastraat, Beatrixlaan,
  Oranjelaan, Schoolstraat, Stationsweg, Lindenlaan, Eikenlaan, Berkenlaan, Populierenlaan,
  Tulpstraat, Rozenstraat, Vondellaan, Bilderdijkstraat, Rembrandtlaan, Vermeerstraat,
  Van Goghstraat, Zuidsingel, Noordsingel, Boerendijk, Weidelaan, Polderweg, Kanaalweg,
  Meidoornlaan, Sleutelbloem, Merelstraat, Koekoekstraat, Pastoor Kuijpersstraat,
  Jan Steenstraat, Hofstraat, Nieuwstraat, Burgemeester de Kievietstraat, Kastanjelaan, Hooiland,
  Graaf Florisstraat, Waterlelie
`);

export const BUSINESS_STREETS = list(`
  Industrieweg, Nijverheidsweg, Handelsweg, Energieweg, Ambachtsweg, Edisonweg, Celsiusweg,
  Galvanistraat, Marconistraat, Zuidzijdsedijk, Hoge Rijndijk, Pompmolenlaan, Korte Akkeren,
  Bedrijvenweg, Poortweg, Veldhuizen, Zeilmakersweg, Lange Dreef
`);

/** Plain words that make a business name sound local: 'Eetcafé De Linde', 'Zorgcentrum Rijnzicht'. */
export const LOCAL_WORDS = list(`
  De Linde, Het Anker, De Molen, De Waard, De Boomgaard, Rijnzicht, Het Groene Hart, De Vlist,
  Weidezicht, De Kroon, De Keizerskroon, Het Wapen, De Lange Linschoten, Het Steenwerck,
  De Rijnhof, Hofland, De Gouwe, Oud Kamerik, De Meije, Polderzicht, De Hollandse IJssel,
  Het Trefpunt, De Zuidpoort, De Schans, Het Kruispunt, De Plas
`);

/** Lowercase ASCII for e-mail addresses and slugs: 'Yılmaz' → 'yilmaz', 'van der Meer' → 'vandermeer'. */
export function asciiSlug(text: string, separator = ''): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i') // Turkish dotless i has no decomposition
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .join(separator);
}
