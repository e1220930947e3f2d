import { defineMessages } from '../define';

/** The platform's own vocabulary, shared by every area: one wording everywhere. */
export const domain = defineMessages(
  {
    kinds: {
      MSME: 'MSME',
      STARTUP: 'Startup',
    },
    localities: {
      METROPOLITAN: 'Metropolitan',
      SUB_REGIONAL: 'Sub-regional town',
      RURAL: 'Rural',
    },
    topics: {
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
    },
    scoreParts: {
      SECTOR: 'Sector',
      ECONOMY: 'Economy',
      INTERNATIONALIZATION: 'Export markets',
      WOMEN_LED: 'Women-led',
      TOPICS: 'Needs and expertise',
      LOCALITY: 'Locality',
    },
  },
  {
    kinds: {
      MSME: 'UMKM',
      STARTUP: 'Perusahaan rintisan',
    },
    localities: {
      METROPOLITAN: 'Metropolitan',
      SUB_REGIONAL: 'Kota daerah',
      RURAL: 'Perdesaan',
    },
    topics: {
      DIGITAL_TRANSFORMATION: 'Transformasi digital',
      E_COMMERCE: 'E-commerce',
      EXPORT: 'Ekspor dan internasionalisasi',
      FINANCE: 'Akses pembiayaan',
      MARKETING: 'Pemasaran dan merek',
      OPERATIONS: 'Operasional dan mutu',
      TECHNOLOGY: 'Penerapan teknologi',
      PRODUCT_DESIGN: 'Desain produk',
      SUPPLY_CHAIN: 'Rantai pasok dan rantai nilai',
      SUSTAINABILITY: 'Keberlanjutan',
      SOCIAL_INNOVATION: 'Inovasi sosial',
      LEGAL_IP: 'Hukum dan kekayaan intelektual',
      LEADERSHIP_HR: 'Kepemimpinan dan SDM',
      AGRI_FOOD: 'Pertanian dan pangan',
      TOURISM: 'Pariwisata dan perhotelan',
      STRATEGY: 'Strategi bisnis',
    },
    scoreParts: {
      SECTOR: 'Sektor',
      ECONOMY: 'Ekonomi',
      INTERNATIONALIZATION: 'Pasar ekspor',
      WOMEN_LED: 'Dipimpin perempuan',
      TOPICS: 'Kebutuhan dan keahlian',
      LOCALITY: 'Lokasi',
    },
  },
);
