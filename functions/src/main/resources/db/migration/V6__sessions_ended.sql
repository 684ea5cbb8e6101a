-- Every session of an account ended at once (its password reset by an operator): tokens issued before this
-- second are refused, wherever they are kept.
ALTER TABLE users ADD COLUMN sessions_ended_at timestamptz;
