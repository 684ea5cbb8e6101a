-- Every order takes stock, so every order updated this index, and an indexed column kept each stock update
-- from being a heap-only (HOT) update: four more index entries written per product taken. Its one reader is
-- the staff dashboard's lowest-stock list, which reads the catalog once per page view.
DROP INDEX products_stock_idx;
