-- The catalog's version: it grows with every committed change to products, whoever makes it (storefn in
-- any process or Lambda instance, an import, psql). Cached catalog answers are labelled with it and kept
-- only while it stands still.
--
-- The version is the sum of 64 counters rather than one, so that concurrent orders (each takes stock, so
-- each changes products) do not queue on one row lock until they commit: a transaction bumps the counter
-- of its server process. The bump runs at commit (a deferred trigger), so the lock is held for no longer
-- than the commit itself.
CREATE TABLE catalog_version (
    shard   smallint PRIMARY KEY CHECK (shard >= 0 AND shard < 64),
    changes bigint   NOT NULL DEFAULT 0
);
INSERT INTO catalog_version (shard) SELECT generate_series(0, 63);

CREATE FUNCTION catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_version SET changes = changes + 1 WHERE shard = pg_backend_pid() % 64;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER products_catalog_version AFTER INSERT OR UPDATE OR DELETE ON products
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER products_truncated_catalog_version AFTER TRUNCATE ON products
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
