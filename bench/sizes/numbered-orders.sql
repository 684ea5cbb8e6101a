-- The orders to add, numbered n from the orders there are + 1 up to :orders, each as bench/sizes/storefn.sql
-- describes it: a temporary table size_orders (id, n, user_id, first_product, second_product, method, status,
-- payment, placed), for the side's own tables, named by :users_table, :products_table and :orders_table.
CREATE TEMP TABLE size_orders ON COMMIT DROP AS
WITH ids AS (
    SELECT (SELECT array_agg(id ORDER BY id) FROM :"users_table" WHERE email LIKE 'size-%@bench.local') AS users,
           (SELECT array_agg(id ORDER BY id) FROM :"products_table") AS products,
           (SELECT coalesce(max(id), 0) FROM :"orders_table") AS last_order)
SELECT ids.last_order + n - (SELECT count(*) FROM :"orders_table") AS id, n,
       CASE WHEN n % 100 = 0 THEN :shopper ELSE ids.users[1 + n % cardinality(ids.users)] END AS user_id,
       ids.products[1 + n % cardinality(ids.products)] AS first_product,
       ids.products[1 + (n * 7 + 3) % cardinality(ids.products)] AS second_product,
       CASE WHEN n % 3 = 0 THEN 'stripe' ELSE 'cod' END AS method,
       (ARRAY['processing', 'shipped', 'delivered', 'cancelled'])[1 + n % 4] AS status,
       CASE WHEN n % 4 = 2 OR n % 3 = 0 THEN 'paid' ELSE 'unpaid' END AS payment,
       timestamptz '2025-01-01 00:00:00+00' + n * interval '5 minutes' AS placed
FROM ids, generate_series((SELECT count(*) FROM :"orders_table") + 1, :orders) AS n;
