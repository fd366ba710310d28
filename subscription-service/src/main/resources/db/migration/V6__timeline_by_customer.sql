-- The console's customer page reads a customer's whole timeline at once.
CREATE INDEX timeline_by_customer ON timeline_entry (customer_id, id);
