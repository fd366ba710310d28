-- A charge run works through its month in slices of the subscriptions' key space, side by side (one connection
-- each), so it uses more than one core; each slice keeps its own cursor, so a resumed run continues every slice where
-- it stopped.
CREATE TABLE charge_run_slice (
    run_id   UUID    NOT NULL REFERENCES charge_run (id),
    n        INTEGER NOT NULL,
    from_key TEXT    NOT NULL,
    to_key   TEXT    NOT NULL,
    last_key TEXT    NOT NULL,
    done     INTEGER NOT NULL DEFAULT 0,
    charged  INTEGER NOT NULL DEFAULT 0,
    finished BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (run_id, n)
);
