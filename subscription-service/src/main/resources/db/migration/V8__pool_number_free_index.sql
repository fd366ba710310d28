-- Reserving a new number took the first free one in number order through the primary key, stepping over every
-- reserved number before it: the cost of a checkout grew with the numbers handed out (the performance issue). The
-- free numbers in their own index make it one index probe.
CREATE INDEX pool_number_free ON pool_number (number) WHERE reserved_by IS NULL;
