-- The benchmark's dataset, deterministic: the catalog filled up to 1,000 products (the demo catalog's
-- first, then generated ones), every product with stock enough for every order the loads place.
INSERT INTO products (name, slug, price, category, image, description, stock, created_at, updated_at)
SELECT 'Bench tee ' || n, 'bench-tee-' || n, 199 + (n * 37) % 1800, CASE WHEN n % 2 = 0 THEN 'men' ELSE 'women' END,
       'products/bench-' || (n % 32) || '.webp',
       'A plain cotton tee for the benchmark, number ' || n || '. ' || repeat('Soft, breathable, machine washable. ', 8),
       1000000, timestamptz '2026-01-01 00:00:00+00' + n * interval '1 minute', timestamptz '2026-01-01 00:00:00+00'
FROM generate_series(1, greatest(0, 1000 - (SELECT count(*) FROM products))) AS n;
UPDATE products SET stock = 1000000;
