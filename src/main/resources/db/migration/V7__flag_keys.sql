-- V7: a run's flags live in files under the data folder (runs/<run>/findings/), written in one pass; the database
-- keeps what comparing runs needs: each computed flag set's key hashes (the first eight bytes of the SHA-256 of
-- rule|chain|asset|address|seed, the flag id's six among them), ascending, eight bytes each. run_flag,
-- run_flow, run_flow_step and trace_exposure keep the rows of earlier versions' runs and get no new ones.
CREATE TABLE IF NOT EXISTS run_flag_keys (
    run_id     BIGINT NOT NULL PRIMARY KEY,
    flags      INT    NOT NULL,
    key_hashes BYTEA  NOT NULL
);
