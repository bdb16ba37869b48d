-- What a token contract answered to symbol() and decimals() by eth_call, asked once per contract (see
-- TokenMetadataCache): symbol NULL and decimals -1 when the contract gave no usable answer (a revert, an empty return).
CREATE TABLE IF NOT EXISTS rpc_token_metadata (
    chain    VARCHAR(32)  NOT NULL,
    address  VARCHAR(42)  NOT NULL,
    symbol   VARCHAR(256),
    decimals INTEGER      NOT NULL,
    PRIMARY KEY (chain, address)
);
