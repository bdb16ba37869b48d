-- V1: fundtrace's own tables as fundtrace created them before Flyway, up to the exposures' move (V3): the
-- exposures still in run_exposure. Spring Batch creates its BATCH_* tables itself; fundtrace_run_lock is the run
-- lock's own (PostgresJobLock). Portable between H2 (PostgreSQL mode) and PostgreSQL; raw amounts are
-- NUMERIC(78,0), shares NUMERIC(96,18).
--
-- Every statement is IF NOT EXISTS: a database of an earlier fundtrace (no flyway_schema_history) is baselined at
-- version 0 (spring.flyway.baseline-version) and gets this script too, keeping the tables it has and gaining those
-- it lacks (databases from before run_fact or run_trace, say). Never edit an applied migration: Flyway refuses a
-- changed checksum; change the schema in a new one.

CREATE TABLE IF NOT EXISTS ledger_segment (
    chain        VARCHAR(32)   NOT NULL,
    fingerprint  VARCHAR(64)   NOT NULL,
    file_name    VARCHAR(4000) NOT NULL,
    source       VARCHAR(1000) NOT NULL,
    transfers    BIGINT        NOT NULL,
    reverted     BIGINT        NOT NULL,
    rejected     BIGINT        NOT NULL,
    rows_read    BIGINT        NOT NULL,
    from_block   BIGINT        NOT NULL,
    to_block     BIGINT        NOT NULL,
    loaded_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (chain, fingerprint)
);

CREATE TABLE IF NOT EXISTS ledger_rejection (
    fingerprint  VARCHAR(64)   NOT NULL,
    source       VARCHAR(500)  NOT NULL,
    line         BIGINT        NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    record       VARCHAR(1000)
);

-- which loads make up a job's ledger: every export or node range the job has ever gathered
CREATE TABLE IF NOT EXISTS job_segment (
    job_name     VARCHAR(64) NOT NULL,
    chain        VARCHAR(32) NOT NULL,
    fingerprint  VARCHAR(64) NOT NULL,
    PRIMARY KEY (job_name, chain, fingerprint)
);

CREATE TABLE IF NOT EXISTS run_history (
    run_id       BIGINT       NOT NULL PRIMARY KEY,   -- the Spring Batch job instance id
    job_name     VARCHAR(64)  NOT NULL,
    run_date     DATE         NOT NULL,
    rerun        BOOLEAN      NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    started_at   TIMESTAMP    NOT NULL,
    ended_at     TIMESTAMP,
    report_dir   VARCHAR(1000),
    designations INT,
    seeds        INT,
    transfers    BIGINT,
    reached      INT,
    flags_high   INT,
    flags_medium INT,
    flags_low    INT,
    message      VARCHAR(2000)
);

CREATE TABLE IF NOT EXISTS run_designation (
    run_id       BIGINT        NOT NULL,
    subject      VARCHAR(500)  NOT NULL,
    sdn_uid      VARCHAR(32),
    programs     VARCHAR(500)  NOT NULL,
    currency     VARCHAR(16)   NOT NULL,
    chain        VARCHAR(32),
    address      VARCHAR(200)  NOT NULL,
    source_file  VARCHAR(500)  NOT NULL,
    seed         BOOLEAN       NOT NULL
);

CREATE TABLE IF NOT EXISTS run_label (
    run_id       BIGINT        NOT NULL,
    address      VARCHAR(200)  NOT NULL,
    chain        VARCHAR(32)   NOT NULL,
    label        VARCHAR(500)  NOT NULL,
    category     VARCHAR(32)   NOT NULL,
    source       VARCHAR(1000)
);

CREATE TABLE IF NOT EXISTS run_rejection (
    run_id       BIGINT        NOT NULL,
    source       VARCHAR(500)  NOT NULL,
    line         BIGINT        NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    record       VARCHAR(1000)
);

CREATE TABLE IF NOT EXISTS run_exposure (
    run_id       BIGINT        NOT NULL,
    direction    VARCHAR(8)    NOT NULL,
    chain        VARCHAR(32)   NOT NULL,
    asset        VARCHAR(42)   NOT NULL,
    address      VARCHAR(42)   NOT NULL,
    hops         INT           NOT NULL,
    tainted_raw  NUMERIC(96,18) NOT NULL,
    seed         VARCHAR(42)   NOT NULL,
    label        VARCHAR(500),
    category     VARCHAR(32)
);

CREATE TABLE IF NOT EXISTS run_flow (
    run_id       BIGINT        NOT NULL,
    flow_id      VARCHAR(32)   NOT NULL,
    direction    VARCHAR(8)    NOT NULL,
    chain        VARCHAR(32)   NOT NULL,
    asset        VARCHAR(42)   NOT NULL,
    asset_symbol VARCHAR(64)   NOT NULL,
    decimals     INT           NOT NULL,
    seed         VARCHAR(42)   NOT NULL,
    endpoint     VARCHAR(42)   NOT NULL,
    label        VARCHAR(500),
    category     VARCHAR(32),
    hops         INT           NOT NULL,
    tainted_raw  NUMERIC(96,18) NOT NULL
);

CREATE TABLE IF NOT EXISTS run_flow_step (
    run_id       BIGINT        NOT NULL,
    flow_id      VARCHAR(32)   NOT NULL,
    step_no      INT           NOT NULL,
    tx_hash      VARCHAR(66)   NOT NULL,
    block_number BIGINT        NOT NULL,
    tx_position  INT           NOT NULL,
    sub_position INT           NOT NULL,
    from_address VARCHAR(42)   NOT NULL,
    to_address   VARCHAR(42)   NOT NULL,
    amount_raw   NUMERIC(78,0) NOT NULL,
    taint_raw    NUMERIC(78,0),
    block_time   TIMESTAMP
);

CREATE TABLE IF NOT EXISTS run_flag (
    run_id       BIGINT        NOT NULL,
    flag_id      VARCHAR(32)   NOT NULL,
    rule         VARCHAR(32)   NOT NULL,
    severity     VARCHAR(8)    NOT NULL,
    chain        VARCHAR(32)   NOT NULL,
    asset        VARCHAR(42)   NOT NULL,
    address      VARCHAR(42)   NOT NULL,
    seed         VARCHAR(42)   NOT NULL,
    hops         INT           NOT NULL,
    flow_ids     VARCHAR(2000) NOT NULL,
    evidence     VARCHAR(8000) NOT NULL,
    explanation  VARCHAR(2000) NOT NULL,
    deposit_address VARCHAR(42),
    new_since_last BOOLEAN     NOT NULL
);

-- per run facts for the report: coverage, taint that left the horizon, warnings (JSON text)
CREATE TABLE IF NOT EXISTS run_fact (
    run_id       BIGINT        NOT NULL,
    fact_name    VARCHAR(200)  NOT NULL,
    fact_value   VARCHAR(100000) NOT NULL,
    PRIMARY KEY (run_id, fact_name)
);

-- every read of run state is by run id; without these each nightly run scans all earlier runs' rows
CREATE INDEX IF NOT EXISTS run_exposure_run ON run_exposure (run_id);
CREATE INDEX IF NOT EXISTS run_flow_run ON run_flow (run_id);
CREATE INDEX IF NOT EXISTS run_flow_step_run ON run_flow_step (run_id);
-- a report reads the steps of the few hundred flows its page shows: H2 looks up an IN list by an index only on the
-- index's first column (with run_id first it filtered every step of the run through the list)
CREATE INDEX IF NOT EXISTS run_flow_step_by_flow ON run_flow_step (flow_id, run_id);
CREATE INDEX IF NOT EXISTS run_flag_run ON run_flag (run_id);
CREATE INDEX IF NOT EXISTS run_designation_run ON run_designation (run_id);
CREATE INDEX IF NOT EXISTS run_label_run ON run_label (run_id);
CREATE INDEX IF NOT EXISTS run_rejection_run ON run_rejection (run_id);
CREATE INDEX IF NOT EXISTS ledger_rejection_fp ON ledger_rejection (fingerprint);

-- which run's trace a run uses: its own, or an earlier run's when every input of the trace was the same
CREATE TABLE IF NOT EXISTS run_trace (
    run_id        BIGINT      NOT NULL PRIMARY KEY,
    inputs        VARCHAR(64) NOT NULL,
    source_run_id BIGINT      NOT NULL
);
