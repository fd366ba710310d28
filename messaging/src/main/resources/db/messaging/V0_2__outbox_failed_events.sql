-- An event the broker refuses for good (too large, say) is marked failed after a few tries: it leaves the relay's
-- batches, so it cannot stall other aggregates, while its own aggregate's later events wait behind it. An operator
-- looks at last_error, mends, and clears failed_at to send it again.
ALTER TABLE outbox_event ADD COLUMN failed_at TIMESTAMPTZ;
ALTER TABLE outbox_event ADD COLUMN permanent_failures INTEGER NOT NULL DEFAULT 0;

DROP INDEX outbox_event_pending;
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL AND failed_at IS NULL;
