-- The contact a consent was recorded in: an agent may not both record the consent and sell in one contact (R-ORD-09)
ALTER TABLE consent ADD COLUMN recorded_in_contact UUID;
