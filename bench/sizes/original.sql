-- Fills the original's database up to :users users, :products products and :orders orders (2 lines each), the
-- same rows bench/sizes/storefn.sql writes into storefn's (see there); each bench account has an address, which
-- the original's orders point to.
\set ON_ERROR_STOP 1
BEGIN;
INSERT INTO products_product (name, slug, price, category, description, stock, created_at, updated_at)
SELECT 'Size product ' || n, 'size-product-' || n, 100 + n % 900, CASE WHEN n % 2 = 0 THEN 'women' ELSE 'men' END,
       'A product of the size bench.', 1000, now(), now()
FROM generate_series((SELECT count(*) FROM products_product) + 1, :products) AS n;
INSERT INTO accounts_user (email, password, first_name, last_name, is_superuser, is_staff, is_active, is_block, created_at)
SELECT 'size-' || n || '@bench.local', '!', 'Size', 'Shopper', false, false, true, false,
       timestamptz '2025-01-01 00:00:00+00' + n * interval '1 minute'
FROM generate_series((SELECT count(*) FROM accounts_user) + 1, :users) AS n;
INSERT INTO orders_address (full_name, phone, street, city, pincode, user_id)
SELECT 'Size Shopper', '9876543210', '12 Bench Street', 'Kochi', '682001', u.id FROM accounts_user u
WHERE NOT EXISTS (SELECT 1 FROM orders_address a WHERE a.user_id = u.id);

\set users_table accounts_user
\set products_table products_product
\set orders_table orders_order
\ir numbered-orders.sql

INSERT INTO orders_order (id, user_id, address_id, payment_method, payment_status, order_status, total_amount, created_at)
SELECT o.id, o.user_id, (SELECT min(a.id) FROM orders_address a WHERE a.user_id = o.user_id), o.method, o.payment, o.status,
       first.price + 2 * second.price, o.placed
FROM size_orders o JOIN products_product first ON first.id = o.first_product
JOIN products_product second ON second.id = o.second_product;
INSERT INTO orders_orderitem (order_id, product_id, quantity, price)
SELECT o.id, p.id, line.quantity, p.price
FROM size_orders o, LATERAL (VALUES (o.first_product, 1), (o.second_product, 2)) AS line(product_id, quantity)
JOIN products_product p ON p.id = line.product_id;
SELECT setval(pg_get_serial_sequence('orders_order', 'id'), (SELECT max(id) FROM orders_order)) AS last_order \gset
COMMIT;
ANALYZE accounts_user, products_product, orders_address, orders_order, orders_orderitem;
