#!/usr/bin/env python3
"""Build the constructed bitcoin-etl sample exports of the five UTXO chains.

    python3 sample-data/tools/make_utxo_sample.py [SAMPLE_DATA_DIR]

writes SAMPLE_DATA_DIR/{bitcoin,litecoin,dash,zcash,bitcoinsv}/ (default: the sample-data folder this
script lives in).  Everything is CONSTRUCTED (transactions, hashes, blocks, noise addresses); only the
designated seed addresses (OFAC IRA designations of 2020-09-10) and the labelled service addresses are
real public addresses.  The scenario is told in sample-data/README.md ("UTXO chains").

Python 3 standard library only.  Deterministic: one seeded random.Random per chain and sha256-derived
hashes, so a rerun rewrites the files byte for byte (the .json.gz files are written with mtime 0).

The rows copy bitcoin-etl's own shapes (blockchain-etl/bitcoin-etl: BtcTransactionMapper.transaction_to_dict,
BtcBlockMapper.block_to_dict, the field lists of blocks_and_transactions_item_exporter, EnrichTransactionsJob,
BtcService._add_non_standard_addresses and _add_shielded_inputs_and_outputs):
  * an output without an address (OP_RETURN, Core 22 bare multisig) gets type "nonstandard" and the
    pseudo-address "nonstandard" + sha256(script)[:40];
  * a not-enriched input has required_signatures/type null, addresses [] and value null; the transaction
    then has input_value 0 and fee = -output_value;
  * Zcash shielded value is an input/output of type "shielded" with no outpoint and addresses [];
  * chains on bitcoin-etl's "old API" (Dash, and Bitcoin SV exported as bitcoin_cash) write index null.
"""

import gzip
import hashlib
import io
import json
import os
import random
import sys
from datetime import datetime, timezone

# ============================================================ address codecs (encode side)
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def dsha(b):
    return hashlib.sha256(hashlib.sha256(b).digest()).digest()


def b58check(version, payload):
    raw = version + payload
    raw += dsha(raw)[:4]
    n = int.from_bytes(raw, "big")
    s = ""
    while n:
        n, r = divmod(n, 58)
        s = B58[r] + s
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + s


def b58decode_check(s):
    n = 0
    for c in s:
        n = n * 58 + B58.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(s) - len(s.lstrip("1"))) + raw
    assert dsha(raw[:-4])[:4] == raw[-4:], "bad checksum " + s
    return raw[:-4]


BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((top >> i) & 1) else 0
    return chk


def hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def convertbits(data, frombits, tobits, pad=True):
    acc, bits, ret = 0, 0, []
    maxv = (1 << tobits) - 1
    for v in data:
        acc = (acc << frombits) | v
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            ret.append((acc >> bits) & maxv)
    if pad and bits:
        ret.append((acc << (tobits - bits)) & maxv)
    return ret


def segwit_encode(hrp, witver, prog):
    data = [witver] + convertbits(prog, 8, 5)
    const = 1 if witver == 0 else 0x2bc830a3
    pm = bech32_polymod(hrp_expand(hrp) + data + [0] * 6) ^ const
    return hrp + "1" + "".join(BECH[d] for d in data + [(pm >> 5 * (5 - i)) & 31 for i in range(6)])


def segwit_decode(addr):
    hrp, _, rest = addr.lower().rpartition("1")
    data = [BECH.index(c) for c in rest]
    const = 1 if data[0] == 0 else 0x2bc830a3
    assert bech32_polymod(hrp_expand(hrp) + data) == const, "bad bech32 " + addr
    return hrp, data[0], bytes(convertbits(data[1:-6], 5, 8, False))


def cashaddr_polymod(values):
    gens = [0x98f2bc8e61, 0x79b76d99e2, 0xf33e5fb3c4, 0xae2eabe2a8, 0x1e4f43e470]
    c = 1
    for d in values:
        c0 = c >> 35
        c = ((c & 0x07ffffffff) << 5) ^ d
        for i in range(5):
            if (c0 >> i) & 1:
                c ^= gens[i]
    return c ^ 1


def cashaddr_encode(kind, h160, prefix="bitcoincash"):
    version = 0 if kind == "p2pkh" else 8
    data = convertbits(bytes([version]) + h160, 8, 5)
    pm = cashaddr_polymod([ord(c) & 31 for c in prefix] + [0] + data + [0] * 8)
    return prefix + ":" + "".join(BECH[d] for d in data + [(pm >> 5 * (7 - i)) & 31 for i in range(8)])


def cashaddr_decode(addr):
    prefix, _, payload = addr.lower().rpartition(":")
    prefix = prefix or "bitcoincash"
    data = [BECH.index(c) for c in payload]
    assert cashaddr_polymod([ord(c) & 31 for c in prefix] + [0] + data) == 0, "bad cashaddr " + addr
    raw = bytes(convertbits(data[:-8], 5, 8, False))
    return ("p2pkh" if raw[0] >> 3 == 0 else "p2sh"), raw[1:]


# ============================================================ chains
CHAINS = {
    # id: (p2pkh version, p2sh version, hrp, first block, its unix time, seconds per block)
    "bitcoin": (b"\x00", b"\x05", "bc", 640000, 1595160000, 600),
    "litecoin": (b"\x30", b"\x32", "ltc", 1890000, 1596412800, 150),
    "dash": (b"\x4c", b"\x10", None, 1330000, 1596240000, 157),
    "zcash": (b"\x1c\xb8", b"\x1c\xbd", None, 930000, 1596960000, 75),
    "bitcoinsv": (b"\x00", b"\x05", None, 648000, 1596240000, 600),
}

SEEDS = {
    "bitcoin": {
        "L1": "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz", "L2": "1DT3tenf14cxz9WFNxmYrXFbB6TFiVWA9U",
        "A1": "1Fz29BQp82pE3vXXcsZoMNQ3KSHfMzfMe3", "A2": "1AeSq93WDNdLoEJ92sex7T8xQZoYYm8BtS",
        "A3": "1AoxtfiBQ22DvbhqAN9Ctb8sULMRhrdwTr", "A4": "18Qj1THHuETfYhuRDZycXJbWwDMGw73Poa",
        "A5": "1MnbhWe5wr7Ut45ReyQsm96PwnM9jD7KaH", "A6": "1DYFJ6CuBvrxyoQSuBzVsNcetY9tvdsrag",
        "A7": "15Pt4NwZaUmMUwS2bQbyyncc7mzgWShtv8", "A8": "1PhqQpaGCrqSxQ6QDXcv14QCd1U98Zp34E",
        "A9": "13YBQr2Cp1YY3xqq2qngaPb7ca1o4ugeq6", "A10": "1KgudqxMfYaGzqAA7MS4DcsqejtMteqhix",
        "A11": "1FRyL9gmFGbzfYDAB4iY9836DJe3KSnjP9", "A12": "1DbShx4r8i2XesthoDBf5EkYWz5dsKEusV",
    },
    "litecoin": {"LL": "Leo3j36nn1JcsUQruytQhFUdCdCH5YHMR3", "LA1": "LWnbjLYUfqeokfbWM4FcU7uk2FP2DSxuWS",
                 "LA2": "LaYUy1DGfVSuSF5KbPhbLrm8kRotqiwUJn"},
    "dash": {"DL": "Xs3vzQmNvAxRa3Xo8XzQqUb3BMgb9EogF4"},
    "zcash": {"ZA": "t1WSKwCDL1QYRRUrCCknEs5tDLhtGVYu9KM"},
    "bitcoinsv": {"VA": "12sjrrhoFEsedNRhtgwvvRqjFTh8fZTDX9"},
}

# labelled services (real public addresses; labels.csv gives the sources)
SERVICES = {
    "bitcoin": {
        "BINANCE": "1NDyJtNTjmwk5xPNhjgAMu4HDHigtobu1s",
        "BITFINEX_HOT": "1Kr6QSydW9bFQG1mXiPNNu6WpJGmUa9i1g",
        "BITFINEX_COLD": "bc1qgdjqv0av3q56jvd82tkdjpy7gdp9ut8tlqmgrpmv24sq90ecnvqqjwvw97",
        "KRAKEN": "3G3VG4X1WquWjqXT27JRwrRoyZgdyWf1dT",
        "HELIX": "189sx3cvfJjJ13qKcEu1BZpV23Nz3pe5Gh",
        "WASABI_FEE": "bc1qs604c7jv6amk4cxqlnvuxv26hv3e48cds4m0ew",
        "BITPAY": "1Cnc6HdErHyxmMXn8i8k9RWQDVCoM52BNv",
    },
    "litecoin": {"BITFINEX_LTC": "LXTQdps2Pf83WdAXMinboiqLsEjSWrwJCD",
                 "BITFINEX_LTC_COLD": "LNSFU7hmF6GP2AFdcrCgd4QvFimvspviSs",
                 "HUOBI_LTC": "MNky8PL58UjL14mcZm3ESvEkYQkzMY9kfu"},
    "dash": {"BITFINEX_DASH": "XkW5GRvMfUmVCTxZF5L8P75zNhUnzmBkjA",
             "BITFINEX_DASH_COLD": "Xty4Q4B1CCm1qA4sMFkmczZqCtftFJuEse"},
    "zcash": {"BITFINEX_ZEC": "t1RRKgYb1bTmtUZvwqc3S5vLN5h8vke3xUY",
              "BITFINEX_ZEC_COLD": "t1N26vuBpBG9oTZ3ixtHxrhbhDWA24NPaji"},
    "bitcoinsv": {"BITFINEX_BSV": "bitcoincash:qpnrayau0ax6qcwlxhdzp8kze5gfjwlznygdmdpwjv",
                  "BITFINEX_BSV_COLD": "14BMRtbwkhFME8pjPkn17hKesesD99EVKs"},
}

COIN = 100000000


def h256(*parts):
    return hashlib.sha256(":".join(str(p) for p in ("fundtrace-utxo-sample",) + parts).encode()).hexdigest()


class Tx:
    def __init__(self, chain, txid, block, name, inputs, outputs, coinbase, seq):
        self.chain, self.txid, self.block, self.name = chain, txid, block, name
        self.inputs, self.outputs, self.coinbase, self.seq = inputs, outputs, coinbase, seq
        self.index = None
        self.enrich = True          # False: this transaction's inputs are written not enriched
        self.bad = None             # a corruption applied when written (bad rows)


class Ledger:
    """Builds one chain's transactions: coins, spends, addresses, blocks and times."""

    def __init__(self, chain):
        self.chain = chain
        self.p2pkh, self.p2sh, self.hrp, self.block0, self.time0, self.spb = CHAINS[chain]
        self.rng = random.Random("fundtrace-utxo-sample:" + chain)
        self.addr = {}              # name -> address string as written in outputs
        self.coins = {}             # (txid, vout) -> dict(value, script) for every coin, incl. pre-export
        self.spent = {}             # (txid, vout) -> spending txid
        self.created_block = {}     # (txid, vout) -> block (None before the export)
        self.txs = []
        self.seq = 0
        self.named = {}             # scenario name -> txid
        for n, a in SEEDS[chain].items():
            self.addr[n] = a
        for n, a in SERVICES[chain].items():
            self.addr[n] = a

    # ---------------------------------------------------------------- time
    def time(self, block):
        jitter = int(h256(self.chain, "jitter", block)[:4], 16) % 200 - 100
        return self.time0 + (block - self.block0) * self.spb + (jitter * self.spb) // 600

    def block_at(self, iso):
        """The first block at or after an ISO time (UTC, 'YYYY-MM-DD HH:MM')."""
        t = int(datetime.strptime(iso, "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc).timestamp())
        b = self.block0 + (t - self.time0) // self.spb
        while self.time(b) < t:
            b += 1
        while self.time(b - 1) >= t:
            b -= 1
        return b

    # ---------------------------------------------------------------- addresses
    def new(self, name, kind="p2pkh"):
        if name in self.addr:
            return self.addr[name]
        h = hashlib.sha256(("fundtrace-utxo-sample:%s:addr:%s" % (self.chain, name)).encode()).digest()
        if kind == "p2pkh":
            a = b58check(self.p2pkh, h[:20])
        elif kind == "p2sh":
            a = b58check(self.p2sh, h[:20])
        elif kind == "p2sh05":  # Litecoin's old P2SH version 05 ("3...")
            a = b58check(b"\x05", h[:20])
        elif kind == "p2wpkh":
            a = segwit_encode(self.hrp, 0, h[:20])
        elif kind == "p2wsh":
            a = segwit_encode(self.hrp, 0, hashlib.sha256(h).digest())
        elif kind == "cashaddr":
            a = cashaddr_encode("p2pkh", h[:20])
        else:
            raise ValueError(kind)
        self.addr[name] = a
        return a

    def script(self, address):
        """(type, script_hex, script_asm, required_signatures) for an output paying `address`."""
        if address.startswith("bitcoincash:") or address[:1] in ("q", "p") and len(address) == 42:
            kind, h = cashaddr_decode(address)
            if kind == "p2pkh":
                return "pubkeyhash", "76a914%s88ac" % h.hex(), "OP_DUP OP_HASH160 %s OP_EQUALVERIFY OP_CHECKSIG" % h.hex(), 1
            return "scripthash", "a914%s87" % h.hex(), "OP_HASH160 %s OP_EQUAL" % h.hex(), 1
        if self.hrp and address.lower().startswith(self.hrp + "1"):
            _, ver, prog = segwit_decode(address)
            if len(prog) == 20:
                return "witness_v0_keyhash", "0014" + prog.hex(), "0 " + prog.hex(), 1
            return "witness_v0_scripthash", "0020" + prog.hex(), "0 " + prog.hex(), 1
        raw = b58decode_check(address)
        ver, h = raw[:-20], raw[-20:]
        if ver == self.p2pkh:
            return "pubkeyhash", "76a914%s88ac" % h.hex(), "OP_DUP OP_HASH160 %s OP_EQUALVERIFY OP_CHECKSIG" % h.hex(), 1
        assert ver in (self.p2sh, b"\x05"), (self.chain, address)
        return "scripthash", "a914%s87" % h.hex(), "OP_HASH160 %s OP_EQUAL" % h.hex(), 1

    # ---------------------------------------------------------------- coins and transactions
    def out(self, spec, value):
        """An output dict in bitcoin-etl's shape.  spec: an address, or ('opreturn', hexdata),
        ('multisig', name), ('shielded',)."""
        if isinstance(spec, tuple) and spec[0] == "opreturn":
            data = spec[1]
            sh = "6a%02x%s" % (len(data) // 2, data)
            return {"index": None, "script_asm": "OP_RETURN " + data, "script_hex": sh, "required_signatures": None,
                    "type": "nonstandard", "addresses": ["nonstandard" + hashlib.sha256(bytes.fromhex(sh)).hexdigest()[:40]],
                    "value": value}
        if isinstance(spec, tuple) and spec[0] == "multisig":
            # an older node's bare 1-of-2 multisig: type multisig, both keys' P2PKH addresses
            pks = ["02" + h256(self.chain, "pubkey", spec[1], i) for i in range(2)]
            # (a made-up hash160: sha256 truncated, as ripemd160 is not always in hashlib)
            addrs = [b58check(self.p2pkh, hashlib.sha256(bytes.fromhex(pk)).digest()[:20]) for pk in pks]
            sh = "5121%s21%s52ae" % (pks[0], pks[1])
            return {"index": None, "script_asm": "1 %s %s 2 OP_CHECKMULTISIG" % (pks[0], pks[1]), "script_hex": sh,
                    "required_signatures": 1, "type": "multisig", "addresses": addrs, "value": value}
        if isinstance(spec, tuple) and spec[0] == "shielded":
            return {"index": None, "script_asm": None, "script_hex": None, "required_signatures": None,
                    "type": "shielded", "addresses": [], "value": value}
        t, sh, asm, req = self.script(spec)
        return {"index": None, "script_asm": asm, "script_hex": sh, "required_signatures": req, "type": t,
                "addresses": [spec], "value": value}

    def pre(self, name, spec, value):
        """A coin created before the export (its transaction is not in the export)."""
        txid = h256(self.chain, "pre", name)
        vout = int(txid[:2], 16) % 3
        self.coins[(txid, vout)] = self.out(spec, value)
        self.created_block[(txid, vout)] = None
        return (txid, vout)

    def tx(self, block, name, inputs, outputs, coinbase=False, fee=None, change=None, shielded_in=()):
        """inputs: outpoints; outputs: [(spec, value)]; change: spec that receives the rest minus fee.
        shielded_in: values of Zcash shielded inputs (no outpoint).  Returns the txid."""
        txid = h256(self.chain, "tx", name)
        assert txid not in self.named.values()
        ins = []
        total_in = 0
        for op in inputs:
            assert op in self.coins, (self.chain, name, op)
            assert op not in self.spent, (self.chain, name, op, "already spent by", self.spent.get(op))
            cb = self.created_block[op]
            assert cb is None or cb <= block, (name, op)
            self.spent[op] = txid
            total_in += self.coins[op]["value"]
            ins.append(op)
        total_in += sum(shielded_in)
        outs = [self.out(s, v) for s, v in outputs]
        if change is not None:
            if fee is None:
                fee = 1000 + self.rng.randrange(20000)
            rest = total_in - sum(v for _, v in outputs) - fee
            assert rest > 0, (name, rest)
            outs.append(self.out(change, rest))
        for i, o in enumerate(outs):
            o["index"] = i
            self.coins[(txid, i)] = o
            self.created_block[(txid, i)] = block
        if not coinbase:
            assert sum(o["value"] for o in outs) <= total_in, (name, total_in)
        t = Tx(self.chain, txid, block, name, ins, outs, coinbase, self.seq)
        t.shielded_in = list(shielded_in)
        self.seq += 1
        self.txs.append(t)
        self.named[name] = txid
        return txid

    def coinbase(self, block, pool_spec, extra=()):
        reward = {"bitcoin": 625000000, "litecoin": 1250000000, "dash": 288000000, "zcash": 500000000,
                  "bitcoinsv": 625000000}[self.chain] + self.rng.randrange(5000000, 90000000)
        outs = [(pool_spec, reward)] + list(extra)
        if self.chain in ("bitcoin", "litecoin"):
            outs.append((("opreturn", "aa21a9ed" + h256(self.chain, "witness", block)), 0))
        return self.tx(block, "coinbase-%d" % block, [], outs, coinbase=True)

    # ---------------------------------------------------------------- noise
    def noise(self, n_addrs, n_tx, block_lo, block_hi, exchanges, kinds=("p2pkh",), coinjoin_every=0):
        """Background activity among made-up addresses.  It touches no scenario address except the labelled
        exchanges (deposits to them and withdrawals from their own noise coins)."""
        rng = self.rng
        names = ["noise-%03d" % i for i in range(n_addrs)]
        for i, nm in enumerate(names):
            self.new(nm, kinds[i % len(kinds)])
        unspent = []  # (outpoint, holder name or exchange address)
        for i, nm in enumerate(names):
            v = rng.randrange(COIN // 100, 3 * COIN)
            unspent.append((self.pre("noise-start-%d" % i, self.addr[nm], v), nm))
        for j, ex in enumerate(exchanges):
            for k in range(3):
                unspent.append((self.pre("exchange-start-%d-%d" % (j, k), ex, rng.randrange(20 * COIN, 90 * COIN)), ex))
        blocks = sorted(rng.randrange(block_lo, block_hi) for _ in range(n_tx))
        for i, b in enumerate(blocks):
            ready = [u for u in unspent if self.created_block[u[0]] is None or self.created_block[u[0]] < b]
            if not ready:
                continue
            shape = rng.random()
            if coinjoin_every and i % coinjoin_every == coinjoin_every - 1:
                # a CoinJoin-shaped transaction among noise holders (never tainted)
                parts = [u for u in ready if u[1] in names and self.coins[u[0]]["value"] > COIN // 20 + 10000][:5]
                if len(parts) == 5 and len({p[1] for p in parts}) == 5:
                    denom = COIN // 20
                    outs = [(self.new("noise-cj-%d-%d" % (i, k)), denom) for k in range(5)]
                    outs += [(self.addr[p[1]], self.coins[p[0]]["value"] - denom - 3000) for p in parts]
                    txid = self.tx(b, "noise-%d" % i, [p[0] for p in parts], outs)
                    for p in parts:
                        unspent.remove(p)
                    for k in range(len(outs)):
                        unspent.append(((txid, k), (["noise-cj-%d-%d" % (i, m) for m in range(5)] + [p[1] for p in parts])[k]))
                    continue
            if shape < 0.12 and exchanges:
                # a withdrawal: an exchange pays a noise address from its own coin, with change to itself
                ex_coins = [u for u in ready if u[1] in exchanges and self.coins[u[0]]["value"] > COIN // 5]
                if ex_coins:
                    u = rng.choice(ex_coins)
                    to = rng.choice(names)
                    v = self.coins[u[0]]["value"]
                    pay = rng.randrange(COIN // 200, max(COIN // 100, v // 10))
                    txid = self.tx(b, "noise-%d" % i, [u[0]], [(self.addr[to], pay)], change=u[1])
                    unspent.remove(u)
                    unspent += [((txid, 0), to), ((txid, 1), u[1])]
                    continue
            holder = rng.choice([u[1] for u in ready if u[1] in names] or [None])
            if holder is None:
                continue
            mine = [u for u in ready if u[1] == holder]
            take = mine[:rng.choice((1, 1, 1, 2, 3))]
            if shape > 0.9:
                # a co-spend of two noise holders (noise clusters)
                other = [u for u in ready if u[1] in names and u[1] != holder]
                if other:
                    take.append(rng.choice(other))
            total = sum(self.coins[u[0]]["value"] for u in take)
            if total < 20000:
                continue
            fee = rng.randrange(500, 15000)
            if shape < 0.25 and exchanges:
                dest = [rng.choice(exchanges)]
            else:
                dest = [self.addr[rng.choice(names)] for _ in range(rng.choice((1, 1, 2, 3)))]
            outs, left = [], total - fee
            for d in dest:
                v = rng.randrange(546, max(547, left // 2))
                outs.append((d, v))
                left -= v
            outs.append((self.addr[holder] if rng.random() < 0.5 else self.new("noise-chg-%d" % i), left))
            txid = self.tx(b, "noise-%d" % i, [u[0] for u in take], outs)
            for u in take:
                unspent.remove(u)
            rev = {v: k for k, v in self.addr.items()}
            for k, (d, _) in enumerate(outs):
                nm = rev.get(d, d)
                if nm.startswith("noise-chg-"):
                    names.append(nm)
                unspent.append(((txid, k), nm if nm in names else d))
        return names

    # ---------------------------------------------------------------- writing
    def finish(self):
        """Assign in-block positions (coinbase 0, then creation order with gaps, as a filtered export has)."""
        by_block = {}
        for t in self.txs:
            by_block.setdefault(t.block, []).append(t)
        for b, ts in by_block.items():
            ts.sort(key=lambda t: (not t.coinbase, t.seq))
            pos = 0
            for t in ts:
                if not t.coinbase:
                    pos += 1 + int(h256(self.chain, "gap", t.txid)[:2], 16) % 40
                t.index = pos
        self.txs.sort(key=lambda t: (t.block, t.index))
        self.by_block = by_block

    def block_hash(self, b):
        zeros = {"bitcoin": 19, "litecoin": 12, "dash": 12, "zcash": 8, "bitcoinsv": 16}[self.chain]
        return "0" * zeros + h256(self.chain, "block", b)[zeros:]

    def block_row(self, b):
        ts = self.by_block[b]
        return {"hash": self.block_hash(b), "size": 900000 + int(h256(self.chain, "size", b)[:4], 16),
                "stripped_size": 800000 + int(h256(self.chain, "ssize", b)[:4], 16) if self.chain in ("bitcoin", "litecoin") else None,
                "weight": 3990000 if self.chain in ("bitcoin", "litecoin") else None,
                "number": b, "version": 536870912 if self.chain != "zcash" else 4,
                "merkle_root": h256(self.chain, "merkle", b), "timestamp": self.time(b),
                "nonce": h256(self.chain, "nonce", b)[:8] if self.chain != "zcash" else h256(self.chain, "nonce", b),
                "bits": {"bitcoin": "170f48e4", "litecoin": "1a0191b5", "dash": "19373bb5", "zcash": "1c01e1b1",
                         "bitcoinsv": "180c5a82"}[self.chain],
                "coinbase_param": "03" + b.to_bytes(3, "little").hex() + h256(self.chain, "cbp", b)[:40],
                "transaction_count": max(t.index for t in ts) + 1 + int(h256(self.chain, "more", b)[:2], 16)}

    def tx_row(self, t, enrich=True, index_null=False):
        ins = []
        for i, op in enumerate(t.inputs):
            c = self.coins[op]
            seg = c["type"].startswith("witness")
            sig = h256(self.chain, "sig", t.txid, i)
            asm = "" if seg else "3045022100%s[ALL] 02%s" % (sig, h256(self.chain, "pk", op[0], op[1]))
            hexs = "" if seg else "483045022100%s0121%s" % (sig, "02" + h256(self.chain, "pk", op[0], op[1]))
            e = enrich and t.enrich
            ins.append({"index": i, "spent_transaction_hash": op[0], "spent_output_index": op[1],
                        "script_asm": asm, "script_hex": hexs,
                        "sequence": 4294967293 if seg else 4294967295,
                        "required_signatures": c["required_signatures"] if e else None,
                        "type": c["type"] if e else None,
                        "addresses": list(c["addresses"]) if e else [],
                        "value": c["value"] if e else None})
        for v in t.shielded_in:
            ins.append({"index": len(ins), "spent_transaction_hash": None, "spent_output_index": None,
                        "script_asm": None, "script_hex": None, "sequence": None, "required_signatures": None,
                        "type": "shielded", "addresses": [], "value": v})
        outs = [dict(o) for o in t.outputs]
        in_value = sum(i["value"] for i in ins if i["value"] is not None)
        out_value = sum(o["value"] for o in outs)
        size = 110 + 148 * len(ins) + 34 * len(outs)
        return {"hash": t.txid, "size": size, "virtual_size": size - 20 * len(ins) if self.chain == "bitcoin" else size,
                "version": 4 if self.chain == "zcash" else (1 if t.coinbase else 2), "lock_time": 0,
                "block_number": t.block, "block_hash": self.block_hash(t.block), "block_timestamp": self.time(t.block),
                "is_coinbase": t.coinbase, "index": None if index_null else t.index,
                "inputs": ins, "outputs": outs, "input_count": len(ins), "output_count": len(outs),
                "input_value": in_value, "output_value": out_value,
                "fee": 0 if t.coinbase else in_value - out_value}


def dumps(row):
    return json.dumps(row, separators=(", ", ": "))


def write_lines(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")


def write_gz(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as g:
        for line in lines:
            g.write((line + "\n").encode())
    with open(path, "wb") as f:
        f.write(buf.getvalue())


BTC = COIN


# ============================================================ bitcoin
def build_bitcoin():
    L = Ledger("bitcoin")
    a, new, blk = L.addr, L.new, L.block_at
    # pool addresses and the coinbases of the scenario blocks are added at the end
    # --- B1: Binance withdraws to F1; F1 funds Lifshits's two addresses (backward: F1 hop 1, Binance hop 2)
    new("F1", "p2wpkh")
    bin0 = L.pre("binance-1", a["BINANCE"], 412 * BTC + 31337)
    b = blk("2020-08-10 09:00")
    t_b1 = L.tx(b, "B1-binance-withdrawal", [bin0], [(a["F1"], 80000000)], change=a["BINANCE"], fee=22000)
    b = blk("2020-08-11 14:00")
    t_b1b = L.tx(b, "B1-F1-funds-seeds", [(t_b1, 0)], [(a["L1"], 45000000), (a["L2"], 34990000)])
    # --- B13a: seed L2 pays seed L1 (seed to seed: returned to seeds, nobody reached)
    b = blk("2020-08-13 10:00")
    t_l2l1 = L.tx(b, "B13-L2-pays-L1", [(t_b1b, 1)], [(a["L1"], 20000000)], change=a["L2"], fee=5000)
    # --- B13b: coins, not balances.  X holds a clean coin; L1 pays X; X then spends its CLEAN coin to Y.
    new("X"), new("Y")
    xclean = L.pre("X-clean", a["X"], 30000000)
    b = blk("2020-08-14 08:00")
    t_x1 = L.tx(b, "B13-L1-pays-X", [(t_b1b, 0)], [(a["X"], 15000000)], change=a["L1"], fee=4000)
    b = blk("2020-08-14 20:00")
    t_x2 = L.tx(b, "B13-X-spends-clean-coin-to-Y", [xclean], [(a["Y"], 29990000)], fee=10000)
    # --- B13c: the BSV seed's string is a valid bitcoin address, but it is not a seed on bitcoin
    new("Z1")
    bsvstr = L.pre("bsv-string-coin", "12sjrrhoFEsedNRhtgwvvRqjFTh8fZTDX9", 5000000)
    b = blk("2020-08-15 12:00")
    t_z1 = L.tx(b, "B13-bsv-seed-string-on-bitcoin", [bsvstr], [(a["Z1"], 4990000)], fee=10000)
    # --- B2: cash-out: A1 -> D1 (hop 1) -> Bitfinex hot (hop 2) three hours later
    new("D1")
    a1c = L.pre("A1-coin", a["A1"], 150000000)
    b = blk("2020-08-17 09:00")
    t_d1 = L.tx(b, "B2-A1-pays-D1", [a1c], [(a["D1"], 120000000)], change=a["A1"], fee=8000)
    b = blk("2020-08-17 12:10")
    t_d2 = L.tx(b, "B2-D1-deposits-Bitfinex", [(t_d1, 0)], [(a["BITFINEX_HOT"], 119990000)], fee=10000)
    # --- B3: the worked example of utxo.md, and a co-spend that links seed A2 with W (clustering)
    new("W"), new("H1", "p2wpkh"), new("H2")
    a2c = L.pre("A2-coin", a["A2"], 12345678)
    wc = L.pre("W-coin", a["W"], 87654322)
    b = blk("2020-08-19 16:00")
    t_we = L.tx(b, "B3-worked-example", [a2c, wc], [(a["H1"], 70000000), (a["H2"], 29990000)])
    # H1 later sends on (hop 2): H1 -> H3 half, H1 keeps change (not a peel: 50 %)
    new("H3")
    b = blk("2020-08-22 11:00")
    t_h3 = L.tx(b, "B3-H1-pays-H3", [(t_we, 0)], [(a["H3"], 35000000)], change=a["H1"], fee=2500)
    # --- B4: peel chain A3 -> P0 (hop 1); P0, P1, P2 peel (hops 2, 3, 4); P3 would be hop 5
    for n in ("P0", "P1", "P2", "P3", "Q1", "Q2", "Q3", "X5"):
        new(n, "p2wpkh" if n in ("P1", "P3") else "p2pkh")
    a3c = L.pre("A3-coin", a["A3"], 800000000)
    b = blk("2020-08-20 08:00")
    t_p0 = L.tx(b, "B4-A3-pays-P0", [a3c], [(a["P0"], 500000000)], change=a["A3"], fee=6000)
    b = blk("2020-08-21 09:00")
    t_s1 = L.tx(b, "B4-peel-1", [(t_p0, 0)], [(a["Q1"], 1500000), (a["P1"], 498490000)])
    b = blk("2020-08-22 15:00")
    t_s2 = L.tx(b, "B4-peel-2", [(t_s1, 1)], [(a["Q2"], 1200000), (a["P2"], 497280000)])
    b = blk("2020-08-24 10:00")
    t_s3 = L.tx(b, "B4-peel-3", [(t_s2, 1)], [(a["Q3"], 1100000), (a["P3"], 496170000)])
    b = blk("2020-08-26 10:00")
    t_s4 = L.tx(b, "B4-P3-beyond-horizon", [(t_s3, 1)], [(a["X5"], 496160000)])
    # --- B5: seed A4 -> CJ1 (hop 1); CJ1's tainted coin enters a CoinJoin-shaped transaction (Wasabi-like:
    #          five equal 0.1 BTC outputs, the coordinator fee to Wasabi's fee address, change per participant)
    new("CJ1", "p2wpkh")
    a4c = L.pre("A4-coin", a["A4"], 50000000)
    b = blk("2020-08-23 10:00")
    t_cj0 = L.tx(b, "B5-A4-pays-CJ1", [a4c], [(a["CJ1"], 10300000)], change=a["A4"], fee=4000)
    parts = [(t_cj0, 0)]
    for k in range(1, 5):  # CJP4 brings the exact amount and gets no change
        new("CJP%d" % k, "p2wpkh")
        parts.append(L.pre("CJP%d-coin" % k, a["CJP%d" % k], 10000000 + (450000 * k if k < 4 else 34000)))
    outs = [(new("CJO%d" % k, "p2wpkh"), 10000000) for k in range(1, 6)]
    outs.append((a["WASABI_FEE"], 150000))
    outs += [(new("CJC", "p2wpkh"), 10300000 - 10000000 - 30000 - 4000)]
    outs += [(new("CJP%dC" % k, "p2wpkh"), 450000 * k - 30000 - 4000) for k in range(1, 4)]
    # 5 inputs, 10 outputs: p = 5, and 0.1 BTC occurs exactly 5 times (fees: 30,000 to Wasabi per mixed coin
    # in total 150,000, 4,000 to the miner per participant; CJP4 pays its 34,000 out of its exact coin)
    b = blk("2020-08-23 18:00")
    t_cj = L.tx(b, "B5-coinjoin", parts, outs)
    # --- B5b: a near miss: A5, V1 and V2 co-spend into a batch of four equal payments (4 != p = 3): not
    #          CoinJoin-shaped, so it links A5, V1 and V2 into one cluster
    new("V1"), new("V2", "p2sh")
    a5c = L.pre("A5-coin", a["A5"], 30000000)
    v1c = L.pre("V1-coin", a["V1"], 25000000)
    v2c = L.pre("V2-coin", a["V2"], 10000000)
    outs = [(new("BP%d" % k), 5000000) for k in range(1, 5)] + [(a["V1"], 44990000)]
    b = blk("2020-08-25 13:00")
    t_batch = L.tx(b, "B5b-batch-near-miss", [a5c, v1c, v2c], outs)
    # --- B6: rapid pass-through A6 -> R1 (hop 1) -> R2 within 20 minutes -> Kraken five hours later
    new("R1"), new("R2", "p2sh")
    a6c = L.pre("A6-coin", a["A6"], 250000000)
    b = blk("2020-08-27 07:00")
    t_r1 = L.tx(b, "B6-A6-pays-R1", [a6c], [(a["R1"], 200000000)], change=a["A6"], fee=7000)
    t_r2 = L.tx(b + 2, "B6-R1-passes-to-R2", [(t_r1, 0)], [(a["R2"], 199000000), (a["R1"], 990000)])
    t_r3 = L.tx(b + 32, "B6-R2-deposits-Kraken", [(t_r2, 0)], [(a["KRAKEN"], 198990000)])
    # --- B7: structuring: A7 -> S1 (hop 1); S1 pays 0.95, 0.97, 0.92 BTC (just under 1 BTC) within 13 hours
    new("S1")
    a7c = L.pre("A7-coin", a["A7"], 600000000)
    b = blk("2020-08-29 06:00")
    t_st0 = L.tx(b, "B7-A7-pays-S1", [a7c], [(a["S1"], 500000000)], change=a["A7"], fee=6000)
    prev = (t_st0, 0)
    for k, (when, v) in enumerate((("2020-08-29 06:30", 95000000), ("2020-08-29 12:00", 97000000),
                                   ("2020-08-29 19:00", 92000000)), start=1):
        new("T%d" % k)
        tid = L.tx(blk(when), "B7-structuring-%d" % k, [prev], [(a["T%d" % k], v)], change=a["S1"], fee=5000)
        prev = (tid, 1)
    # --- B8: a service keeps taint: A8 -> BitPay (hop 1); BitPay pays merchant M1 from that very coin
    new("M1")
    a8c = L.pre("A8-coin", a["A8"], 40000000)
    b = blk("2020-08-31 10:00")
    t_bp = L.tx(b, "B8-A8-pays-BitPay", [a8c], [(a["BITPAY"], 39990000)], fee=10000)
    t_bp2 = L.tx(b + 3, "B8-BitPay-pays-merchant", [(t_bp, 0)], [(a["M1"], 39980000)], fee=10000)
    # --- B9: mixer: A9 -> MX1 (hop 1) -> Helix (hop 2); Helix pays HX1 (not reached)
    new("MX1"), new("HX1")
    a9c = L.pre("A9-coin", a["A9"], 70000000)
    b = blk("2020-09-01 15:00")
    t_mx = L.tx(b, "B9-A9-pays-MX1", [a9c], [(a["MX1"], 69990000)], fee=10000)
    t_mx2 = L.tx(blk("2020-09-02 09:00"), "B9-MX1-pays-Helix", [(t_mx, 0)], [(a["HELIX"], 69980000)], fee=10000)
    t_mx3 = L.tx(blk("2020-09-03 09:00"), "B9-Helix-pays-out", [(t_mx2, 0)], [(a["HX1"], 69000000)], change=a["HELIX"], fee=10000)
    # --- B10: dust: A10 sends 546 sat to DU1, 0.3 BTC to DU2, change to itself (returned to seeds).
    #          DS dusts seeds A10 and A12 (backward: DS at hop 1)
    new("DU1"), new("DU2", "p2wpkh"), new("DS")
    dsc = L.pre("DS-coin", a["DS"], 100000)
    b = blk("2020-08-12 03:00")
    t_ds = L.tx(b, "B10-DS-dusts-seeds", [dsc], [(a["A10"], 546), (a["A12"], 546)], change=a["DS"], fee=2000)
    a10c = L.pre("A10-coin", a["A10"], 50000000)
    b = blk("2020-09-04 10:00")
    t_du = L.tx(b, "B10-A10-dust-and-change", [a10c, (t_ds, 0)], [(a["DU1"], 546), (a["DU2"], 30000000)],
                change=a["A10"], fee=3000)
    # --- B11: a coinbase pays seed A11 directly (a pool payout); A11 then pays CB1 and a bare multisig output;
    #          the multisig coin (addressless) is spent to MS2 (hop 2)
    new("POOL-A", "p2wpkh"), new("CB1"), new("MS2")
    b = blk("2020-09-05 02:00")
    t_cb = L.coinbase(b, a["POOL-A"], extra=[(a["A11"], 25000000)])
    b2 = blk("2020-09-06 08:00")
    t_cb1 = L.tx(b2, "B11-A11-spends-coinbase-coin", [(t_cb, 1)], [(a["CB1"], 15000000), (("multisig", "MS1"), 9990000)])
    t_ms = L.tx(blk("2020-09-07 08:00"), "B11-multisig-spent", [(t_cb1, 1)], [(a["MS2"], 9980000)])
    # --- B12: an OP_RETURN output: A12 pays OR1 with an OP_RETURN memo (addressless, value 0)
    new("OR1")
    a12c = L.pre("A12-coin", a["A12"], 20000000)
    b = blk("2020-09-08 12:00")
    t_or = L.tx(b, "B12-A12-op-return", [a12c, (t_ds, 1)], [(a["OR1"], 12000000), (("opreturn", "66756e6474726163652d73616d706c65"), 0)],
                change=a["A12"], fee=3000)
    # --- noise, pools and coinbases
    noise = L.noise(170, 1150, 643000, 647900,
                    [a["BINANCE"], a["BITFINEX_HOT"], a["BITFINEX_COLD"], a["KRAKEN"], a["HELIX"]],
                    kinds=("p2pkh", "p2wpkh", "p2sh", "p2pkh", "p2wpkh"), coinjoin_every=300)
    pools = [new("pool-%d" % i, "p2wpkh" if i % 2 else "p2pkh") for i in range(5)]
    blocks = sorted({t.block for t in L.txs})
    have_cb = {t.block for t in L.txs if t.coinbase}
    for b in blocks:
        if b not in have_cb and int(h256("bitcoin", "cb?", b)[:2], 16) < 200:
            L.coinbase(b, pools[int(h256("bitcoin", "pool", b)[:2], 16) % len(pools)])
    return L


# ============================================================ litecoin
def build_litecoin():
    L = Ledger("litecoin")
    a, new, blk = L.addr, L.new, L.block_at
    # cash-out with a rapid pass-through: LL -> LD1 (hop 1) -> Bitfinex LTC 25 minutes later
    new("LD1")
    llc = L.pre("LL-coin", a["LL"], 4000 * COIN // 10)
    b = blk("2020-08-12 10:00")
    t1 = L.tx(b, "L1-LL-pays-LD1", [llc], [(a["LD1"], 300 * COIN)], change=a["LL"], fee=30000)
    t2 = L.tx(b + 10, "L1-LD1-deposits-Bitfinex", [(t1, 0)], [(a["BITFINEX_LTC"], 300 * COIN - 20000)])
    # exchange funding: Huobi -> LF1 -> LA1 (backward LF1 hop 1, Huobi hop 2)
    new("LF1", "p2wpkh")
    hc = L.pre("huobi-coin", a["HUOBI_LTC"], 9000 * COIN)
    b = blk("2020-08-14 09:00")
    t3 = L.tx(b, "L2-Huobi-withdraws-to-LF1", [hc], [(a["LF1"], 150 * COIN)], change=a["HUOBI_LTC"], fee=40000)
    b = blk("2020-08-15 09:00")
    t4 = L.tx(b, "L2-LF1-funds-LA1", [(t3, 0)], [(a["LA1"], 120 * COIN)], change=a["LF1"], fee=20000)
    # the two Andreyev LTC seeds co-spend (one cluster, two seeds); LR1 hop 1
    new("LR1")
    la2c = L.pre("LA2-coin", a["LA2"], 80 * COIN)
    b = blk("2020-08-20 17:00")
    t5 = L.tx(b, "L3-LA1-LA2-co-spend", [(t4, 0), la2c], [(a["LR1"], 100 * COIN)], change=a["LA2"], fee=50000)
    # LA2 -> LP1 (bech32, hop 1); LP1's coin is spent in the late, NOT enriched partition together with a coin
    # from before the export (unresolved: no value, no holder): D = output total
    new("LP1", "p2wpkh"), new("LQ1"), new("LQ2", "p2sh"), new("LU", "p2sh05")
    b = blk("2020-08-24 12:00")
    t6 = L.tx(b, "L4-LA2-pays-LP1", [(t5, 1)], [(a["LP1"], 60 * COIN)], change=a["LA2"], fee=20000)
    luc = L.pre("LU-coin", a["LU"], 40 * COIN)
    b = blk("2020-09-05 12:00")
    t7 = L.tx(b, "L4-late-with-unresolved-input", [(t6, 0), luc], [(a["LQ1"], 70 * COIN), (a["LQ2"], 2999960000)])
    L.txs[-1].enrich = False
    L.late_from = b - 10
    noise = L.noise(80, 380, 1890000, L.late_from - 1,
                    [a["BITFINEX_LTC"], a["BITFINEX_LTC_COLD"], a["HUOBI_LTC"]],
                    kinds=("p2pkh", "p2sh", "p2wpkh", "p2pkh", "p2sh05"))
    pools = [new("pool-%d" % i) for i in range(3)]
    for b in sorted({t.block for t in L.txs}):
        if int(h256("litecoin", "cb?", b)[:2], 16) < 128:
            L.coinbase(b, pools[b % 3])
    return L


# ============================================================ dash
def build_dash():
    L = Ledger("dash")
    a, new, blk = L.addr, L.new, L.block_at
    # exchange funding: Bitfinex Dash -> DF1 -> DL (backward DF1 hop 1, Bitfinex hop 2)
    new("DF1")
    bc = L.pre("bitfinex-dash-coin", a["BITFINEX_DASH"], 20000 * COIN)
    b = blk("2020-08-11 08:00")
    t1 = L.tx(b, "D1-Bitfinex-withdraws-to-DF1", [bc], [(a["DF1"], 520 * COIN)], change=a["BITFINEX_DASH"], fee=2260)
    b = blk("2020-08-12 08:00")
    t2 = L.tx(b, "D1-DF1-funds-seed", [(t1, 0)], [(a["DL"], 510 * COIN)], change=a["DF1"], fee=2260)
    # structuring by the seed itself: three payments just under 100 DASH within 10 hours
    prev = (t2, 0)
    for k, (when, v) in enumerate((("2020-08-18 08:00", 96 * COIN), ("2020-08-18 12:00", 98 * COIN),
                                   ("2020-08-18 18:00", 93 * COIN)), start=1):
        new("DS%d" % k, "p2sh" if k == 2 else "p2pkh")
        tid = L.tx(blk(when), "D2-seed-structuring-%d" % k, [prev], [(a["DS%d" % k], v)], change=a["DL"], fee=2260)
        prev = (tid, 1)
    # DS1 -> DD2 (hop 2) -> Bitfinex Dash (hop 3): cash-out, and DD2's payment comes in the same block as its
    # funding (the parent earlier in that block)
    new("DD2")
    b = blk("2020-08-21 10:00")
    t3 = L.tx(b, "D3-DS1-pays-DD2", [(L.named["D2-seed-structuring-1"], 0)], [(a["DD2"], 9599990000)], fee=10000)
    t4 = L.tx(b, "D3-DD2-deposits-Bitfinex-same-block", [(t3, 0)], [(a["BITFINEX_DASH"], 9599980000)], fee=10000)
    noise = L.noise(70, 300, 1330000, 1350000, [a["BITFINEX_DASH"], a["BITFINEX_DASH_COLD"]], kinds=("p2pkh", "p2pkh", "p2sh"))
    pools = [new("pool-%d" % i) for i in range(3)]
    for b in sorted({t.block for t in L.txs}):
        if int(h256("dash", "cb?", b)[:2], 16) < 100:
            mn = new("masternode-%d" % (b % 7))
            L.coinbase(b, pools[b % 3], extra=[(mn, 144000000)])
    return L


# ============================================================ zcash
def build_zcash():
    L = Ledger("zcash")
    a, new, blk = L.addr, L.new, L.block_at
    # deshielding into the seed: a shielded input (no outpoint, no holder) pays ZA; ZF1 adds a transparent coin
    new("ZF1")
    zf = L.pre("ZF1-coin", a["ZF1"], 30 * COIN)
    b = blk("2020-08-13 11:00")
    t1 = L.tx(b, "Z1-deshield-to-seed", [zf], [(a["ZA"], 150 * COIN), (a["ZF1"], 30 * COIN - 10000 - 0)],
              shielded_in=[150 * COIN])
    # seed -> ZD1 (hop 1, t3) -> Bitfinex ZEC (hop 2) a day later; the seed also shields some value
    new("ZD1", "p2sh")
    b = blk("2020-08-19 09:00")
    t2 = L.tx(b, "Z2-seed-pays-ZD1-and-shields", [(t1, 0)],
              [(a["ZD1"], 80 * COIN), (a["ZA"], 2999990000), (("shielded",), 40 * COIN)])
    b = blk("2020-08-20 09:00")
    t3 = L.tx(b, "Z2-ZD1-deposits-Bitfinex", [(t2, 0)], [(a["BITFINEX_ZEC"], 80 * COIN - 10000)])
    # the seed's change goes on to ZE1 (hop 1) -> ZE2 (hop 2); the shielded 40 ZEC is not traced further
    new("ZE1"), new("ZE2")
    b = blk("2020-08-27 09:00")
    t4 = L.tx(b, "Z3-seed-pays-ZE1", [(t2, 1)], [(a["ZE1"], 2999980000)])
    t5 = L.tx(blk("2020-08-29 09:00"), "Z3-ZE1-pays-ZE2", [(t4, 0)], [(a["ZE2"], 1500000000)], change=a["ZE1"], fee=10000)
    noise = L.noise(70, 300, 930000, 975000, [a["BITFINEX_ZEC"], a["BITFINEX_ZEC_COLD"]], kinds=("p2pkh", "p2pkh", "p2sh"))
    pools = [new("pool-%d" % i) for i in range(3)]
    founders = new("founders", "p2sh")
    for b in sorted({t.block for t in L.txs}):
        if int(h256("zcash", "cb?", b)[:2], 16) < 100:
            L.coinbase(b, pools[b % 3], extra=[(founders, 125000000)])
    return L


# ============================================================ bitcoin sv
def build_bitcoinsv():
    L = Ledger("bitcoinsv")
    a, new, blk = L.addr, L.new, L.block_at
    # funding: VF1 pays the seed; VF1's outputs are written as cashaddr (bare "q..." in one, prefixed in another)
    vf1_cash = new("VF1-cash", "cashaddr")                       # bitcoincash:q...
    vf1_bare = vf1_cash.split(":")[1]                            # the same hash, without the prefix
    vfc = L.pre("VF1-coin", vf1_bare, 900 * COIN)
    b = blk("2020-08-12 09:00")
    t1 = L.tx(b, "V1-VF1-funds-seed", [vfc], [(a["VA"], 250 * COIN)], change=vf1_cash, fee=500)
    # seed -> VD1 (hop 1) -> Bitfinex BSV hot wallet, paid to its cashaddr form (labels.csv has the legacy form)
    new("VD1")
    b = blk("2020-08-18 09:00")
    t2 = L.tx(b, "V2-seed-pays-VD1", [(t1, 0)], [(a["VD1"], 200 * COIN)], change=a["VA"], fee=500)
    t3 = L.tx(blk("2020-08-18 16:00"), "V2-VD1-deposits-Bitfinex-cashaddr", [(t2, 0)], [(a["BITFINEX_BSV"], 200 * COIN - 500)])
    # decoy: Lifshits's XBT address string on BSV is not a seed on bitcoinsv
    new("VZ1")
    lc = L.pre("lifshits-string-coin", "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz", 3 * COIN)
    t4 = L.tx(blk("2020-08-20 09:00"), "V3-XBT-seed-string-on-BSV", [lc], [(a["VZ1"], 3 * COIN - 500)])
    noise = L.noise(60, 240, 648000, 656000, [a["BITFINEX_BSV_COLD"]], kinds=("p2pkh", "p2pkh", "p2sh"))
    pools = [new("pool-%d" % i) for i in range(3)]
    for b in sorted({t.block for t in L.txs}):
        if int(h256("bitcoinsv", "cb?", b)[:2], 16) < 100:
            L.coinbase(b, pools[b % 3])
    return L


# ============================================================ bad rows (bitcoin only)
def bitcoin_bad_rows(L, noise_names):
    """Bad rows, each a made-up transaction nobody spends from.  Returns [(block, position, line)]."""
    rows = []
    spent_noise = [(op, tx) for op, tx in L.spent.items() if L.created_block[op] is not None
                   and any(t.txid == tx and t.name.startswith("noise-") for t in L.txs)]
    unspent_loaded = sorted(op for op in L.coins if op not in L.spent and L.created_block[op] is not None
                            and L.coins[op]["type"] == "pubkeyhash" and L.coins[op]["value"] > 100000
                            and "nonstandard" not in L.coins[op]["addresses"][0]
                            and L.coins[op]["addresses"][0] not in SERVICES["bitcoin"].values()
                            and L.coins[op]["addresses"][0] not in SEEDS["bitcoin"].values())
    spent_noise.sort()

    def mk(name, block, ins, outs):
        t = Tx("bitcoin", h256("bitcoin", "bad", name), block, name, ins, outs, False, 0)
        t.shielded_in = []
        by = L.by_block.setdefault(block, [])
        t.index = (max(x.index for x in by) + 7) if by else 3
        return t

    def fresh_pre(name, value):
        op = L.pre("bad-" + name, L.new("bad-holder-" + name), value)
        return op

    def row(t):
        return L.tx_row(t)

    def out(name, v):
        o = L.out(L.new("bad-to-" + name), v)
        return o

    blocks = sorted(L.by_block)
    pick = lambda k: blocks[len(blocks) * k // 9]
    # 1. not valid JSON (a line cut short)
    t = mk("truncated", pick(1), [fresh_pre("truncated", 5000000)], [dict(out("truncated", 4990000), index=0)])
    line = dumps(row(t))
    rows.append((t.block, t.index, line[: len(line) // 2]))
    # 2. a negative output value
    t = mk("negative", pick(2), [fresh_pre("negative", 5000000)], [dict(out("negative", -4990000), index=0)])
    rows.append((t.block, t.index, dumps(row(t))))
    # 3. output_count disagrees with the array
    t = mk("count", pick(3), [fresh_pre("count", 7000000)], [dict(out("count", 6990000), index=0)])
    r = row(t)
    r["output_count"] = 2
    rows.append((t.block, t.index, dumps(r)))
    # 4. is_coinbase "yes"
    t = mk("yes", pick(4), [fresh_pre("yes", 7000000)], [dict(out("yes", 6990000), index=0)])
    r = row(t)
    r["is_coinbase"] = "yes"
    rows.append((t.block, t.index, dumps(r)))
    # 5. a double spend of a noise coin that an earlier accepted noise transaction spent
    op, first = spent_noise[len(spent_noise) // 3]
    first_block = max(tx.block for tx in L.txs if tx.txid == first)
    b5 = min(x for x in blocks if x > first_block)
    t = mk("double-spend", b5, [op], [dict(out("double-spend", L.coins[op]["value"] - 5000), index=0)])
    rows.append((t.block, t.index, dumps(row(t))))
    # 6. an input whose stated value disagrees with the loaded output it spends
    op = unspent_loaded[len(unspent_loaded) // 2]
    b6 = max(blocks[-1], L.created_block[op])
    t = mk("value-mismatch", b6, [op], [dict(out("value-mismatch", L.coins[op]["value"] - 5000), index=0)])
    r = row(t)
    r["inputs"][0]["value"] += 1
    rows.append((t.block, t.index, dumps(r)))
    # 7. spends an output index its parent does not have
    parent = next(x for x in L.txs if x.name.startswith("noise-") and x.block < pick(7))
    t = mk("no-such-output", pick(7), [(parent.txid, len(parent.outputs) + 3)], [dict(out("no-such-output", 100000), index=0)])
    L.coins[(parent.txid, len(parent.outputs) + 3)] = L.out(L.new("bad-holder-x"), 200000)
    r = row(t)
    del L.coins[(parent.txid, len(parent.outputs) + 3)]
    rows.append((t.block, t.index, dumps(r)))
    return rows


# ============================================================ write
def write_bitcoin(L, out):
    """export_all layout: blocks/ and transactions/ partitions of 4000 blocks; each transactions partition holds
    transactions_X_Y.json (not enriched: not read) beside enriched_transactions_X_Y.json."""
    bad = bitcoin_bad_rows(L, None)
    parts = [(640000, 643999), (644000, 647999)]
    for lo, hi in parts:
        pdir = "start_block=%08d/end_block=%08d" % (lo, hi)
        suffix = "%08d_%08d" % (lo, hi)
        blocks = sorted(b for b in L.by_block if lo <= b <= hi)
        write_lines(os.path.join(out, "blocks", pdir, "blocks_%s.json" % suffix), [dumps(L.block_row(b)) for b in blocks])
        txs = [t for t in L.txs if lo <= t.block <= hi]
        plain = [dumps(L.tx_row(t, enrich=False)) for t in txs]
        enriched = [((t.block, t.index), dumps(L.tx_row(t))) for t in txs]
        enriched += [((b, i), line) for b, i, line in bad if lo <= b <= hi]
        enriched.sort(key=lambda x: x[0])
        write_lines(os.path.join(out, "transactions", pdir, "transactions_%s.json" % suffix), plain)
        write_lines(os.path.join(out, "transactions", pdir, "enriched_transactions_%s.json" % suffix),
                    [line for _, line in enriched])
    return len(bad)


def write_litecoin(L, out):
    """Flat folder: blocks.json, enriched_transactions_A_B.json with its not-enriched twin transactions_A_B.json
    (not read), and a later partition transactions_C_D.json that was never enriched (read)."""
    early = [t for t in L.txs if t.block < L.late_from]
    late = [t for t in L.txs if t.block >= L.late_from]
    lo, mid, hi = 1890000, L.late_from, 1915000
    write_lines(os.path.join(out, "blocks.json"), [dumps(L.block_row(b)) for b in sorted(L.by_block)])
    write_lines(os.path.join(out, "transactions_%08d_%08d.json" % (lo, mid - 1)), [dumps(L.tx_row(t, enrich=False)) for t in early])
    write_lines(os.path.join(out, "enriched_transactions_%08d_%08d.json" % (lo, mid - 1)), [dumps(L.tx_row(t)) for t in early])
    write_lines(os.path.join(out, "transactions_%08d_%08d.json" % (mid, hi)), [dumps(L.tx_row(t, enrich=False)) for t in late])


def bq(value):
    """BigQuery's JSON export: INT64 and NUMERIC as strings, TIMESTAMP as 'YYYY-MM-DD HH:MM:SS UTC'."""
    return None if value is None else str(value)


def write_dash(L, out):
    """BigQuery-style export (bigquery-public-data.crypto_dash.transactions, exported as newline-delimited JSON,
    gzip): numbers as strings, block_timestamp as 'YYYY-MM-DD HH:MM:SS UTC', block_timestamp_month, no index, no
    blocks file; BigQuery's export order is not block order (the blocks come shuffled; within a block the order
    is kept: it is the position)."""
    rows_by_block = {}
    for t in L.txs:
        r = L.tx_row(t, index_null=True)
        ts = datetime.fromtimestamp(r["block_timestamp"], tz=timezone.utc)
        b = {"hash": r["hash"], "size": bq(r["size"]), "virtual_size": bq(r["virtual_size"]), "version": bq(r["version"]),
             "lock_time": bq(r["lock_time"]), "block_hash": r["block_hash"], "block_number": bq(r["block_number"]),
             "block_timestamp": ts.strftime("%Y-%m-%d %H:%M:%S UTC"), "block_timestamp_month": ts.strftime("%Y-%m-01"),
             "input_count": bq(r["input_count"]), "output_count": bq(r["output_count"]),
             "input_value": bq(r["input_value"]), "output_value": bq(r["output_value"]),
             "is_coinbase": r["is_coinbase"], "fee": bq(r["fee"]), "inputs": [], "outputs": []}
        for i in r["inputs"]:
            b["inputs"].append({k: (bq(v) if k in ("index", "spent_output_index", "sequence", "required_signatures", "value") else v)
                                for k, v in i.items() if v is not None})
        for o in r["outputs"]:
            b["outputs"].append({k: (bq(v) if k in ("index", "required_signatures", "value") else v)
                                 for k, v in o.items() if v is not None})
        rows_by_block.setdefault(t.block, []).append(json.dumps(b, separators=(",", ":")))
    order = sorted(rows_by_block)
    random.Random("fundtrace-utxo-sample:dash:bq-order").shuffle(order)
    lines = [line for blk in order for line in rows_by_block[blk]]
    half = len(order) // 2
    first = [line for blk in order[:half] for line in rows_by_block[blk]]
    second = [line for blk in order[half:] for line in rows_by_block[blk]]
    write_gz(os.path.join(out, "transactions-000000000000.json.gz"), first)
    write_gz(os.path.join(out, "transactions-000000000001.json.gz"), second)
    return len(lines)


def write_zcash(L, out):
    write_lines(os.path.join(out, "blocks.json"), [dumps(L.block_row(b)) for b in sorted(L.by_block)])
    write_lines(os.path.join(out, "enriched_transactions.json"), [dumps(L.tx_row(t)) for t in L.txs])


def write_bitcoinsv(L, out):
    """bitcoin-etl `stream` output (exported with --chain bitcoin_cash: index null): one file, blocks and
    transactions each with `type` and `item_id`, a block's row before its transactions."""
    lines = []
    by_block = {}
    for t in L.txs:
        by_block.setdefault(t.block, []).append(t)
    for b in sorted(by_block):
        br = dict({"type": "block"}, **L.block_row(b))
        br["item_id"] = "block_" + br["hash"]
        lines.append(dumps(br))
        for t in by_block[b]:
            r = dict({"type": "transaction"}, **L.tx_row(t, index_null=True))
            r["item_id"] = "transaction_" + r["hash"]
            lines.append(dumps(r))
        if b == sorted(by_block)[len(by_block) // 2]:
            lines.append("")  # an empty line: ignored
    write_lines(os.path.join(out, "stream_00648000_00656000.json"), lines)


def main(argv):
    base = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    import shutil
    for chain, build, write in (("bitcoin", build_bitcoin, write_bitcoin), ("litecoin", build_litecoin, write_litecoin),
                                ("dash", build_dash, write_dash), ("zcash", build_zcash, write_zcash),
                                ("bitcoinsv", build_bitcoinsv, write_bitcoinsv)):
        L = build()
        L.finish()
        out = os.path.join(base, chain)
        if os.path.isdir(out):
            shutil.rmtree(out)
        extra = write(L, out)
        print("%s: %d transactions in %d blocks%s" % (chain, len(L.txs), len(L.by_block),
                                                       ", %d bad rows" % extra if chain == "bitcoin" else ""),
              file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
