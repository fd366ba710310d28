-- Two reconciliations of one month can finish at the same instant of business time; the one made later is the
-- month's latest (the queue lists its differences), so each gets its place in the order they were made.
ALTER TABLE reconciliation ADD COLUMN seq BIGSERIAL;
