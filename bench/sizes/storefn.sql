-- Fills storefn's database up to :users users, :products products and :orders orders (2 lines each), the same
-- rows bench/sizes/original.sql writes into the original's: order n belongs to the account :shopper when n is a
-- multiple of 100, else to a bench account; its method, status, payment, lines and time follow from n alone.
\set ON_ERROR_STOP 1
BEGIN;
INSERT INTO products (name, slug, price, category, description, stock)
SELECT 'Size product ' || n, 'size-product-' || n, 100 + n % 900, CASE WHEN n % 2 = 0 THEN 'women' ELSE 'men' END,
       'A product of the size bench.', 1000
FROM generate_series((SELECT count(*) FROM products) + 1, :products) AS n;
INSERT INTO users (email, first_name, last_name, created_at)
SELECT 'size-' || n || '@bench.local', 'Size', 'Shopper', timestamptz '2025-01-01 00:00:00+00' + n * interval '1 minute'
FROM generate_series((SELECT count(*) FROM users) + 1, :users) AS n;

\set users_table users
\set products_table products
\set orders_table orders
\ir numbered-orders.sql

INSERT INTO orders (id, user_id, ship_full_name, ship_phone, ship_street, ship_city, ship_pincode, payment_method,
                    payment_status, order_status, total_amount, stock_restored, created_at, updated_at)
SELECT o.id, o.user_id, 'Size Shopper', '9876543210', '12 Bench Street', 'Kochi', '682001', o.method, o.payment, o.status,
       first.price + 2 * second.price, o.status = 'cancelled', o.placed, o.placed
FROM size_orders o JOIN products first ON first.id = o.first_product JOIN products second ON second.id = o.second_product;
INSERT INTO order_items (order_id, product_id, product_name, product_image, product_category, quantity, price)
SELECT o.id, p.id, p.name, p.image, p.category, line.quantity, p.price
FROM size_orders o, LATERAL (VALUES (o.first_product, 1), (o.second_product, 2)) AS line(product_id, quantity)
JOIN products p ON p.id = line.product_id;
SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT max(id) FROM orders)) AS last_order \gset
COMMIT;
ANALYZE users, products, orders, order_items;
