#!/usr/bin/env python3
"""Build the constructed ethereum-etl sample export under sample-data/ethereum/.

Everything written here is CONSTRUCTED (transactions, hashes, blocks, noise
addresses); only the seed addresses (OFAC IRA designations 2020-09-10), the
Lazarus Group address, and the labelled service addresses are real public
addresses.  See sample-data/README.md for the scenario story.

Python 3 standard library only.  Deterministic: a fixed-seed random.Random and
sha256-derived hashes, so a rerun rewrites the files byte for byte.

    python3 sample-data/tools/make_sample_export.py [OUT_DIR]
"""

import csv
import hashlib
import os
import random
import sys
from datetime import datetime, timezone
from decimal import Decimal

RNG = random.Random(20200910)  # the IRA designation date

# ---------------------------------------------------------------- real addresses
LIFSHITS_1 = "0x901bb9583b24d97e995513c6778dc6888ab6870e"
LIFSHITS_2 = "0xa7e5d5a720f06526557c513402f2e6b5fa20b008"
ANDREYEV = "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c"
LAZARUS = "0x098b716b8aaf21512996dc57eb0615e2383e2f96"

BINANCE_14 = "0x28c6c06298d514db089934071355e5743bf21d60"
BINANCE_7 = "0xbe0eb53f46cd790cd13851d5eff43d12404d33e8"
BINANCE = "0x3f5ce5fbfe3e9af3971dd833d26ba9b5c936f0be"
KRAKEN_4 = "0x267be1c1d684f78cb4f6a176c4911b741e4ffdc0"
POLONIEX = "0x32be343b94f860124dc4fee278fdcbd38c102d88"
EXCHANGES = [BINANCE_14, BINANCE_7, BINANCE, KRAKEN_4, POLONIEX]

TORNADO = {  # pool -> denomination in ETH
    "0x12d66f87a04a9e220743712ce6d9bb1b5616b8fc": Decimal("0.1"),
    "0x47ce0c6ed5b0ce3d3a51fdb1c52dc66a7c3c2936": Decimal("1"),
    "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf": Decimal("10"),
    "0xa160cdab225685da1d56aa342ad8841c3b53f291": Decimal("100"),
}
TORNADO_1 = "0x47ce0c6ed5b0ce3d3a51fdb1c52dc66a7c3c2936"

USDT = "0xdac17f958d2ee523a2206206994597c13d831ec7"


# ---------------------------------------------------------------- made-up things
def h256(*parts):
    return hashlib.sha256(":".join(str(p) for p in ("fundtrace-sample",) + parts).encode()).hexdigest()


def made_up_address(name):
    return "0x" + h256("addr", name)[:40]


# constructed scenario addresses (names are used in README.md)
A = {n: made_up_address(n) for n in [
    "F1", "F2", "F3",                 # funders of the seeds (backward hop 1)
    "D1", "D3",                       # exchange deposit addresses
    "H1", "H2", "H3", "Z",            # haircut dilution, hop 2 / hop 3 address Z
    "I1", "I2", "J1", "J2", "J3",     # Andreyev chain, J3 beyond the horizon
    "M1",                             # mixer user
    "S1",                             # structuring wallet
    "X", "Y",                         # order tie trap
    "U1", "U2", "U3",                 # USDT pass-through
    "RV",                             # contract whose call reverted
    "FWD", "CW", "CW2", "E1", "LIB",  # forwarder contract, contract wallets, errored subtree
    "NFT", "N1",                      # ERC-721 collection and its receiver
    "P1", "P2", "P3",                 # peel chain: the fresh change addresses after H2
    "Q1", "Q2", "Q3",                 # peel chain: where the peeled-off parts go
]}
NOISE = [made_up_address("noise-%03d" % i) for i in range(320)]
MINERS = [made_up_address("miner-%d" % i) for i in range(6)]

# ---------------------------------------------------------------- time and blocks
ANCHOR_BLOCK = 11565019       # approx. first block of 2021-01-01 UTC
ANCHOR_TS = 1609459200        # 2021-01-01T00:00:00Z
SECONDS_PER_BLOCK = Decimal("13.2")


def block_ts(number):
    return ANCHOR_TS + int(((number - ANCHOR_BLOCK) * SECONDS_PER_BLOCK).to_integral_value(rounding="ROUND_FLOOR"))


def block_at(ts):
    return ANCHOR_BLOCK + int((Decimal(ts - ANCHOR_TS) / SECONDS_PER_BLOCK).to_integral_value(rounding="ROUND_HALF_EVEN"))


def ts_of(text):
    return int(datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc).timestamp())


START_BLOCK = block_at(ts_of("2020-09-01 00:00"))
END_BLOCK = block_at(ts_of("2021-03-31 23:00"))


def eth(x):
    return int(Decimal(str(x)) * 10 ** 18)


def usdt(x):
    return int(Decimal(str(x)) * 10 ** 6)


def word(v):
    return "%064x" % v


def addr_word(a):
    return "0" * 24 + a[2:]


# ---------------------------------------------------------------- transactions
class Tx:
    def __init__(self, block, frm, to, value=0, input_="0x", status=1, gas=21000, gas_used=21000,
                 idx=None, traces=None, tokens=None, root_error=""):
        self.block = block
        self.frm = frm
        self.to = to
        self.value = value
        self.input = input_
        self.status = status
        self.gas = gas
        self.gas_used = gas_used
        self.idx = idx
        self.traces = traces or []      # internal: (trace_address tuple, from, to, value, call_type, error, status, input)
        self.tokens = tokens or []      # (token, from, to, value)
        self.root_error = root_error
        self.gas_price = 0
        self.hash = None
        self.nonce = None
        self.planted = None             # name of a transaction planted after the noise (see below)


TXS = []
USED_IDX = {}


def place(tx):
    used = USED_IDX.setdefault(tx.block, set())
    if tx.idx is None:
        while True:
            i = RNG.randrange(0, 120)
            if i not in used:
                break
        tx.idx = i
    assert tx.idx not in used, (tx.block, tx.idx)
    used.add(tx.idx)
    TXS.append(tx)
    return tx


def eth_tx(when, frm, to, value, idx=None, status=1):
    blk = block_at(ts_of(when)) if isinstance(when, str) else when
    if status == 1:
        return place(Tx(blk, frm, to, value, idx=idx))
    # a call into a contract that reverted: no value moves
    return place(Tx(blk, frm, to, value, input_="0xd0e30db0", status=0, gas=60000, gas_used=23512,
                    idx=idx, root_error="Reverted"))


def token_tx(when, token, frm, to, value, idx=None):
    blk = block_at(ts_of(when)) if isinstance(when, str) else when
    inp = "0xa9059cbb" + addr_word(to) + word(value)
    return place(Tx(blk, frm, token, 0, input_=inp, gas=80000, gas_used=RNG.choice([41309, 46109, 51297, 63209]),
                    idx=idx, tokens=[(token, frm, to, value)]))


def nft_tx(when, frm, to, token_id):
    blk = block_at(ts_of(when)) if isinstance(when, str) else when
    inp = "0x42842e0e" + addr_word(frm) + addr_word(to) + word(token_id)
    return place(Tx(blk, frm, A["NFT"], 0, input_=inp, gas=120000, gas_used=RNG.choice([58211, 61873, 84377]),
                    tokens=[(A["NFT"], frm, to, token_id)]))


# ================================================================ the scenario
L1, L2, AN = LIFSHITS_1, LIFSHITS_2, ANDREYEV

# -- backward side: who funded the seeds
eth_tx("2020-09-14 09:12", BINANCE_14, A["F1"], eth(60))           # exchange withdrawal
eth_tx("2020-09-15 17:40", A["F1"], L1, eth(40))                     # F1 funds Lifshits 1
eth_tx("2020-09-16 08:05", BINANCE_14, A["F1"], eth(35))
eth_tx("2020-09-17 19:22", A["F1"], L2, eth(50))                     # F1 funds Lifshits 2
token_tx("2020-09-20 11:00", USDT, BINANCE_14, A["F2"], usdt(85000))
token_tx("2020-09-21 13:30", USDT, A["F2"], AN, usdt(55000))         # F2 funds Andreyev (USDT)
token_tx("2020-09-22 15:45", USDT, A["F2"], L1, usdt(25000))         # F2 funds Lifshits 1 (USDT)
eth_tx("2020-10-02 04:10", LAZARUS, A["F3"], eth(30))                # Lazarus -> F3
eth_tx("2020-10-03 06:55", A["F3"], AN, eth(28))                     # F3 funds Andreyev

# -- seed pays seed
eth_tx("2020-10-10 12:00", L1, L2, eth(2))

# -- cash-out through an unlabelled deposit address
eth_tx("2020-10-15 10:00", L1, A["D1"], eth(12))
eth_tx("2020-10-15 13:10", A["D1"], KRAKEN_4, eth(12))               # sweep after 3 h

# -- order tie trap: X spends (index 41) before it is paid by the seed (index 87) in the same block
eth_tx("2020-10-20 08:00", BINANCE_7, A["X"], eth(1))
_tie_block = block_at(ts_of("2020-10-28 14:00"))
eth_tx(_tie_block, A["X"], A["Y"], eth("0.8"), idx=41)
eth_tx(_tie_block, L1, A["X"], eth(6), idx=87)

# -- haircut dilution; Z reached at hop 3 first, later at hop 2
eth_tx("2020-11-02 09:00", BINANCE_7, A["H1"], eth(90))              # clean money
eth_tx("2020-11-05 16:00", L1, A["H1"], eth(10))                     # H1: B=100, T=10
eth_tx("2020-11-07 10:30", A["H1"], A["H2"], eth(4))                 # t = 0.4  (below 0.5)
eth_tx("2020-11-09 18:20", A["H1"], A["H3"], eth(30))                # t = 3
eth_tx("2020-11-12 07:45", A["H3"], A["Z"], eth(10))                 # Z at hop 3, t = 1
eth_tx("2020-11-20 12:00", AN, A["I1"], eth(20))
eth_tx("2020-11-21 15:00", A["I1"], A["I2"], eth(8))                 # t = 8
eth_tx("2020-11-24 09:30", A["I1"], A["Z"], eth(5))                  # Z at hop 2, t = 5
eth_tx("2020-12-20 11:00", A["I2"], A["J1"], eth(6))                 # hop 3
eth_tx("2021-01-05 11:00", A["J1"], A["J2"], eth(3))                 # hop 4 (half, not a peel)
eth_tx("2021-01-20 11:00", A["J2"], A["J3"], eth("2.5"))             # hop 5: beyond max_hops

# -- reverted transaction from a seed
eth_tx("2020-12-01 20:00", AN, A["RV"], eth(5), status=0)

# -- mixer
eth_tx("2020-12-05 09:00", L2, A["M1"], eth("3.3"))
for hhmm in ("14:00", "15:10", "17:30"):
    place(Tx(block_at(ts_of("2020-12-05 " + hhmm)), A["M1"], TORNADO_1, eth(1),
             input_="0xb214faa5" + h256("note", hhmm), gas=1100000, gas_used=RNG.choice([944321, 981007, 1003117])))

# -- structuring: three deposits just under 10 ETH within a day
eth_tx("2020-12-15 06:00", L2, A["S1"], eth(40))
eth_tx("2020-12-15 08:00", A["S1"], KRAKEN_4, eth("9.5"))
eth_tx("2020-12-15 15:00", A["S1"], KRAKEN_4, eth("9.7"))
eth_tx("2020-12-16 02:00", A["S1"], KRAKEN_4, eth("9.9"))

# -- forwarder: internal value transfers, trace_address 0 and 0,1
place(Tx(block_at(ts_of("2021-01-10 10:00")), L2, A["FWD"], eth(5), gas=120000, gas_used=54877, traces=[
    ((0,), A["FWD"], A["CW"], eth(5), "call", "", 1, "0x"),
    ((0, 0), A["CW"], A["LIB"], 0, "delegatecall", "", 1, "0x"),
    ((0, 1), A["CW"], POLONIEX, eth(5), "call", "", 1, "0x"),
]))

# -- ERC-721 transfer from a seed (token id, not value)
nft_tx("2021-01-25 19:00", L2, A["N1"], 4321)

# -- errored internal subtree: the forwarder keeps the 2 ETH
place(Tx(block_at(ts_of("2021-02-03 09:00")), L1, A["FWD"], eth(2), gas=120000, gas_used=48211, traces=[
    ((0,), A["FWD"], A["CW2"], eth(2), "call", "Reverted", 0, "0x"),
    ((0, 0), A["CW2"], A["E1"], eth(2), "call", "", 0, "0x"),
]))

# -- USDT: rapid pass-through, indirect exposure above and below 1000 USDT
token_tx("2021-02-10 10:00", USDT, L1, A["U1"], usdt(20000))
token_tx("2021-02-10 10:25", USDT, A["U1"], A["U2"], usdt(19000))
token_tx("2021-02-10 13:00", USDT, A["U1"], A["U3"], usdt(800))

# -- USDT: structuring by the seed into a deposit address, then the sweep to Binance
token_tx("2021-02-20 06:00", USDT, AN, A["D3"], usdt(9500))
token_tx("2021-02-20 13:00", USDT, AN, A["D3"], usdt(9900))
token_tx("2021-02-20 23:00", USDT, AN, A["D3"], usdt(9700))
token_tx("2021-02-21 02:00", USDT, A["D3"], BINANCE, usdt(29100))

SCENARIO_TX_COUNT = len(TXS)


# ================================================================ background noise
def rand_block():
    return RNG.randrange(START_BLOCK, END_BLOCK)


def rand_eth():
    # log-uniform between 0.005 and 60 ETH, gwei granularity
    x = 10 ** RNG.uniform(-2.3, 1.78)
    return int(x * 10 ** 9) * 10 ** 9


def rand_usdt():
    x = 10 ** RNG.uniform(1, 4.7)
    return int(x * 100) * 10 ** 4


for _ in range(1250):                                    # peer to peer ETH
    a, b = RNG.sample(NOISE, 2)
    place(Tx(rand_block(), a, b, rand_eth()))
for _ in range(950):                                     # exchange withdrawals
    place(Tx(rand_block(), RNG.choice(EXCHANGES), RNG.choice(NOISE), rand_eth(), gas=21000))
for _ in range(900):                                     # deposits (direct to hot wallets)
    place(Tx(rand_block(), RNG.choice(NOISE), RNG.choice(EXCHANGES), rand_eth()))
for n in range(140):                                     # tornado deposits
    pool = RNG.choice(sorted(TORNADO))
    place(Tx(rand_block(), RNG.choice(NOISE), pool, int(TORNADO[pool] * 10 ** 18),
             input_="0xb214faa5" + h256("deposit", n), gas=1100000, gas_used=RNG.choice([944321, 981007, 1003117])))
RELAYERS = NOISE[:4]
for n in range(140):                                     # tornado withdrawals through a relayer (internal calls)
    pool = RNG.choice(sorted(TORNADO))
    denom = int(TORNADO[pool] * 10 ** 18)
    fee = denom * RNG.choice([3, 5, 7]) // 1000
    relayer = RNG.choice(RELAYERS)
    recipient = RNG.choice(NOISE[4:])
    place(Tx(rand_block(), relayer, pool, 0, input_="0x21a0adb6" + h256("withdraw", n),
             gas=500000, gas_used=RNG.choice([351877, 362231, 370015]), traces=[
                 ((0,), pool, made_up_address("tornado-verifier"), 0, "staticcall", "", 1, "0x"),
                 ((1,), pool, recipient, denom - fee, "call", "", 1, "0x"),
                 ((2,), pool, relayer, fee, "call", "", 1, "0x"),
             ]))
for _ in range(520):                                     # USDT withdrawals
    token_tx(rand_block(), USDT, RNG.choice(EXCHANGES), RNG.choice(NOISE), rand_usdt())
for _ in range(480):                                     # USDT deposits
    token_tx(rand_block(), USDT, RNG.choice(NOISE), RNG.choice(EXCHANGES), rand_usdt())
for _ in range(420):                                     # USDT peer to peer
    a, b = RNG.sample(NOISE, 2)
    token_tx(rand_block(), USDT, a, b, rand_usdt())
for n in range(60):                                      # ERC-721 transfers among noise
    a, b = RNG.sample(NOISE, 2)
    nft_tx(rand_block(), a, b, 1000 + n)
for n in range(40):                                      # reverted noise calls
    place(Tx(rand_block(), RNG.choice(NOISE), made_up_address("noise-contract-%d" % (n % 5)), rand_eth(),
             input_="0xd0e30db0", status=0, gas=60000, gas_used=RNG.choice([23512, 29871, 31207]), root_error="Reverted"))

# ================================================================ planted after the noise
# Scenario rows added to the sample later.  They are placed after the noise, at fixed transaction indexes in
# blocks no other transaction uses, and take no random numbers and no serial for their hash (see finalize), so
# every row the sample had before stays byte for byte as it was.
def planted_tx(name, when, frm, to, value, idx):
    blk = block_at(ts_of(when))
    assert blk not in USED_IDX, ("block already used", name, blk)
    tx = place(Tx(blk, frm, to, value, idx=idx))
    tx.planted = name
    return tx


# -- peel chain: H2 (hop 2, 4 ETH, 0.4 tainted) peels off a little at each step and passes the rest on to a
#    fresh address: H2 -> P1 -> P2 -> P3, the peeled-off parts to Q1, Q2, Q3
planted_tx("peel-1", "2020-11-26 14:20", A["H2"], A["P1"], eth("3.85"), 23)
planted_tx("peel-1-off", "2020-11-27 09:05", A["H2"], A["Q1"], eth("0.12"), 58)
planted_tx("peel-2-off", "2020-12-03 16:40", A["P1"], A["Q2"], eth("0.2"), 7)
planted_tx("peel-2", "2020-12-04 11:15", A["P1"], A["P2"], eth("3.6"), 94)
planted_tx("peel-3", "2020-12-09 20:30", A["P2"], A["P3"], eth("3.3"), 36)
planted_tx("peel-3-off", "2020-12-10 08:50", A["P2"], A["Q3"], eth("0.25"), 71)

# ================================================================ finalize
TXS.sort(key=lambda t: (t.block, t.idx))
nonces = {}
serial = 0
for tx in TXS:
    day = (block_ts(tx.block) - ts_of("2020-09-01 00:00")) // 86400
    if tx.planted:
        tx.hash = "0x" + h256("tx", "planted", tx.planted, tx.block, tx.idx, tx.frm, tx.to)
    else:
        tx.hash = "0x" + h256("tx", serial, tx.block, tx.idx, tx.frm, tx.to)
        serial += 1
    if tx.frm not in nonces:
        base = int(h256("nonce", tx.frm)[:8], 16)
        nonces[tx.frm] = base % 1000000 + 1000000 if tx.frm in EXCHANGES else base % 400
    tx.nonce = nonces[tx.frm]
    nonces[tx.frm] += 1
    if tx.planted:
        tx.gas_price = (40 + int(h256("gas-price", tx.hash)[:4], 16) % 120 + (40 if 60 <= day <= 150 else 0)) * 10 ** 9
    else:
        tx.gas_price = (RNG.randrange(40, 160) + (40 if 60 <= day <= 150 else 0)) * 10 ** 9


def block_hash(n):
    return "0x" + h256("block", n)


def write_csv(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
    return path


OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ethereum")
os.makedirs(OUT, exist_ok=True)

# transactions.csv
write_csv("transactions.csv",
          ["hash", "nonce", "block_hash", "block_number", "transaction_index", "from_address", "to_address", "value",
           "gas", "gas_price", "input", "block_timestamp", "max_fee_per_gas", "max_priority_fee_per_gas",
           "transaction_type"],
          [[t.hash, t.nonce, block_hash(t.block), t.block, t.idx, t.frm, t.to, t.value, t.gas, t.gas_price, t.input,
            block_ts(t.block), None, None, 0] for t in TXS])

# receipts.csv: the cumulative gas counts 52,000 gas for each transaction of the block that is not in this export
cumulative = {}
_running = {}
for t in TXS:  # sorted by (block, idx)
    prev_idx, prev_sum = _running.get(t.block, (-1, 0))
    total = prev_sum + (t.idx - prev_idx - 1) * 52000 + t.gas_used
    _running[t.block] = (t.idx, total)
    cumulative[t.hash] = total
write_csv("receipts.csv",
          ["transaction_hash", "transaction_index", "block_hash", "block_number", "cumulative_gas_used", "gas_used",
           "contract_address", "root", "status", "effective_gas_price"],
          [[t.hash, t.idx, block_hash(t.block), t.block, cumulative[t.hash], t.gas_used, None, None,
            t.status, t.gas_price] for t in TXS])

# token_transfers.csv: log_index grows with transaction_index inside a block
tt_rows = []
for t in TXS:
    for j, (token, frm, to, value) in enumerate(t.tokens):
        if t.status == 1:
            tt_rows.append([token, frm, to, value, t.hash, t.idx * 2 + j, t.block])
write_csv("token_transfers.csv",
          ["token_address", "from_address", "to_address", "value", "transaction_hash", "log_index", "block_number"],
          tt_rows)

# traces.csv: root trace of every transaction, then its internal calls in depth-first order
tr_rows = []
for t in TXS:
    children = {}
    for tr in t.traces:
        children[tr[0][:-1]] = children.get(tr[0][:-1], 0) + 1
    root_gas = t.gas - 21000 if t.gas > 21000 else 0
    root_used = t.gas_used - 21000 if t.gas_used > 21000 else 0
    tr_rows.append([t.block, t.hash, t.idx, t.frm, t.to, t.value, t.input, "0x", "call", "call", None,
                    root_gas, None if t.status == 0 else root_used, children.get((), 0), "",
                    t.root_error or None, t.status, "call_%s_" % t.hash])
    for addr, frm, to, value, call_type, error, status, inp in sorted(t.traces, key=lambda x: x[0]):
        if t.status == 0:
            status = 0
        tr_rows.append([t.block, t.hash, t.idx, frm, to, value, inp, "0x" if not error else None, "call", call_type,
                        None, 30000, None if error else 2300 if value else 1200, children.get(addr, 0),
                        ",".join(str(a) for a in addr), error or None, status,
                        "call_%s_%s" % (t.hash, "_".join(str(a) for a in addr))])
write_csv("traces.csv",
          ["block_number", "transaction_hash", "transaction_index", "from_address", "to_address", "value", "input",
           "output", "trace_type", "call_type", "reward_type", "gas", "gas_used", "subtraces", "trace_address",
           "error", "status", "trace_id"],
          tr_rows)

# tokens.csv
write_csv("tokens.csv", ["address", "symbol", "name", "decimals", "total_supply", "block_number"], [
    [USDT, "USDT", "Tether USD", 6, 16400545081389203, START_BLOCK],
    [A["NFT"], "CSC", "Constructed Sample Cards", None, 1060, START_BLOCK],
])

# contracts.csv
ERC20_SIGS = "0x06fdde03,0x095ea7b3,0x18160ddd,0x23b872dd,0x313ce567,0x70a08231,0x95d89b41,0xa9059cbb,0xdd62ed3e"
ERC721_SIGS = "0x01ffc9a7,0x081812fc,0x095ea7b3,0x23b872dd,0x42842e0e,0x6352211e,0x70a08231,0xa22cb465,0xb88d4fde,0xe985e9c5"
write_csv("contracts.csv", ["address", "bytecode", "function_sighashes", "is_erc20", "is_erc721", "block_number"], [
    [USDT, "0x606060405236156101a6576000" + h256("bytecode", "usdt")[:48], ERC20_SIGS, "True", "False", START_BLOCK],
    [A["NFT"], "0x608060405234801561001057600080fd5b50" + h256("bytecode", "nft")[:48], ERC721_SIGS, "False", "True",
     START_BLOCK],
    [A["FWD"], "0x6080604052366010576000" + h256("bytecode", "forwarder")[:40], "", "False", "False", START_BLOCK],
    [A["CW"], "0x363d3d373d3d3d363d73" + A["LIB"][2:] + "5af43d82803e903d91602b57fd5bf3", "", "False", "False",
     START_BLOCK],
])

# blocks.csv: every block referenced by any file
blocks = sorted(set(t.block for t in TXS) | {START_BLOCK})
count_in_block = {}
gas_in_block = {}
for t in TXS:
    count_in_block[t.block] = max(count_in_block.get(t.block, 0), t.idx + 1)
    gas_in_block[t.block] = max(gas_in_block.get(t.block, 0), cumulative[t.hash])
b_rows = []
for n in blocks:
    difficulty = 3400000000000000 + (n - START_BLOCK) * 1700000000
    total_difficulty = 17500000000000000000000 + (n - START_BLOCK) * 3500000000000000
    tx_count = max(count_in_block.get(n, 0), 120 + int(h256("cnt", n)[:2], 16) // 4)
    b_rows.append([n, block_hash(n), block_hash(n - 1), "0x" + h256("nonce", n)[:16],
                   "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347",
                   "0x" + (h256("bloom", n) * 8), "0x" + h256("txroot", n), "0x" + h256("stateroot", n),
                   "0x" + h256("receiptroot", n), MINERS[int(h256("miner", n)[:4], 16) % len(MINERS)],
                   difficulty, total_difficulty, 30000 + int(h256("size", n)[:4], 16) % 40000,
                   "0x" + h256("extra", n)[:24], 12500000,
                   max(gas_in_block.get(n, 0), 12200000 + int(h256("gas", n)[:4], 16) % 290000),
                   block_ts(n), tx_count, None])
write_csv("blocks.csv",
          ["number", "hash", "parent_hash", "nonce", "sha3_uncles", "logs_bloom", "transactions_root", "state_root",
           "receipts_root", "miner", "difficulty", "total_difficulty", "size", "extra_data", "gas_limit", "gas_used",
           "timestamp", "transaction_count", "base_fee_per_gas"],
          b_rows)

print("transactions: %d (scenario %d, planted %d), token transfers: %d, traces: %d, blocks: %d" % (
    len(TXS), SCENARIO_TX_COUNT, sum(1 for t in TXS if t.planted), len(tt_rows), len(tr_rows), len(b_rows)), file=sys.stderr)
