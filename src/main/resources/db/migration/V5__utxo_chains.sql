-- V5: UTXO chains. Their addresses are longer than Ethereum's 42 characters (a P2WSH Bech32 address has 62, a
-- cashaddr with its prefix 54) and a coin may have no holder (OP_RETURN, bare multisig); a flow step names the coins
-- it spent and created (txid:vout), an exposure its representative coin. Standard SQL that H2 and PostgreSQL share.
ALTER TABLE trace_exposure ALTER COLUMN address SET DATA TYPE VARCHAR(128);
ALTER TABLE trace_exposure ALTER COLUMN seed SET DATA TYPE VARCHAR(128);
ALTER TABLE trace_exposure ADD COLUMN evidence VARCHAR(200);
ALTER TABLE run_flow ALTER COLUMN seed SET DATA TYPE VARCHAR(128);
ALTER TABLE run_flow ALTER COLUMN endpoint SET DATA TYPE VARCHAR(128);
ALTER TABLE run_flow_step ALTER COLUMN from_address SET DATA TYPE VARCHAR(128);
ALTER TABLE run_flow_step ALTER COLUMN to_address SET DATA TYPE VARCHAR(128);
ALTER TABLE run_flow_step ALTER COLUMN from_address DROP NOT NULL;
ALTER TABLE run_flow_step ALTER COLUMN to_address DROP NOT NULL;
ALTER TABLE run_flow_step ADD COLUMN spent VARCHAR(80);
ALTER TABLE run_flow_step ADD COLUMN outpoint VARCHAR(80);
ALTER TABLE run_flag ALTER COLUMN address SET DATA TYPE VARCHAR(128);
ALTER TABLE run_flag ALTER COLUMN seed SET DATA TYPE VARCHAR(128);
ALTER TABLE run_flag ALTER COLUMN deposit_address SET DATA TYPE VARCHAR(128);
-- a CoinJoin or structuring flag may name hundreds of transactions
ALTER TABLE run_flag ALTER COLUMN evidence SET DATA TYPE VARCHAR(1000000);
ALTER TABLE run_flag ALTER COLUMN flow_ids SET DATA TYPE VARCHAR(100000);
