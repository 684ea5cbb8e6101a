-- storefn's invariants: one row per rule with how many rows break it; every count must be 0.
-- Operators: psql "$DATABASE_URL" -f deploy/invariants.sql. The test suites run it after their orders.
SELECT 'stock is never negative' AS invariant, count(*) AS violations FROM products WHERE stock < 0
UNION ALL
SELECT 'every order has lines', count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)
UNION ALL
SELECT 'every order''s total is the sum of its lines', count(*) FROM (
    SELECT o.id FROM orders o JOIN order_items i ON i.order_id = o.id
    GROUP BY o.id, o.total_amount HAVING o.total_amount <> sum(i.price * i.quantity)) totals
UNION ALL
SELECT 'every order line keeps its snapshot', count(*) FROM order_items
    WHERE product_name IS NULL OR product_name = '' OR price IS NULL OR quantity < 1
UNION ALL
SELECT 'every order keeps where it ships', count(*) FROM orders
    WHERE ship_full_name IS NULL OR ship_phone IS NULL OR ship_street IS NULL OR ship_city IS NULL OR ship_pincode IS NULL
UNION ALL
SELECT 'stock is restored only for cancelled orders', count(*) FROM orders WHERE stock_restored AND order_status <> 'cancelled'
UNION ALL
SELECT 'a cancelled order gave its stock back', count(*) FROM orders WHERE order_status = 'cancelled' AND NOT stock_restored
UNION ALL
SELECT 'a refund is only for a paid card order', count(*) FROM orders
    WHERE (stripe_refund_id IS NOT NULL OR refund_status IS NOT NULL) AND (payment_status <> 'paid' OR payment_method <> 'stripe')
UNION ALL
SELECT 'every cancelled paid card order has its refund asked for', count(*) FROM orders o
    WHERE o.order_status = 'cancelled' AND o.payment_status = 'paid' AND o.payment_method = 'stripe'
      AND NOT EXISTS (SELECT 1 FROM provider_actions a WHERE a.order_id = o.id AND a.kind = 'stripe.refund')
UNION ALL
SELECT 'a refunded order''s refund was done', count(*) FROM orders o
    WHERE o.refund_status = 'refunded' AND NOT EXISTS (
        SELECT 1 FROM provider_actions a WHERE a.order_id = o.id AND a.kind = 'stripe.refund' AND a.state = 'done')
UNION ALL
SELECT 'no provider action was carried out twice', count(*) FROM (
    SELECT action_id FROM provider_action_attempts WHERE outcome = 'done' GROUP BY action_id HAVING count(*) > 1) twice
UNION ALL
SELECT 'a provider action tried here is done only by a successful attempt', count(*) FROM provider_actions a
    WHERE a.state = 'done' AND a.attempts > 0
      AND NOT EXISTS (SELECT 1 FROM provider_action_attempts t WHERE t.action_id = a.id AND t.outcome = 'done')
UNION ALL
SELECT 'no provider action waits past the retry horizon without a recorded failure', count(*) FROM provider_actions
    WHERE state = 'pending' AND created_at < now() - interval '15 minutes' AND last_error IS NULL
UNION ALL
SELECT 'a paid card order was paid through its checkout', count(*) FROM orders
    WHERE payment_method = 'stripe' AND payment_status = 'paid' AND (stripe_session_id IS NULL OR stripe_payment_intent_id IS NULL)
UNION ALL
SELECT 'each webhook event is applied once', count(*) FROM (
    SELECT event_id FROM processed_webhook_events GROUP BY event_id HAVING count(*) > 1) repeated
UNION ALL
SELECT 'no cart line for a deleted product', count(*) FROM cart_items ci LEFT JOIN products p ON p.id = ci.product_id WHERE p.id IS NULL
UNION ALL
SELECT 'a cart line holds at most 99', count(*) FROM cart_items WHERE quantity > 99;
