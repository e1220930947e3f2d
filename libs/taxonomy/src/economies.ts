export const ECONOMY_CODES = [
  'AU',
  'BN',
  'CA',
  'CL',
  'CN',
  'HK',
  'ID',
  'JP',
  'KR',
  'MX',
  'MY',
  'NZ',
  'PE',
  'PG',
  'PH',
  'RU',
  'SG',
  'TH',
  'TW',
  'US',
  'VN',
] as const;

export type EconomyCode = (typeof ECONOMY_CODES)[number];

export interface Economy {
  readonly code: EconomyCode;
  readonly name: string;
}

export interface EconomyCities {
  readonly metropolitan: readonly string[];
  readonly subRegional: readonly string[];
  readonly rural: readonly string[];
}

interface EconomyProfile {
  readonly name: string;
  readonly languages: readonly string[];
  readonly cities: EconomyCities;
}

// Names are APEC's own official economy names. Languages list the official language(s) first,
// then English where it is a common business language. Cities are for demo data only.
const PROFILES: Readonly<Record<EconomyCode, EconomyProfile>> = {
  AU: {
    name: 'Australia',
    languages: ['en'],
    cities: {
      metropolitan: ['Sydney', 'Melbourne', 'Canberra'],
      subRegional: ['Geelong', 'Townsville', 'Ballarat'],
      rural: ['Alice Springs', 'Broken Hill', 'Katherine'],
    },
  },
  BN: {
    name: 'Brunei Darussalam',
    languages: ['ms', 'en'],
    cities: {
      metropolitan: ['Bandar Seri Begawan'],
      subRegional: ['Kuala Belait', 'Seria', 'Tutong'],
      rural: ['Bangar', 'Labi'],
    },
  },
  CA: {
    name: 'Canada',
    languages: ['en', 'fr'],
    cities: {
      metropolitan: ['Toronto', 'Montreal', 'Vancouver', 'Ottawa'],
      subRegional: ['Kelowna', 'Moncton', 'Sherbrooke'],
      rural: ['Tofino', 'Gaspé', 'Flin Flon'],
    },
  },
  CL: {
    name: 'Chile',
    languages: ['es'],
    cities: {
      metropolitan: ['Santiago', 'Valparaíso'],
      subRegional: ['Antofagasta', 'Temuco', 'Puerto Montt'],
      rural: ['Castro', 'Pucón', 'San Pedro de Atacama'],
    },
  },
  CN: {
    name: "People's Republic of China",
    languages: ['zh'],
    cities: {
      metropolitan: ['Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen'],
      subRegional: ['Guilin', 'Luoyang', 'Yichang'],
      rural: ['Yangshuo', 'Wuyuan', 'Fenghuang'],
    },
  },
  HK: {
    name: 'Hong Kong, China',
    languages: ['zh', 'en'],
    cities: {
      metropolitan: ['Central', 'Kowloon'],
      subRegional: ['Sha Tin', 'Tuen Mun', 'Yuen Long'],
      rural: ['Tai O', 'Sai Kung', 'Mui Wo'],
    },
  },
  ID: {
    name: 'Indonesia',
    languages: ['id', 'en'],
    cities: {
      metropolitan: ['Jakarta', 'Surabaya', 'Bandung'],
      subRegional: ['Yogyakarta', 'Malang', 'Padang'],
      rural: ['Wamena', 'Labuan Bajo', 'Ubud'],
    },
  },
  JP: {
    name: 'Japan',
    languages: ['ja'],
    cities: {
      metropolitan: ['Tokyo', 'Osaka', 'Nagoya'],
      subRegional: ['Kanazawa', 'Matsumoto', 'Kagoshima'],
      rural: ['Shirakawa', 'Takachiho', 'Iiyama'],
    },
  },
  KR: {
    name: 'Republic of Korea',
    languages: ['ko'],
    cities: {
      metropolitan: ['Seoul', 'Busan', 'Incheon'],
      subRegional: ['Jeonju', 'Gyeongju', 'Chuncheon'],
      rural: ['Boseong', 'Hadong', 'Jeongseon'],
    },
  },
  MX: {
    name: 'Mexico',
    languages: ['es'],
    cities: {
      metropolitan: ['Mexico City', 'Guadalajara', 'Monterrey'],
      subRegional: ['Oaxaca', 'Mérida', 'Querétaro'],
      rural: ['San Cristóbal de las Casas', 'Tequila', 'Pátzcuaro'],
    },
  },
  MY: {
    name: 'Malaysia',
    languages: ['ms', 'en', 'zh', 'ta'],
    cities: {
      metropolitan: ['Kuala Lumpur', 'George Town', 'Johor Bahru'],
      subRegional: ['Ipoh', 'Kuching', 'Kota Bharu'],
      rural: ['Kuala Lipis', 'Kapit', 'Ranau'],
    },
  },
  NZ: {
    name: 'New Zealand',
    languages: ['en', 'mi'],
    cities: {
      metropolitan: ['Auckland', 'Wellington', 'Christchurch'],
      subRegional: ['Hamilton', 'Tauranga', 'Dunedin'],
      rural: ['Kaikōura', 'Westport', 'Kaitaia'],
    },
  },
  PE: {
    name: 'Peru',
    languages: ['es', 'qu', 'ay'],
    cities: {
      metropolitan: ['Lima', 'Callao'],
      subRegional: ['Arequipa', 'Trujillo', 'Cusco'],
      rural: ['Chachapoyas', 'Ollantaytambo', 'Lamas'],
    },
  },
  PG: {
    name: 'Papua New Guinea',
    languages: ['en', 'ho'],
    cities: {
      metropolitan: ['Port Moresby'],
      subRegional: ['Lae', 'Mount Hagen', 'Madang'],
      rural: ['Tari', 'Kerema', 'Kundiawa'],
    },
  },
  PH: {
    name: 'The Philippines',
    languages: ['en', 'tl'],
    cities: {
      metropolitan: ['Manila', 'Quezon City', 'Cebu City'],
      subRegional: ['Iloilo City', 'Bacolod', 'Baguio'],
      rural: ['Sagada', 'Banaue', 'Coron'],
    },
  },
  RU: {
    name: 'Russia',
    languages: ['ru'],
    cities: {
      metropolitan: ['Moscow', 'Saint Petersburg'],
      subRegional: ['Kazan', 'Yekaterinburg', 'Vladivostok'],
      rural: ['Suzdal', 'Listvyanka', 'Myshkin'],
    },
  },
  SG: {
    name: 'Singapore',
    languages: ['en', 'zh', 'ms', 'ta'],
    // A city-state, so the three kinds are planning areas rather than separate towns.
    cities: {
      metropolitan: ['Downtown Core', 'Jurong East'],
      subRegional: ['Woodlands', 'Tampines'],
      rural: ['Lim Chu Kang', 'Pulau Ubin'],
    },
  },
  TH: {
    name: 'Thailand',
    languages: ['th', 'en'],
    cities: {
      metropolitan: ['Bangkok', 'Nonthaburi'],
      subRegional: ['Chiang Mai', 'Khon Kaen', 'Hat Yai'],
      rural: ['Nan', 'Mae Hong Son', 'Loei'],
    },
  },
  TW: {
    name: 'Chinese Taipei',
    languages: ['zh'],
    cities: {
      metropolitan: ['Taipei', 'New Taipei', 'Kaohsiung', 'Taichung'],
      subRegional: ['Hsinchu', 'Tainan', 'Hualien'],
      rural: ['Chishang', 'Alishan', 'Meinong'],
    },
  },
  US: {
    name: 'The United States',
    languages: ['en', 'es'],
    cities: {
      metropolitan: ['New York', 'Los Angeles', 'Chicago', 'Houston'],
      subRegional: ['Boise', 'Spokane', 'Chattanooga'],
      rural: ['Marfa', 'Moab', 'Hood River'],
    },
  },
  VN: {
    name: 'Viet Nam',
    languages: ['vi', 'en'],
    cities: {
      metropolitan: ['Hanoi', 'Ho Chi Minh City'],
      subRegional: ['Da Nang', 'Hue', 'Can Tho'],
      rural: ['Sa Pa', 'Mai Chau', 'Phong Nha'],
    },
  },
};

export const ECONOMIES: readonly Economy[] = Object.freeze(
  ECONOMY_CODES.map((code) => Object.freeze({ code, name: PROFILES[code].name })).sort((a, b) =>
    a.name.localeCompare(b.name, 'en'),
  ),
);

const ECONOMY_CODE_SET: ReadonlySet<string> = new Set(ECONOMY_CODES);

const ECONOMIES_BY_CODE: ReadonlyMap<string, Economy> = new Map(
  ECONOMIES.map((economy) => [economy.code, economy]),
);

export function isEconomyCode(value: string): value is EconomyCode {
  return ECONOMY_CODE_SET.has(value);
}

export function economyByCode(code: string): Economy | undefined {
  return ECONOMIES_BY_CODE.get(code);
}

/** Main official and business languages (ISO 639-1), most widely used first. */
export function economyLanguages(code: EconomyCode): readonly string[] {
  return PROFILES[code].languages;
}

export function economyCities(code: EconomyCode): EconomyCities {
  return PROFILES[code].cities;
}
