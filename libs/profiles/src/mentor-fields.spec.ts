import { buildMentorRecord, DEFAULT_CAPACITY, type MentorFields, type MentorRecord } from './mentor-fields';
import { Gender } from './mentor-profile.entity';

const input = (overrides: MentorFields = {}): MentorFields => ({
  headline: 'Export strategy for food SMEs',
  bio: 'Twenty years in regional food exports.',
  economy: 'JP',
  expertiseSectors: ['10', 'G'],
  expertiseTopics: ['EXPORT', 'MARKETING'],
  economies: ['JP', 'TH'],
  languages: ['ja', 'en'],
  yearsOfExperience: 20,
  gender: Gender.WOMAN,
  ...overrides,
});

const fieldsOf = (errors: Array<{ field: string }>): string[] => errors.map((e) => e.field).sort();

describe('buildMentorRecord', () => {
  describe('on create (no current profile)', () => {
    it('builds a record with the defaults: capacity 3, accepting requests', () => {
      const { record, errors } = buildMentorRecord(input());
      expect(errors).toEqual([]);
      expect(DEFAULT_CAPACITY).toBe(3);
      expect(record).toEqual({
        headline: 'Export strategy for food SMEs',
        bio: 'Twenty years in regional food exports.',
        economy: 'JP',
        expertiseSectors: ['10', 'G'],
        expertiseTopics: ['EXPORT', 'MARKETING'],
        economies: ['JP', 'TH'],
        languages: ['ja', 'en'],
        capacity: 3,
        acceptingRequests: true,
        yearsOfExperience: 20,
        gender: Gender.WOMAN,
      });
    });

    it('defaults the optional fields when only the required ones are given', () => {
      const { record, errors } = buildMentorRecord({ headline: 'Mentor', economy: 'PE', languages: ['es'] });
      expect(errors).toEqual([]);
      expect(record).toEqual({
        headline: 'Mentor',
        bio: '',
        economy: 'PE',
        expertiseSectors: [],
        expertiseTopics: [],
        economies: [],
        languages: ['es'],
        capacity: 3,
        acceptingRequests: true,
        yearsOfExperience: 0,
        gender: null,
      });
    });

    it('requires headline, economy and languages', () => {
      const { record, errors } = buildMentorRecord({});
      expect(record).toBeUndefined();
      expect(fieldsOf(errors)).toEqual(['economy', 'headline', 'languages']);
    });

    it.each<[string, MentorFields, string]>([
      ['blank headline', { headline: '   ' }, 'headline'],
      ['headline over 200 characters', { headline: 'x'.repeat(201) }, 'headline'],
      ['economy outside APEC', { economy: 'FR' }, 'economy'],
      ['no languages', { languages: [] }, 'languages'],
      ['unknown language', { languages: ['en', 'xx'] }, 'languages'],
      ['unknown topic', { expertiseTopics: ['EXPORT', 'ALCHEMY'] }, 'expertiseTopics'],
      ['unknown economy worked in', { economies: ['JP', 'DE'] }, 'economies'],
      ['years of experience above 80', { yearsOfExperience: 81 }, 'yearsOfExperience'],
      ['negative years of experience', { yearsOfExperience: -1 }, 'yearsOfExperience'],
      ['unknown gender', { gender: 'OTHER' as Gender }, 'gender'],
    ])('rejects %s', (_label, overrides, field) => {
      const { record, errors } = buildMentorRecord(input(overrides));
      expect(record).toBeUndefined();
      expect(fieldsOf(errors)).toEqual([field]);
    });

    it('removes duplicates from lists', () => {
      const { record } = buildMentorRecord(
        input({
          languages: ['ja', 'en', 'ja'],
          expertiseSectors: ['10', '10', 'G'],
          economies: ['JP', 'JP'],
        }),
      );
      expect(record?.languages).toEqual(['ja', 'en']);
      expect(record?.expertiseSectors).toEqual(['10', 'G']);
      expect(record?.economies).toEqual(['JP']);
    });
  });

  describe('capacity', () => {
    it.each([1, 2, 19, 20])('accepts %i', (capacity) => {
      const { record, errors } = buildMentorRecord(input({ capacity }));
      expect(errors).toEqual([]);
      expect(record?.capacity).toBe(capacity);
    });

    it.each([0, 21, -3, 2.5])('rejects %d', (capacity) => {
      const { record, errors } = buildMentorRecord(input({ capacity }));
      expect(record).toBeUndefined();
      expect(fieldsOf(errors)).toEqual(['capacity']);
    });
  });

  describe('expertise sectors', () => {
    it('accepts ISIC divisions and section letters', () => {
      const { record, errors } = buildMentorRecord(input({ expertiseSectors: ['01', '62', 'A', 'U', '99'] }));
      expect(errors).toEqual([]);
      expect(record?.expertiseSectors).toEqual(['01', '62', 'A', 'U', '99']);
    });

    it.each(['04', 'Z', '1', 'c', 'AB', '100'])('rejects %s and names it', (code) => {
      const { record, errors } = buildMentorRecord(input({ expertiseSectors: ['10', code] }));
      expect(record).toBeUndefined();
      expect(fieldsOf(errors)).toEqual(['expertiseSectors']);
      expect(errors[0].message).toContain(code);
    });
  });

  describe('partial update over a current profile', () => {
    const current: MentorRecord = {
      headline: 'Current headline',
      bio: 'Current bio',
      economy: 'MY',
      expertiseSectors: ['C'],
      expertiseTopics: ['FINANCE'],
      economies: ['MY', 'SG'],
      languages: ['ms', 'en'],
      capacity: 7,
      acceptingRequests: false,
      yearsOfExperience: 12,
      gender: Gender.MAN,
    };

    it('keeps every current value when nothing is given', () => {
      const { record, errors } = buildMentorRecord({}, current);
      expect(errors).toEqual([]);
      expect(record).toEqual(current);
    });

    it('changes only the fields given', () => {
      const { record, errors } = buildMentorRecord({ capacity: 10, headline: 'New headline' }, current);
      expect(errors).toEqual([]);
      expect(record).toEqual({ ...current, capacity: 10, headline: 'New headline' });
    });

    it('keeps acceptingRequests false and capacity 7 rather than falling back to defaults', () => {
      const { record } = buildMentorRecord({ bio: 'Updated' }, current);
      expect(record?.acceptingRequests).toBe(false);
      expect(record?.capacity).toBe(7);
    });

    it('clears gender when it is given as null', () => {
      const { record, errors } = buildMentorRecord({ gender: null }, current);
      expect(errors).toEqual([]);
      expect(record).toEqual({ ...current, gender: null });
    });

    it('still validates the merged result', () => {
      const { record, errors } = buildMentorRecord({ languages: [], capacity: 21 }, current);
      expect(record).toBeUndefined();
      expect(fieldsOf(errors)).toEqual(['capacity', 'languages']);
    });
  });
});
