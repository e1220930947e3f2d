import * as taxonomy from './index';

describe('taxonomy barrel', () => {
  it.each([
    'ECONOMY_CODES',
    'ECONOMIES',
    'isEconomyCode',
    'economyByCode',
    'economyLanguages',
    'economyCities',
    'ISIC_SECTIONS',
    'ISIC_DIVISIONS',
    'isicDivision',
    'isicSection',
    'isIsicDivisionCode',
    'isSectorCode',
    'sectionOfDivision',
    'sectorCodesRelatedTo',
    'LANGUAGES',
    'isLanguageCode',
    'languageByCode',
    'TOPIC_CODES',
    'EXPERTISE_TOPICS',
    'isTopicCode',
    'Locality',
    'LOCALITY_LABELS',
    'SizeClass',
    'sizeClassOf',
    'employeeRangeOf',
    'deriveWomenLeadership',
    'WOMEN_OWNED_MIN_OWNERSHIP',
    'WOMEN_LED_MIN_OWNERSHIP',
    'WOMEN_LED_MIN_BOARD',
  ])('exports %s', (name) => {
    expect(taxonomy).toHaveProperty(name);
    expect((taxonomy as Record<string, unknown>)[name]).toBeDefined();
  });
});
