-- R-BILL-06: a reminder, then a debt-collection warning, each once per negative spell and each with its fee.
ALTER TABLE account ADD COLUMN reminder_sent_on DATE;
ALTER TABLE account ADD COLUMN warning_sent_on DATE;
