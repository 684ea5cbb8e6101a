-- Every order placed checks the unpaid-order limits (UnpaidLimits): how many orders the account holds open and
-- unpaid. Through orders_user_newest_idx that read every order the account ever placed, delivered and cancelled
-- ones too, so the check grew with a buyer's history. This partial index holds the open unpaid orders only: the
-- check reads what the account holds open (3 at most by default), however much it has bought before.
CREATE INDEX orders_open_unpaid_idx ON orders (user_id)
    WHERE payment_status = 'unpaid' AND order_status IN ('processing', 'shipped');

-- No query reads these since the panel's figures are kept (V7); each cost an index entry on every order placed and
-- on every change of status.
DROP INDEX orders_payment_status_idx;
DROP INDEX orders_order_status_idx;
