-- The agents' queue lists the orders that wait for a person, longest waiting first.
CREATE INDEX order_waiting ON customer_order (status, updated_at) WHERE status IN ('ACTION_REQUIRED', 'PENDING_CREDIT_CHECK');
