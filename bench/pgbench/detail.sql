-- GET /api/products/{id}/: ProductRepository.find, the statement the route runs, on a random product.
\set id random(:min_id, :max_id)
SELECT p.id, p.name, p.slug, p.price, p.category, p.image, p.description, p.stock, p.created_at, p.updated_at FROM products p WHERE p.id = :id;
