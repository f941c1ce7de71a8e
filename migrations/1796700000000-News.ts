import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 招商资讯 and 投稿 (src/news): articles with their region and industry closures (GIN, subtree
 * filters like the project library), tags, jieba search text (GIN expression index, as projects),
 * the moderation state of submissions; and which articles each enterprise's digests carried.
 */
export class News1796700000000 implements MigrationInterface {
  name = 'News1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE article (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        title character varying(200) NOT NULL,
        summary character varying(500) NOT NULL DEFAULT '',
        body text NOT NULL,
        body_html text NOT NULL,
        source character varying(100) NOT NULL DEFAULT '',
        source_url character varying(500),
        author character varying(100) NOT NULL DEFAULT '',
        region_code character(6) NOT NULL,
        region_codes character(6)[] NOT NULL,
        region_path character(6)[] NOT NULL,
        industry_codes character varying(5)[] NOT NULL DEFAULT '{}',
        industry_path character varying(5)[] NOT NULL DEFAULT '{}',
        tags character varying(40)[] NOT NULL DEFAULT '{}',
        related_project_ids integer[] NOT NULL DEFAULT '{}',
        related_policy_ids integer[] NOT NULL DEFAULT '{}',
        suggestions jsonb NOT NULL DEFAULT '{}',
        status character varying(10) NOT NULL,
        origin character varying(10) NOT NULL,
        rejection_reason character varying(500),
        published_at timestamp with time zone,
        created_by integer,
        submitter_user_id integer,
        submitter_email character varying(254),
        submitter_name character varying(100) NOT NULL DEFAULT '',
        confirmed_at timestamp with time zone,
        confirm_token_hash character(64),
        confirm_expires_at timestamp with time zone,
        moderated_by integer,
        moderated_at timestamp with time zone,
        search_text text NOT NULL DEFAULT '',
        created_at timestamp with time zone NOT NULL DEFAULT now(),
        updated_at timestamp with time zone NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX article_status_published_idx ON article (status, published_at)`);
    await q.query(`CREATE UNIQUE INDEX article_confirm_token_key ON article (confirm_token_hash)`);
    await q.query(`CREATE INDEX article_region_path_gin ON article USING gin (region_path)`);
    await q.query(`CREATE INDEX article_industry_path_gin ON article USING gin (industry_path)`);
    await q.query(`CREATE INDEX article_tags_gin ON article USING gin (tags)`);
    await q.query(`CREATE INDEX article_search_gin ON article USING gin (to_tsvector('simple', search_text))`);
    await q.query(`
      CREATE TABLE article_delivery (
        enterprise_id integer NOT NULL,
        article_id integer NOT NULL,
        notification_id bigint,
        sent_at timestamp with time zone NOT NULL DEFAULT now(),
        CONSTRAINT article_delivery_pkey PRIMARY KEY (enterprise_id, article_id)
      )`);
    await q.query(`CREATE INDEX article_delivery_article_idx ON article_delivery (article_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE article_delivery`);
    await q.query(`DROP TABLE article`);
  }
}
