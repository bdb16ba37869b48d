-- A flag's own amount (raw units, integer string): DIRECT_COUNTERPARTY sums every direct transfer between the
-- address and the seed, which its first flow alone does not say. Null on rows written before this column.
ALTER TABLE run_flag ADD COLUMN amount_raw VARCHAR(100);
