import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@app/accounts';
import { numericTransformer } from '@app/database';
import type { EconomyCode, Locality, SizeClass, TopicCode } from '@app/taxonomy';

export enum OrganizationKind {
  MSME = 'MSME',
  STARTUP = 'STARTUP',
}

/** Columns COPY and the importer write, in table order; kept beside the entity that owns them. */
export const ORGANIZATION_COPY_COLUMNS = [
  'owner_id',
  'name',
  'description',
  'kind',
  'isic_division',
  'isic_section',
  'economy',
  'city',
  'locality',
  'employees',
  'size_class',
  'founded_year',
  'women_ownership_percent',
  'woman_in_top_management',
  'board_women_percent',
  'women_owned',
  'women_led',
  'youth_led',
  'social_enterprise',
  'prefers_woman_mentor',
  'cluster',
  'needs',
  'target_economies',
  'languages',
] as const;

@Entity('organizations')
@Check('organizations_kind_known', `kind IN ('MSME', 'STARTUP')`)
@Check('organizations_locality_known', `locality IN ('METROPOLITAN', 'SUB_REGIONAL', 'RURAL')`)
@Check('organizations_size_class_known', `size_class IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')`)
@Check('organizations_employees_range', `employees >= 0`)
@Check(
  'organizations_percent_range',
  `women_ownership_percent BETWEEN 0 AND 100 AND (board_women_percent IS NULL OR board_women_percent BETWEEN 0 AND 100)`,
)
@Check('organizations_request_counters', `open_requests >= 0 AND active_mentorships >= 0`)
@Check('organizations_mentors_wanted_range', `mentors_wanted BETWEEN 1 AND 3`)
@Index('organizations_name_id', ['name', 'id'])
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The MSME owner account; null for organisations a program manager or import created. */
  @Index('organizations_owner_id')
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Index('organizations_isic_division')
  @Column({ name: 'isic_division', type: 'text' })
  isicDivision: string;

  /** Derived from the division; stored so section filters use an index. */
  @Index('organizations_isic_section')
  @Column({ name: 'isic_section', type: 'text' })
  isicSection: string;

  @Index('organizations_economy')
  @Column({ type: 'text' })
  economy: EconomyCode;

  @Column({ type: 'text', default: '' })
  city: string;

  @Column({ type: 'text' })
  locality: Locality;

  @Column({ type: 'integer' })
  employees: number;

  /** Derived from employees. */
  @Column({ name: 'size_class', type: 'text' })
  sizeClass: SizeClass;

  @Column({ name: 'founded_year', type: 'integer', nullable: true })
  foundedYear: number | null;

  @Column({
    name: 'women_ownership_percent',
    type: 'numeric',
    precision: 5,
    scale: 2,
    default: 0,
    transformer: numericTransformer,
  })
  womenOwnershipPercent: number;

  @Column({ name: 'woman_in_top_management', type: 'boolean', default: false })
  womanInTopManagement: boolean;

  /** Null when the organisation has no board. */
  @Column({
    name: 'board_women_percent',
    type: 'numeric',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  boardWomenPercent: number | null;

  /** Derived (IFC): stored so reports and filters use plain columns. */
  @Column({ name: 'women_owned', type: 'boolean' })
  womenOwned: boolean;

  @Index('organizations_women_led')
  @Column({ name: 'women_led', type: 'boolean' })
  womenLed: boolean;

  @Column({ name: 'youth_led', type: 'boolean', default: false })
  youthLed: boolean;

  /** Mentors it wants at once (1-3); once it has them, its other open requests are withdrawn. */
  @Column({ name: 'mentors_wanted', type: 'smallint', default: 1 })
  mentorsWanted: number;

  /** PENDING requests it has sent: kept with them, in the same transactions. */
  @Column({ name: 'open_requests', type: 'integer', default: 0 })
  openRequests: number;

  /** ACTIVE mentorships it has: kept with them, in the same transactions. */
  @Column({ name: 'active_mentorships', type: 'integer', default: 0 })
  activeMentorships: number;

  @Column({ name: 'social_enterprise', type: 'boolean', default: false })
  socialEnterprise: boolean;

  /** The organisation asks for a woman mentor (weighs in the WOMEN_LED score component). */
  @Column({ name: 'prefers_woman_mentor', type: 'boolean', default: false })
  prefersWomanMentor: boolean;

  /** Local industrial cluster the firm belongs to, free text. */
  @Column({ type: 'text', nullable: true })
  cluster: string | null;

  @Index('organizations_needs', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  needs: TopicCode[];

  @Column({ name: 'target_economies', type: 'text', array: true, default: () => "'{}'" })
  targetEconomies: EconomyCode[];

  @Index('organizations_languages', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
