-- The figures the staff panel shows (accounts, products per department, orders, paid revenue, orders per payment
-- method and per status, paid revenue per store day), kept up to date as rows are written, so that the dashboard,
-- the reports and a page of the admin order list read a few dozen rows however long the shop's history grows.
--
-- The database keeps them, in the transaction of the change, whoever makes it (the order lifecycle, sign-up, the
-- catalog import, psql): a figure kept by the application would drift at the first write that went round it.
--
-- Each figure is spread over 64 rows (shards). A transaction adds its changes to a shard no other transaction holds
-- (SKIP LOCKED; its process's own, pg_backend_pid() % 64, when free), so concurrent orders neither queue on one row
-- lock nor wait on each other through the figures. Rows inserted or deleted by one statement are added up once per
-- statement (transition tables): a bulk import of 100,000 orders is one change of one shard, not 100,000 versions of
-- one row. An update is added up per row, and only when it changes what is counted (the triggers' WHEN).
CREATE TABLE shop_tallies (
    shard      smallint      PRIMARY KEY CHECK (shard >= 0 AND shard < 64),
    users      bigint        NOT NULL DEFAULT 0,   -- accounts not erased
    products   bigint        NOT NULL DEFAULT 0,
    men        bigint        NOT NULL DEFAULT 0,
    women      bigint        NOT NULL DEFAULT 0,
    orders     bigint        NOT NULL DEFAULT 0,
    revenue    numeric(14,2) NOT NULL DEFAULT 0,   -- paid orders' totals, whatever became of the orders since
    cod        bigint        NOT NULL DEFAULT 0,
    stripe     bigint        NOT NULL DEFAULT 0,
    processing bigint        NOT NULL DEFAULT 0,
    shipped    bigint        NOT NULL DEFAULT 0,
    delivered  bigint        NOT NULL DEFAULT 0,
    cancelled  bigint        NOT NULL DEFAULT 0
);
INSERT INTO shop_tallies (shard) SELECT generate_series(0, 63);

-- Paid orders and their revenue per calendar day of the zone named in shop_figures_zone, by the day the order was
-- placed. A (day, shard) row is written only by the transaction holding that shard's shop_tallies row.
CREATE TABLE paid_days (
    day     date          NOT NULL,
    shard   smallint      NOT NULL,
    orders  bigint        NOT NULL,
    revenue numeric(14,2) NOT NULL,
    PRIMARY KEY (day, shard)
);

-- The zone paid_days is kept in, as PostgreSQL's AT TIME ZONE reads it. A reader in another zone (the store's
-- zone was changed) counts the days again (shop_figures_recount) before reading them.
CREATE TABLE shop_figures_zone (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    zone     text    NOT NULL
);
INSERT INTO shop_figures_zone (zone) VALUES ('UTC');

-- Adds changes to a shard this transaction holds (locking one if it holds none that is free); returns the shard.
CREATE FUNCTION shop_tallies_add(users bigint DEFAULT 0, products bigint DEFAULT 0, men bigint DEFAULT 0,
        women bigint DEFAULT 0, orders bigint DEFAULT 0, revenue numeric DEFAULT 0, cod bigint DEFAULT 0,
        stripe bigint DEFAULT 0, processing bigint DEFAULT 0, shipped bigint DEFAULT 0, delivered bigint DEFAULT 0,
        cancelled bigint DEFAULT 0) RETURNS smallint LANGUAGE plpgsql AS $$
DECLARE
    here smallint;
BEGIN
    SELECT t.shard INTO here FROM shop_tallies t WHERE t.shard = pg_backend_pid() % 64 FOR UPDATE SKIP LOCKED;
    IF here IS NULL THEN
        SELECT t.shard INTO here FROM shop_tallies t WHERE t.shard < 64 LIMIT 1 FOR UPDATE SKIP LOCKED;
    END IF;
    IF here IS NULL THEN
        -- Every shard is held by another transaction (64 writing at once): wait for this process's own.
        here := pg_backend_pid() % 64;
    END IF;
    UPDATE shop_tallies t SET users = t.users + shop_tallies_add.users, products = t.products + shop_tallies_add.products,
        men = t.men + shop_tallies_add.men, women = t.women + shop_tallies_add.women,
        orders = t.orders + shop_tallies_add.orders, revenue = t.revenue + shop_tallies_add.revenue,
        cod = t.cod + shop_tallies_add.cod, stripe = t.stripe + shop_tallies_add.stripe,
        processing = t.processing + shop_tallies_add.processing, shipped = t.shipped + shop_tallies_add.shipped,
        delivered = t.delivered + shop_tallies_add.delivered, cancelled = t.cancelled + shop_tallies_add.cancelled
    WHERE t.shard = here;
    RETURN here;
END
$$;

-- Orders gone (or as they were) and come (or as they are now), counted: the tallies and the paid days.
CREATE FUNCTION order_figures_apply(gone orders[], came orders[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    here smallint;
BEGIN
    IF cardinality(gone) + cardinality(came) = 0 THEN
        RETURN;
    END IF;
    SELECT shop_tallies_add(orders => sum(c.sign), revenue => coalesce(sum(c.sign * c.total_amount) FILTER (WHERE c.payment_status = 'paid'), 0),
            cod => coalesce(sum(c.sign) FILTER (WHERE c.payment_method = 'cod'), 0),
            stripe => coalesce(sum(c.sign) FILTER (WHERE c.payment_method = 'stripe'), 0),
            processing => coalesce(sum(c.sign) FILTER (WHERE c.order_status = 'processing'), 0),
            shipped => coalesce(sum(c.sign) FILTER (WHERE c.order_status = 'shipped'), 0),
            delivered => coalesce(sum(c.sign) FILTER (WHERE c.order_status = 'delivered'), 0),
            cancelled => coalesce(sum(c.sign) FILTER (WHERE c.order_status = 'cancelled'), 0))
    INTO here
    FROM (SELECT -1 AS sign, g.* FROM unnest(gone) AS g UNION ALL SELECT 1, n.* FROM unnest(came) AS n) c;
    INSERT INTO paid_days AS d (day, shard, orders, revenue)
    SELECT (c.created_at AT TIME ZONE z.zone)::date, here, sum(c.sign), sum(c.sign * c.total_amount)
    FROM (SELECT -1 AS sign, g.* FROM unnest(gone) AS g UNION ALL SELECT 1, n.* FROM unnest(came) AS n) c, shop_figures_zone z
    WHERE c.payment_status = 'paid'
    GROUP BY 1
    HAVING sum(c.sign) <> 0 OR sum(c.sign * c.total_amount) <> 0
    ON CONFLICT (day, shard) DO UPDATE SET orders = d.orders + excluded.orders, revenue = d.revenue + excluded.revenue;
END
$$;

CREATE FUNCTION orders_figures_placed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM order_figures_apply('{}', ARRAY(SELECT p::orders FROM placed p));
    RETURN NULL;
END
$$;

CREATE FUNCTION orders_figures_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM order_figures_apply(ARRAY(SELECT r::orders FROM removed r), '{}');
    RETURN NULL;
END
$$;

CREATE FUNCTION orders_figures_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM order_figures_apply(ARRAY[OLD], ARRAY[NEW]);
    RETURN NULL;
END
$$;

CREATE FUNCTION users_figures_joined() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM shop_tallies_add(users => count(*)) FROM joined WHERE deleted_at IS NULL HAVING count(*) > 0;
    RETURN NULL;
END
$$;

CREATE FUNCTION users_figures_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM shop_tallies_add(users => -count(*)) FROM removed WHERE deleted_at IS NULL HAVING count(*) > 0;
    RETURN NULL;
END
$$;

CREATE FUNCTION users_figures_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM shop_tallies_add(users => CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END);
    RETURN NULL;
END
$$;

CREATE FUNCTION products_figures_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM shop_tallies_add(products => count(*), men => count(*) FILTER (WHERE category = 'men'),
        women => count(*) FILTER (WHERE category = 'women'))
    FROM added HAVING count(*) > 0;
    RETURN NULL;
END
$$;

CREATE FUNCTION products_figures_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM shop_tallies_add(products => -count(*), men => -count(*) FILTER (WHERE category = 'men'),
        women => -count(*) FILTER (WHERE category = 'women'))
    FROM removed HAVING count(*) > 0;
    RETURN NULL;
END
$$;

CREATE FUNCTION products_figures_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM shop_tallies_add(men => (NEW.category = 'men')::int - (OLD.category = 'men')::int,
        women => (NEW.category = 'women')::int - (OLD.category = 'women')::int);
    RETURN NULL;
END
$$;

-- Counts everything again, with paid revenue per day of the given zone. Writers of the counted tables wait
-- meanwhile, so the figures are exact when it returns.
CREATE FUNCTION shop_figures_recount(store_zone text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE users, products, orders IN SHARE MODE;
    UPDATE shop_figures_zone SET zone = store_zone;
    UPDATE shop_tallies SET users = 0, products = 0, men = 0, women = 0, orders = 0, revenue = 0, cod = 0, stripe = 0,
        processing = 0, shipped = 0, delivered = 0, cancelled = 0;
    DELETE FROM paid_days;
    UPDATE shop_tallies SET users = (SELECT count(*) FROM users WHERE deleted_at IS NULL),
        products = p.products, men = p.men, women = p.women,
        orders = o.orders, revenue = o.revenue, cod = o.cod, stripe = o.stripe,
        processing = o.processing, shipped = o.shipped, delivered = o.delivered, cancelled = o.cancelled
    FROM (SELECT count(*) AS products, count(*) FILTER (WHERE category = 'men') AS men,
              count(*) FILTER (WHERE category = 'women') AS women
          FROM products) p,
         (SELECT count(*) AS orders, coalesce(sum(total_amount) FILTER (WHERE payment_status = 'paid'), 0) AS revenue,
              count(*) FILTER (WHERE payment_method = 'cod') AS cod, count(*) FILTER (WHERE payment_method = 'stripe') AS stripe,
              count(*) FILTER (WHERE order_status = 'processing') AS processing,
              count(*) FILTER (WHERE order_status = 'shipped') AS shipped,
              count(*) FILTER (WHERE order_status = 'delivered') AS delivered,
              count(*) FILTER (WHERE order_status = 'cancelled') AS cancelled
          FROM orders) o
    WHERE shard = 0;
    INSERT INTO paid_days (day, shard, orders, revenue)
    SELECT (created_at AT TIME ZONE store_zone)::date, 0, count(*), sum(total_amount) FROM orders
    WHERE payment_status = 'paid' GROUP BY 1;
END
$$;

CREATE FUNCTION shop_figures_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM shop_figures_recount(zone) FROM shop_figures_zone;
    RETURN NULL;
END
$$;

CREATE TRIGGER orders_figures_placed AFTER INSERT ON orders REFERENCING NEW TABLE AS placed
    FOR EACH STATEMENT EXECUTE FUNCTION orders_figures_placed();
CREATE TRIGGER orders_figures_removed AFTER DELETE ON orders REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION orders_figures_removed();
CREATE TRIGGER orders_figures_moved AFTER UPDATE ON orders FOR EACH ROW
    WHEN (OLD.order_status IS DISTINCT FROM NEW.order_status OR OLD.payment_status IS DISTINCT FROM NEW.payment_status
          OR OLD.payment_method IS DISTINCT FROM NEW.payment_method OR OLD.total_amount IS DISTINCT FROM NEW.total_amount
          OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION orders_figures_moved();
CREATE TRIGGER orders_figures_emptied AFTER TRUNCATE ON orders
    FOR EACH STATEMENT EXECUTE FUNCTION shop_figures_emptied();

CREATE TRIGGER users_figures_joined AFTER INSERT ON users REFERENCING NEW TABLE AS joined
    FOR EACH STATEMENT EXECUTE FUNCTION users_figures_joined();
CREATE TRIGGER users_figures_removed AFTER DELETE ON users REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION users_figures_removed();
CREATE TRIGGER users_figures_erased AFTER UPDATE ON users FOR EACH ROW
    WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION users_figures_erased();
CREATE TRIGGER users_figures_emptied AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION shop_figures_emptied();

CREATE TRIGGER products_figures_added AFTER INSERT ON products REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION products_figures_added();
CREATE TRIGGER products_figures_removed AFTER DELETE ON products REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION products_figures_removed();
CREATE TRIGGER products_figures_moved AFTER UPDATE ON products FOR EACH ROW
    WHEN (OLD.category IS DISTINCT FROM NEW.category)
    EXECUTE FUNCTION products_figures_moved();
CREATE TRIGGER products_figures_emptied AFTER TRUNCATE ON products
    FOR EACH STATEMENT EXECUTE FUNCTION shop_figures_emptied();

SELECT shop_figures_recount('UTC');
