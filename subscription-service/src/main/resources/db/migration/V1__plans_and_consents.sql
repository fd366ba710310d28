-- The plan catalogue. Prices in øre incl. VAT. BASIC is the usage-priced plan (R-SUB-03 treats moves away from it
-- as immediate).
CREATE TABLE plan (
    code               TEXT PRIMARY KEY,
    name               TEXT    NOT NULL,
    type               TEXT    NOT NULL CHECK (type IN ('MOBILE', 'DATA_ONLY')),
    monthly_price_ore  BIGINT  NOT NULL CHECK (monthly_price_ore >= 0),
    streaming_included BOOLEAN NOT NULL,
    basic              BOOLEAN NOT NULL,
    data_gb            INTEGER,
    version            BIGINT  NOT NULL DEFAULT 0
);

INSERT INTO plan (code, name, type, monthly_price_ore, streaming_included, basic, data_gb) VALUES
    ('BASIC',        'Basis (betal for forbrug)', 'MOBILE',    0,     FALSE, TRUE,  NULL),
    ('MOBILE_10GB',  'Mobil 10 GB',               'MOBILE',    9900,  FALSE, FALSE, 10),
    ('MOBILE_100GB', 'Mobil 100 GB',              'MOBILE',    14900, FALSE, FALSE, 100),
    ('MOBILE_FREE_STREAMING', 'Fri data + streaming', 'MOBILE', 24900, TRUE, FALSE, NULL),
    ('DATA_50GB',    'Data 50 GB',                'DATA_ONLY', 12900, FALSE, FALSE, 50),
    ('DATA_500GB',   'Data 500 GB',               'DATA_ONLY', 19900, FALSE, FALSE, 500);

-- Consent to outbound sales contact (R-ORD-09): when, through which channel, under which wording; withdrawable at
-- any time, effective at once.
CREATE TABLE consent (
    id              UUID PRIMARY KEY,
    customer_id     TEXT        NOT NULL,
    channel         TEXT        NOT NULL CHECK (channel IN ('PHONE', 'SMS', 'EMAIL')),
    wording_version TEXT        NOT NULL,
    given_at        TIMESTAMPTZ NOT NULL,
    recorded_by     TEXT        NOT NULL,
    withdrawn_at    TIMESTAMPTZ,
    withdrawn_by    TEXT,
    version         BIGINT      NOT NULL
);

CREATE INDEX consent_by_customer ON consent (customer_id);
