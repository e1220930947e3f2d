import { EXPERTISE_TOPICS, isTopicCode, TOPIC_CODES } from './topics';

describe('expertise topics', () => {
  it('has 16 unique UPPER_SNAKE_CASE codes', () => {
    expect(TOPIC_CODES).toHaveLength(16);
    expect(new Set(TOPIC_CODES).size).toBe(TOPIC_CODES.length);
    for (const code of TOPIC_CODES) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    }
  });

  it('gives every code exactly one non-empty, unique label', () => {
    expect(EXPERTISE_TOPICS.map((t) => t.code)).toEqual([...TOPIC_CODES]);
    for (const topic of EXPERTISE_TOPICS) {
      expect(topic.label.trim().length).toBeGreaterThan(0);
    }
    expect(new Set(EXPERTISE_TOPICS.map((t) => t.label)).size).toBe(EXPERTISE_TOPICS.length);
  });

  it('labels topics as curated', () => {
    const label = (code: string) => EXPERTISE_TOPICS.find((t) => t.code === code)?.label;
    expect(label('EXPORT')).toBe('Export and internationalisation');
    expect(label('E_COMMERCE')).toBe('E-commerce');
    expect(label('LEGAL_IP')).toBe('Legal and intellectual property');
    expect(label('STRATEGY')).toBe('Business strategy');
  });

  it('recognises topic codes exactly', () => {
    expect(isTopicCode('FINANCE')).toBe(true);
    expect(isTopicCode('finance')).toBe(false);
    expect(isTopicCode('BLOCKCHAIN')).toBe(false);
  });
});
