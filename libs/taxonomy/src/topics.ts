export const TOPIC_CODES = [
  'DIGITAL_TRANSFORMATION',
  'E_COMMERCE',
  'EXPORT',
  'FINANCE',
  'MARKETING',
  'OPERATIONS',
  'TECHNOLOGY',
  'PRODUCT_DESIGN',
  'SUPPLY_CHAIN',
  'SUSTAINABILITY',
  'SOCIAL_INNOVATION',
  'LEGAL_IP',
  'LEADERSHIP_HR',
  'AGRI_FOOD',
  'TOURISM',
  'STRATEGY',
] as const;

export type TopicCode = (typeof TOPIC_CODES)[number];

export interface ExpertiseTopic {
  readonly code: TopicCode;
  readonly label: string;
}

const TOPIC_LABELS: Readonly<Record<TopicCode, string>> = {
  DIGITAL_TRANSFORMATION: 'Digital transformation',
  E_COMMERCE: 'E-commerce',
  EXPORT: 'Export and internationalisation',
  FINANCE: 'Access to finance',
  MARKETING: 'Marketing and branding',
  OPERATIONS: 'Operations and quality',
  TECHNOLOGY: 'Technology application',
  PRODUCT_DESIGN: 'Product design',
  SUPPLY_CHAIN: 'Supply and value chains',
  SUSTAINABILITY: 'Sustainability',
  SOCIAL_INNOVATION: 'Social innovation',
  LEGAL_IP: 'Legal and intellectual property',
  LEADERSHIP_HR: 'Leadership and HR',
  AGRI_FOOD: 'Agri-food',
  TOURISM: 'Tourism and hospitality',
  STRATEGY: 'Business strategy',
};

export const EXPERTISE_TOPICS: readonly ExpertiseTopic[] = Object.freeze(
  TOPIC_CODES.map((code) => Object.freeze({ code, label: TOPIC_LABELS[code] })),
);

const TOPIC_CODE_SET: ReadonlySet<string> = new Set(TOPIC_CODES);

export function isTopicCode(code: string): code is TopicCode {
  return TOPIC_CODE_SET.has(code);
}
