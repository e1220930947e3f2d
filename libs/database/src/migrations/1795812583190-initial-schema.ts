import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795812583190 implements MigrationInterface {
  name = 'InitialSchema1795812583190';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" text NOT NULL, \"password_hash\" text, \"display_name\" text NOT NULL, \"roles\" text array NOT NULL DEFAULT '{}', \"managed_economies\" text array NOT NULL DEFAULT '{}', \"login_attempts\" integer NOT NULL DEFAULT '0', \"login_window_started_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"users_email_lower\" CHECK (email = lower(email)), CONSTRAINT \"users_roles_known\" CHECK (roles <@ ARRAY['MSME_OWNER','MENTOR','PROGRAM_MANAGER','ADMIN']::text[]), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"users_email_key\" ON \"users\"  (\"email\") ");
    await queryRunner.query("CREATE TABLE \"mentor_profiles\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"headline\" text NOT NULL, \"bio\" text NOT NULL DEFAULT '', \"economy\" text NOT NULL, \"expertise_sectors\" text array NOT NULL DEFAULT '{}', \"expertise_topics\" text array NOT NULL DEFAULT '{}', \"economies\" text array NOT NULL DEFAULT '{}', \"languages\" text array NOT NULL DEFAULT '{}', \"capacity\" integer NOT NULL, \"accepting_requests\" boolean NOT NULL DEFAULT true, \"years_of_experience\" integer NOT NULL DEFAULT '0', \"gender\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"REL_5fa86c14c3a0de91f7253a180b\" UNIQUE (\"user_id\"), CONSTRAINT \"mentor_profiles_gender_known\" CHECK (gender IS NULL OR gender IN ('WOMAN', 'MAN', 'NON_BINARY', 'PREFER_NOT_TO_SAY')), CONSTRAINT \"mentor_profiles_experience_range\" CHECK (years_of_experience BETWEEN 0 AND 80), CONSTRAINT \"mentor_profiles_capacity_range\" CHECK (capacity BETWEEN 1 AND 20), CONSTRAINT \"PK_e903fcb76451c2b21ce24565683\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"mentor_profiles_user_id_key\" ON \"mentor_profiles\"  (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"mentor_profiles_economy\" ON \"mentor_profiles\"  (\"economy\") ");
    await queryRunner.query("CREATE TABLE \"organizations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"owner_id\" uuid, \"name\" text NOT NULL, \"description\" text NOT NULL DEFAULT '', \"kind\" text NOT NULL, \"isic_division\" text NOT NULL, \"isic_section\" text NOT NULL, \"economy\" text NOT NULL, \"city\" text NOT NULL DEFAULT '', \"locality\" text NOT NULL, \"employees\" integer NOT NULL, \"size_class\" text NOT NULL, \"founded_year\" integer, \"women_ownership_percent\" numeric(5,2) NOT NULL DEFAULT '0', \"woman_in_top_management\" boolean NOT NULL DEFAULT false, \"board_women_percent\" numeric(5,2), \"women_owned\" boolean NOT NULL, \"women_led\" boolean NOT NULL, \"youth_led\" boolean NOT NULL DEFAULT false, \"social_enterprise\" boolean NOT NULL DEFAULT false, \"cluster\" text, \"needs\" text array NOT NULL DEFAULT '{}', \"target_economies\" text array NOT NULL DEFAULT '{}', \"languages\" text array NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"organizations_percent_range\" CHECK (women_ownership_percent BETWEEN 0 AND 100 AND (board_women_percent IS NULL OR board_women_percent BETWEEN 0 AND 100)), CONSTRAINT \"organizations_employees_range\" CHECK (employees >= 0), CONSTRAINT \"organizations_size_class_known\" CHECK (size_class IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')), CONSTRAINT \"organizations_locality_known\" CHECK (locality IN ('METROPOLITAN', 'SUB_REGIONAL', 'RURAL')), CONSTRAINT \"organizations_kind_known\" CHECK (kind IN ('MSME', 'STARTUP')), CONSTRAINT \"PK_6b031fcd0863e3f6b44230163f9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"organizations_owner_id\" ON \"organizations\"  (\"owner_id\") ");
    await queryRunner.query("CREATE INDEX \"organizations_isic_division\" ON \"organizations\"  (\"isic_division\") ");
    await queryRunner.query("CREATE INDEX \"organizations_isic_section\" ON \"organizations\"  (\"isic_section\") ");
    await queryRunner.query("CREATE INDEX \"organizations_economy\" ON \"organizations\"  (\"economy\") ");
    await queryRunner.query("CREATE INDEX \"organizations_women_led\" ON \"organizations\"  (\"women_led\") ");
    await queryRunner.query("CREATE INDEX \"organizations_name_id\" ON \"organizations\"  (\"name\", \"id\") ");
    // GIN indexes for array filters (topic, language); TypeORM cannot declare these.
    await queryRunner.query('CREATE INDEX "organizations_needs" ON "organizations" USING gin ("needs")');
    await queryRunner.query('CREATE INDEX "organizations_languages" ON "organizations" USING gin ("languages")');
    await queryRunner.query("ALTER TABLE \"mentor_profiles\" ADD CONSTRAINT \"FK_5fa86c14c3a0de91f7253a180bb\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD CONSTRAINT \"FK_e08c0b40ce104f44edf060126fe\" FOREIGN KEY (\"owner_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"organizations\" DROP CONSTRAINT \"FK_e08c0b40ce104f44edf060126fe\"");
    await queryRunner.query("ALTER TABLE \"mentor_profiles\" DROP CONSTRAINT \"FK_5fa86c14c3a0de91f7253a180bb\"");
    await queryRunner.query('DROP INDEX "organizations_languages"');
    await queryRunner.query('DROP INDEX "organizations_needs"');
    await queryRunner.query("DROP INDEX \"public\".\"organizations_name_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"organizations_women_led\"");
    await queryRunner.query("DROP INDEX \"public\".\"organizations_economy\"");
    await queryRunner.query("DROP INDEX \"public\".\"organizations_isic_section\"");
    await queryRunner.query("DROP INDEX \"public\".\"organizations_isic_division\"");
    await queryRunner.query("DROP INDEX \"public\".\"organizations_owner_id\"");
    await queryRunner.query("DROP TABLE \"organizations\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentor_profiles_economy\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentor_profiles_user_id_key\"");
    await queryRunner.query("DROP TABLE \"mentor_profiles\"");
    await queryRunner.query("DROP INDEX \"public\".\"users_email_key\"");
    await queryRunner.query("DROP TABLE \"users\"");
  }
}
