/** Name and street lists for the demo region: common Dutch names and those of newer Dutch families. */

/** Comma-separated lists read better here than one word per line. */
const list = (text: string): readonly string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

export const FIRST_NAMES = list(`
  Anna, Bas, Daan, Emma, Fleur, Gerrit, Hanneke, Ilse, Jan, Joost, Julia, Kees, Lotte, Marieke,
  Mark, Niels, Noor, Peter, Ruben, Sanne, Sem, Thijs, Tim, Wim, Anouk, Bram, Dirk, Esther, Femke,
  Henk, Ingrid, Jeroen, Kim, Lars, Linda, Maarten, Nathalie, Patrick, Rik, Sophie, Stefan, Tessa,
  Vera, Wouter, Yvonne, Mohammed, Fatima, Ahmed, Yasmina, Samira, Youssef, Ayoub, Khadija, Hamza,
  Nadia, Mehmet, Elif, Emre, Zeynep, Dawit, Semhar, Yonas, Selam, Omar, Rania, Ali, Aya, Priya,
  Ravi, Shanti, Tomasz, Agnieszka, Piotr, Anh, Minh, Olena, Dmytro
`);

export const LAST_NAMES = list(`
  de Vries, van Dijk, Bakker, Jansen, de Jong, Visser, Smit, Meijer, de Boer, Mulder, de Groot,
  Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, de Graaf,
  van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Berg, van der Heijden,
  Schouten, van Beek, Willems, van Vliet, Hoekstra, Maas, Verhoeven, Koster, van Dam, Prins,
  Blom, Huisman, Kuipers, van Veen, Post, Verbeek, Verburg, Oudshoorn, Spruit, Hoogendoorn,
  van Rijn, Kroon, Boere, van Wijk, Vonk, Rijnsburger, Boogaard, Sluijter, van Kooten, El Amrani,
  Bouzid, El Idrissi, Benali, Yilmaz, Kaya, Demir, Öztürk, Tesfaye, Haile, Gebremedhin,
  Al-Hassan, Haddad, Nguyen, Tran, Ramdin, Sewnath, Kowalski, Nowak, Kovalenko, Santos, Pinas
`);

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

/** Names for statushouders on the inburgering route (Eritrea, Syria, Ukraine are the largest groups). */
export const NEWCOMER_FIRST_NAMES = list(`
  Dawit, Semhar, Yonas, Selam, Filmon, Helen, Omar, Rania, Ali, Aya, Hamza, Nour, Mohammed,
  Fatima, Olena, Dmytro, Iryna, Oleksandr, Yusuf, Amal
`);

export const NEWCOMER_LAST_NAMES = list(`
  Tesfaye, Haile, Gebremedhin, Tekle, Kidane, Al-Hassan, Haddad, Khalil, Darwish, Al-Ahmad,
  Kovalenko, Shevchenko, Bondarenko, Melnyk
`);

/** Lowercase ASCII for e-mail addresses and slugs: 'Öztürk' → 'ozturk', 'van der Meer' → 'vandermeer'. */
export function asciiSlug(text: string, separator = ''): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .join(separator);
}
