-- V2: what the RPC gatherer has read (it came with the RPC gatherer, before the exposures' move, as schema-rpc.sql).
-- IF NOT EXISTS: earlier databases have it already, and RpcCheckpointStore.createTable makes the same table.
-- Per chain, address and kind ('token' or 'native'): the inclusive block range.
CREATE TABLE IF NOT EXISTS rpc_checkpoint (
    chain      VARCHAR(32) NOT NULL,
    address    VARCHAR(42) NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    from_block BIGINT      NOT NULL,
    to_block   BIGINT      NOT NULL,
    PRIMARY KEY (chain, address, kind)
);
