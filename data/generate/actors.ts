// The fixed parts of the synthetic region: the seven FoodValley municipalities, made-up providers, children.
import type { Rng } from './random.js';

export interface Municipality {
  code: string;
  name: string;
  /** Rough population, for weighting where children live. */
  population: number;
  pc4: string[];
}

export const MUNICIPALITIES: Municipality[] = [
  { code: '0203', name: 'Barneveld', population: 62000, pc4: ['3771', '3772', '3773', '3774', '3775', '3776', '3781'] },
  { code: '0228', name: 'Ede', population: 121000, pc4: ['6711', '6712', '6713', '6714', '6715', '6716', '6717', '6718', '6721', '6731'] },
  { code: '0267', name: 'Nijkerk', population: 45000, pc4: ['3861', '3862', '3863', '3864', '3871'] },
  { code: '0279', name: 'Scherpenzeel', population: 10000, pc4: ['3925'] },
  { code: '0339', name: 'Renswoude', population: 5600, pc4: ['3927'] },
  { code: '0340', name: 'Rhenen', population: 20000, pc4: ['3911', '3912', '3921'] },
  { code: '0345', name: 'Veenendaal', population: 68000, pc4: ['3901', '3902', '3903', '3904', '3905', '3906', '3907'] },
];

/** Product categories (JZ020, iJw 3.2) with their share of new trajectories. */
export const CATEGORY_WEIGHTS: [string, number][] = [
  ['45', 30], ['54', 14], ['50', 8], ['51', 6], ['41', 6], ['43', 5], ['44', 3], ['46', 2],
  ['47', 5], ['48', 2], ['40', 2], ['42', 3], ['52', 3], ['53', 1], ['55', 2],
];

export interface Provider {
  agb: string;
  name: string;
  categories: string[];
  weight: number;
}

const PROVIDER_HEADS = ['Zorggroep', 'Jeugdpraktijk', 'Stichting', 'Kindercentrum', 'Gezinsteam', 'Jeugdhulp', 'Praktijk', 'Expertisecentrum', 'Behandelcentrum', 'Coöperatie'];
const PROVIDER_TAILS = ['De Linde', 'Horizon', 'Het Anker', 'De Vallei', 'Groenhorst', 'Het Kompas', 'De Brug', 'Zonnehoek', 'De Esch', 'Beekdal', 'Het Baken', 'De Eik', 'Middelpunt', 'Veluwezoom', 'De Wending', 'Heuvelrug', 'Lichtpunt', 'De Oever', 'Kernkracht', 'Duinhof'];

/** ~300 providers at scale 1, fewer at small scales; Zipf weights give a few large ones. */
export function makeProviders(rng: Rng, scale: number): Provider[] {
  const count = Math.max(16, Math.min(300, Math.round(300 * Math.sqrt(Math.min(1, scale)))));
  const categories = CATEGORY_WEIGHTS.map(([c]) => c);
  const providers: Provider[] = [];
  for (let i = 0; i < count; i++) {
    const offered = new Set<string>();
    // The large providers offer much; small ones one or two forms of care.
    const breadth = i < 5 ? rng.int(7, 12) : i < 25 ? rng.int(3, 6) : rng.int(1, 2);
    offered.add(categories[i % categories.length]!);
    while (offered.size < breadth) offered.add(categories[rng.weighted(CATEGORY_WEIGHTS.map(([, w]) => w))]!);
    const head = PROVIDER_HEADS[i % PROVIDER_HEADS.length]!;
    const tail = PROVIDER_TAILS[Math.floor(i / PROVIDER_HEADS.length) % PROVIDER_TAILS.length]!;
    providers.push({
      agb: String(71000000 + i * 137 + 11),
      name: `${head} ${tail}${i >= 200 ? ` ${Math.floor(i / 200) + 1}` : ''}`,
      categories: [...offered].sort(),
      weight: 1 / (i + 1),
    });
  }
  return providers;
}

export function pickProvider(rng: Rng, providers: Provider[], category: string, not?: string): Provider {
  const fits = providers.filter((p) => p.categories.includes(category) && p.agb !== not);
  const pool = fits.length > 0 ? fits : providers.filter((p) => p.agb !== not);
  return pool[rng.weighted(pool.map((p) => p.weight))]!;
}

export interface Address {
  municipality: string;
  postcode: string;
  place: string;
  street: string;
  houseNumber: number;
}

export interface Child {
  bsn: string;
  birth: number;
  gender: '1' | '2';
  firstName: string;
  lastName: string;
  addresses: Address[];
}

const FIRST = ['Daan', 'Sem', 'Noah', 'Lucas', 'Levi', 'Finn', 'Milan', 'Jesse', 'Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Zoë', 'Sara', 'Nora', 'Liv', 'Fenna', 'Bram', 'Thijs'];
const LAST = ['Verzonnen', 'Fictiefsma', 'Proefhorst', 'Testerink', 'Voorbeeldt', 'Denkbeeld', 'Nepveld', 'Schijnberg', 'Ficterman', 'Modelaar', 'Proefkamp', 'Probeerda'];
const STREETS = ['Verzinlaan', 'Proefstraat', 'Fictieweg', 'Testhof', 'Voorbeeldpad', 'Modelsingel', 'Nepdreef', 'Denkbeeldplein'];

/** The n-th 9-digit test BSN from 999000000 on that passes the 11-test. */
export function bsnAfter(candidate: number): { bsn: string; next: number } {
  for (let c = candidate; ; c++) {
    const d = String(c).split('').map(Number);
    const sum = d.slice(0, 8).reduce((s, x, i) => s + x * (9 - i), 0) - (d[8] ?? 0);
    if (sum % 11 === 0) return { bsn: String(c), next: c + 1 };
  }
}

export function makeAddress(rng: Rng, municipality: Municipality): Address {
  const letters = 'ABCDEGHJKLMNPRST';
  return {
    municipality: municipality.code,
    postcode: `${rng.pick(municipality.pc4)}${rng.pick([...letters])}${rng.pick([...letters])}`,
    place: municipality.name,
    street: rng.pick(STREETS),
    houseNumber: rng.int(1, 180),
  };
}

export function pickMunicipality(rng: Rng, not?: string): Municipality {
  const pool = MUNICIPALITIES.filter((m) => m.code !== not);
  return pool[rng.weighted(pool.map((m) => m.population))]!;
}

export function makeChild(rng: Rng, bsn: string, birth: number, home: Municipality): Child {
  const gender = rng.chance(0.56) ? '1' : '2';
  return {
    bsn,
    birth,
    gender,
    firstName: gender === '1' ? rng.pick(FIRST.slice(0, 8).concat(FIRST.slice(18))) : rng.pick(FIRST.slice(8, 18)),
    lastName: rng.pick(LAST),
    addresses: [makeAddress(rng, home)],
  };
}
