-- The statements PublicChangesTargeted1764200000000 ran when it was applied in deployments: up, then down.
-- Recorded from the migration as first written; the migration must keep running exactly these.

-- up
CREATE FUNCTION "notify_public_row_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed record;
      BEGIN
        IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
        PERFORM pg_notify('vitrina_public_changes', TG_TABLE_NAME || ' ' || changed.id || ' ' || changed.country_id);
        IF TG_OP = 'UPDATE' AND OLD.country_id IS DISTINCT FROM NEW.country_id THEN
          PERFORM pg_notify('vitrina_public_changes', TG_TABLE_NAME || ' ' || OLD.id || ' ' || OLD.country_id);
        END IF;
        RETURN NULL;
      END $$;
DROP TRIGGER "trg_items_public_inserts" ON "items";
DROP TRIGGER "trg_items_public_updates" ON "items";
DROP TRIGGER "trg_items_public_deletes" ON "items";
CREATE TRIGGER "trg_items_public_inserts" AFTER INSERT ON "items" FOR EACH ROW WHEN (NEW."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_row_change"();
CREATE TRIGGER "trg_items_public_updates" AFTER UPDATE ON "items" FOR EACH ROW WHEN (OLD."live_revision" IS DISTINCT FROM NEW."live_revision" OR OLD."live_slug" IS DISTINCT FROM NEW."live_slug" OR OLD."live_content" IS DISTINCT FROM NEW."live_content" OR OLD."live_media_ids" IS DISTINCT FROM NEW."live_media_ids" OR OLD."live_media_texts" IS DISTINCT FROM NEW."live_media_texts" OR OLD."published_at" IS DISTINCT FROM NEW."published_at" OR OLD."country_id" IS DISTINCT FROM NEW."country_id") EXECUTE FUNCTION "notify_public_row_change"();
CREATE TRIGGER "trg_items_public_deletes" AFTER DELETE ON "items" FOR EACH ROW WHEN (OLD."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_row_change"();
DROP TRIGGER "trg_memorials_public_inserts" ON "memorials";
DROP TRIGGER "trg_memorials_public_updates" ON "memorials";
DROP TRIGGER "trg_memorials_public_deletes" ON "memorials";
CREATE TRIGGER "trg_memorials_public_inserts" AFTER INSERT ON "memorials" FOR EACH ROW WHEN (NEW."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_row_change"();
CREATE TRIGGER "trg_memorials_public_updates" AFTER UPDATE ON "memorials" FOR EACH ROW WHEN (OLD."live_revision" IS DISTINCT FROM NEW."live_revision" OR OLD."live_slug" IS DISTINCT FROM NEW."live_slug" OR OLD."live_content" IS DISTINCT FROM NEW."live_content" OR OLD."live_media_ids" IS DISTINCT FROM NEW."live_media_ids" OR OLD."live_media_texts" IS DISTINCT FROM NEW."live_media_texts" OR OLD."published_at" IS DISTINCT FROM NEW."published_at" OR OLD."country_id" IS DISTINCT FROM NEW."country_id") EXECUTE FUNCTION "notify_public_row_change"();
CREATE TRIGGER "trg_memorials_public_deletes" AFTER DELETE ON "memorials" FOR EACH ROW WHEN (OLD."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_row_change"();
DROP TRIGGER "trg_exhibitions_public_inserts" ON "exhibitions";
DROP TRIGGER "trg_exhibitions_public_updates" ON "exhibitions";
DROP TRIGGER "trg_exhibitions_public_deletes" ON "exhibitions";
CREATE TRIGGER "trg_exhibitions_public_inserts" AFTER INSERT ON "exhibitions" FOR EACH ROW WHEN (NEW."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_row_change"();
CREATE TRIGGER "trg_exhibitions_public_updates" AFTER UPDATE ON "exhibitions" FOR EACH ROW WHEN (OLD."live_revision" IS DISTINCT FROM NEW."live_revision" OR OLD."live_slug" IS DISTINCT FROM NEW."live_slug" OR OLD."live_content" IS DISTINCT FROM NEW."live_content" OR OLD."live_media_ids" IS DISTINCT FROM NEW."live_media_ids" OR OLD."live_media_texts" IS DISTINCT FROM NEW."live_media_texts" OR OLD."published_at" IS DISTINCT FROM NEW."published_at" OR OLD."country_id" IS DISTINCT FROM NEW."country_id") EXECUTE FUNCTION "notify_public_row_change"();
CREATE TRIGGER "trg_exhibitions_public_deletes" AFTER DELETE ON "exhibitions" FOR EACH ROW WHEN (OLD."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_row_change"();
DROP TRIGGER "trg_media_assets_public_changes" ON "media_assets";
CREATE TRIGGER "trg_media_assets_public_rows" AFTER INSERT OR UPDATE OR DELETE ON "media_assets" FOR EACH ROW EXECUTE FUNCTION "notify_public_row_change"();
CREATE TRIGGER "trg_media_assets_public_truncates" AFTER TRUNCATE ON "media_assets" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changes"();
-- down
DROP TRIGGER "trg_media_assets_public_truncates" ON "media_assets";
DROP TRIGGER "trg_media_assets_public_rows" ON "media_assets";
CREATE TRIGGER "trg_media_assets_public_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "media_assets" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_changes"();
DROP TRIGGER "trg_exhibitions_public_inserts" ON "exhibitions";
DROP TRIGGER "trg_exhibitions_public_updates" ON "exhibitions";
DROP TRIGGER "trg_exhibitions_public_deletes" ON "exhibitions";
CREATE TRIGGER "trg_exhibitions_public_inserts" AFTER INSERT ON "exhibitions" FOR EACH ROW WHEN (NEW."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_changes"();
CREATE TRIGGER "trg_exhibitions_public_updates" AFTER UPDATE ON "exhibitions" FOR EACH ROW WHEN (OLD."live_revision" IS DISTINCT FROM NEW."live_revision" OR OLD."live_slug" IS DISTINCT FROM NEW."live_slug" OR OLD."live_content" IS DISTINCT FROM NEW."live_content" OR OLD."live_media_ids" IS DISTINCT FROM NEW."live_media_ids" OR OLD."live_media_texts" IS DISTINCT FROM NEW."live_media_texts" OR OLD."published_at" IS DISTINCT FROM NEW."published_at") EXECUTE FUNCTION "notify_public_changes"();
CREATE TRIGGER "trg_exhibitions_public_deletes" AFTER DELETE ON "exhibitions" FOR EACH ROW WHEN (OLD."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_changes"();
DROP TRIGGER "trg_memorials_public_inserts" ON "memorials";
DROP TRIGGER "trg_memorials_public_updates" ON "memorials";
DROP TRIGGER "trg_memorials_public_deletes" ON "memorials";
CREATE TRIGGER "trg_memorials_public_inserts" AFTER INSERT ON "memorials" FOR EACH ROW WHEN (NEW."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_changes"();
CREATE TRIGGER "trg_memorials_public_updates" AFTER UPDATE ON "memorials" FOR EACH ROW WHEN (OLD."live_revision" IS DISTINCT FROM NEW."live_revision" OR OLD."live_slug" IS DISTINCT FROM NEW."live_slug" OR OLD."live_content" IS DISTINCT FROM NEW."live_content" OR OLD."live_media_ids" IS DISTINCT FROM NEW."live_media_ids" OR OLD."live_media_texts" IS DISTINCT FROM NEW."live_media_texts" OR OLD."published_at" IS DISTINCT FROM NEW."published_at") EXECUTE FUNCTION "notify_public_changes"();
CREATE TRIGGER "trg_memorials_public_deletes" AFTER DELETE ON "memorials" FOR EACH ROW WHEN (OLD."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_changes"();
DROP TRIGGER "trg_items_public_inserts" ON "items";
DROP TRIGGER "trg_items_public_updates" ON "items";
DROP TRIGGER "trg_items_public_deletes" ON "items";
CREATE TRIGGER "trg_items_public_inserts" AFTER INSERT ON "items" FOR EACH ROW WHEN (NEW."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_changes"();
CREATE TRIGGER "trg_items_public_updates" AFTER UPDATE ON "items" FOR EACH ROW WHEN (OLD."live_revision" IS DISTINCT FROM NEW."live_revision" OR OLD."live_slug" IS DISTINCT FROM NEW."live_slug" OR OLD."live_content" IS DISTINCT FROM NEW."live_content" OR OLD."live_media_ids" IS DISTINCT FROM NEW."live_media_ids" OR OLD."live_media_texts" IS DISTINCT FROM NEW."live_media_texts" OR OLD."published_at" IS DISTINCT FROM NEW."published_at") EXECUTE FUNCTION "notify_public_changes"();
CREATE TRIGGER "trg_items_public_deletes" AFTER DELETE ON "items" FOR EACH ROW WHEN (OLD."live_revision" IS NOT NULL) EXECUTE FUNCTION "notify_public_changes"();
DROP FUNCTION "notify_public_row_change"();
