#!/usr/bin/env python3
"""Independent reference implementation of shared/spec/utxo.md (UTXO chains: ledger, tracing, clustering, flags).

It reads bitcoin-etl exports (one folder per chain, exactly as utxo.md "Input" says), and computes per chain:
forward poison reach with the exact integer haircut, backward funding sources, evidence, flow paths,
multi-input clusters with the CoinJoin rule, and the flags of utxo.md's table.  Python 3 standard library
only; every amount is a Python int (exact).  It is meant to be read: no shortcuts, no performance tricks.
It shares no code with fundtrace or with make_utxo_sample.py.

    python3 reference_utxo_trace.py --chain bitcoin=DIR [--chain litecoin=DIR ...] --labels LABELS_CSV
        --seeds-file SEEDS_CSV | --seeds chain:addr,chain:addr,...   [--sanctioned chain:addr,...]
        [--max-hops 4] [--dust BTC=0,...] [--indirect-min BTC=0.02,...] [--rapid-window PT1H]
        [--structuring-threshold BTC=1,...] [--structuring-window P1D] [--structuring-min 3]
        [--max-rejected-share 0.01] --out DIR

Writes DIR/utxo-exposures.csv, DIR/utxo-flags.csv, DIR/utxo-clusters.csv, DIR/utxo-flows.csv,
DIR/utxo-coverage.csv and DIR/utxo-rejected.csv.

Choices this file makes where utxo.md leaves room (listed in sample-data/README.md):
  * an input's stated addresses are compared with the loaded output only when the list is not empty (a
    not-enriched bitcoin-etl input writes addresses [] and value null: it states nothing);
  * input_value, output_value and fee are not read at all (never trusted, so not validated either);
  * a block's "file order" positions count that block's rows that parsed as transactions, in file order;
  * STRUCTURING: a transaction's distinct input holders are its payers; each output to another holder is one
    transfer of each payer; candidates are the seeds and the forward-reached unlabelled addresses;
  * a PEEL_CHAIN's fresh-address test looks at the coins in the export only (outputs of accepted rows).
"""

import argparse
import csv
import gzip
import hashlib
import json
import os
import re
import sys
from collections import defaultdict
from datetime import datetime, timezone
from decimal import Decimal
from fractions import Fraction

CHAINS = {
    # id: (asset, p2pkh/p2sh versions, segwit hrp)
    "bitcoin": ("BTC", {b"\x00": "p2pkh", b"\x05": "p2sh"}, "bc"),
    "litecoin": ("LTC", {b"\x30": "p2pkh", b"\x32": "p2sh", b"\x05": "p2sh"}, "ltc"),
    "dash": ("DASH", {b"\x4c": "p2pkh", b"\x10": "p2sh"}, None),
    "zcash": ("ZEC", {b"\x1c\xb8": "p2pkh", b"\x1c\xbd": "p2sh"}, None),
    "bitcoinsv": ("BSV", {b"\x00": "p2pkh", b"\x05": "p2sh"}, None),
    "bitcoincash": ("BCH", {b"\x00": "p2pkh", b"\x05": "p2sh"}, None),
    "dogecoin": ("DOGE", {b"\x1e": "p2pkh", b"\x16": "p2sh"}, None),
}
DECIMALS = 8
SEVERITY = {"DIRECT_COUNTERPARTY": "HIGH", "SANCTIONED_COUNTERPARTY": "HIGH", "MIXER": "HIGH",
            "COINJOIN_INTERACTION": "HIGH", "EXCHANGE_CASH_OUT": "HIGH", "EXCHANGE_FUNDING": "MEDIUM",
            "INDIRECT_EXPOSURE": "MEDIUM", "RAPID_PASS_THROUGH": "MEDIUM", "PEEL_CHAIN": "LOW", "STRUCTURING": "LOW"}


# ================================================================ address forms
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def base58check_decode(text):
    """Return the decoded bytes without the checksum, or None when it is not valid Base58Check."""
    if not text or any(c not in ALPHABET for c in text):
        return None
    number = 0
    for c in text:
        number = number * 58 + ALPHABET.index(c)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    body = b"\x00" * (len(text) - len(text.lstrip("1"))) + body
    if len(body) < 5:
        return None
    data, check = body[:-4], body[-4:]
    if hashlib.sha256(hashlib.sha256(data).digest()).digest()[:4] != check:
        return None
    return data


def base58check_encode(data):
    data = data + hashlib.sha256(hashlib.sha256(data).digest()).digest()[:4]
    number = int.from_bytes(data, "big")
    out = ""
    while number > 0:
        number, rem = divmod(number, 58)
        out = ALPHABET[rem] + out
    pad = 0
    for byte in data:
        if byte != 0:
            break
        pad += 1
    return "1" * pad + out


def _bits(values, frombits, tobits):
    acc = bits = 0
    out = []
    for v in values:
        acc = (acc << frombits) | v
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & ((1 << tobits) - 1))
    if bits >= frombits or (acc << (tobits - bits)) & ((1 << tobits) - 1):
        return None  # padding must be zero and shorter than one group
    return out


def cashaddr_to_legacy(text):
    """bitcoincash:q... / q... -> legacy Base58 (version 00 P2PKH, 05 P2SH); None if not a valid cashaddr."""
    low = text.lower()
    if text != low and text != text.upper():
        return None
    prefix, _, payload = low.rpartition(":")
    if not prefix:
        prefix = "bitcoincash"
    if prefix != "bitcoincash" or not payload or any(c not in CHARSET for c in payload):
        return None
    values = [CHARSET.index(c) for c in payload]
    generators = [0x98f2bc8e61, 0x79b76d99e2, 0xf33e5fb3c4, 0xae2eabe2a8, 0x1e4f43e470]
    checksum = 1
    for d in [ord(c) & 0x1f for c in prefix] + [0] + values:
        top = checksum >> 35
        checksum = ((checksum & 0x07ffffffff) << 5) ^ d
        for i in range(5):
            if (top >> i) & 1:
                checksum ^= generators[i]
    if checksum ^ 1 != 0:
        return None
    raw = _bits(values[:-8], 5, 8)
    if raw is None or len(raw) != 21:
        return None
    kind = raw[0] >> 3
    if kind not in (0, 1):
        return None
    return base58check_encode(bytes([0x00 if kind == 0 else 0x05]) + bytes(raw[1:]))


def canonical(chain, address):
    """utxo.md "Canonical address form" (ledger addresses: no validation beyond the form)."""
    if chain == "bitcoinsv" and (address.lower().startswith("bitcoincash:") or address[:1] in "qpQP"):
        legacy = cashaddr_to_legacy(address)
        if legacy is not None:
            return legacy
    hrp = CHAINS[chain][2]
    if hrp and address.lower().startswith(hrp + "1"):
        return address.lower()
    return address


def holder_of(chain, addresses):
    """Exactly one entry that does not start with 'nonstandard' -> that entry in canonical form; else None."""
    if isinstance(addresses, list) and len(addresses) == 1 and isinstance(addresses[0], str) \
            and not addresses[0].startswith("nonstandard"):
        return canonical(chain, addresses[0])
    return None


# ================================================================ reading the folder
class BadRow(Exception):
    pass


def number(value, what, required=False):
    """A JSON integer or a string of ASCII digits; None when absent/null (BadRow if required)."""
    if value is None:
        if required:
            raise BadRow("%s is missing" % what)
        return None
    if isinstance(value, bool):
        raise BadRow("%s is not an integer: %s" % (what, json.dumps(value)))
    if isinstance(value, int):
        if value < 0:
            raise BadRow("%s is negative: %d" % (what, value))
        return value
    if isinstance(value, str) and value != "" and all("0" <= c <= "9" for c in value):
        return int(value)
    raise BadRow("%s is not a non-negative integer: %s" % (what, json.dumps(value)))


def boolean(value, what):
    if value is None:
        return None
    if value is True or value == "true":
        return True
    if value is False or value == "false":
        return False
    raise BadRow("%s is not a boolean: %s" % (what, json.dumps(value)))


TS = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})? UTC$")


def timestamp(value, what):
    if value is None:
        return None
    if isinstance(value, str) and TS.match(value):
        m = TS.match(value)
        try:
            dt = datetime(*(int(x) for x in m.groups()[:6]), tzinfo=timezone.utc)
        except ValueError:
            raise BadRow("%s is not a date: %s" % (what, value))
        return int(dt.timestamp())
    return number(value, what)


HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")


class Row:
    pass


def parse_block(obj):
    r = Row()
    r.number = number(obj.get("number"), "number", required=True)
    if obj.get("hash") is not None and not isinstance(obj.get("hash"), str):
        raise BadRow("hash is not a string")
    r.timestamp = number(obj.get("timestamp"), "timestamp")
    number(obj.get("transaction_count"), "transaction_count")
    return r


def parse_transaction(chain, obj):
    t = Row()
    h = obj.get("hash")
    if h is None:
        raise BadRow("hash is missing")
    if not isinstance(h, str) or not HEX64.match(h):
        raise BadRow("hash is not 64 hex digits")
    t.txid = h.lower()
    t.block = number(obj.get("block_number"), "block_number", required=True)
    t.time = timestamp(obj.get("block_timestamp"), "block_timestamp")
    t.index = number(obj.get("index"), "index")
    cb = boolean(obj.get("is_coinbase"), "is_coinbase")
    t.coinbase = bool(cb)
    inputs, outputs = obj.get("inputs"), obj.get("outputs")
    if not isinstance(inputs, list):
        raise BadRow("inputs is missing or not an array")
    if not isinstance(outputs, list):
        raise BadRow("outputs is missing or not an array")
    ic = number(obj.get("input_count"), "input_count")
    oc = number(obj.get("output_count"), "output_count")
    if ic is not None and ic != len(inputs):
        raise BadRow("input_count %d disagrees with the %d inputs" % (ic, len(inputs)))
    if oc is not None and oc != len(outputs):
        raise BadRow("output_count %d disagrees with the %d outputs" % (oc, len(outputs)))
    t.outputs = []
    t.out_addresses = []
    for k, o in enumerate(outputs):
        if not isinstance(o, dict):
            raise BadRow("output %d is not an object" % k)
        idx = number(o.get("index"), "output %d index" % k, required=True)
        if idx != k:
            raise BadRow("output indexes are not 0..n-1 in order (found %d at position %d)" % (idx, k))
        value = number(o.get("value"), "output %d value" % k, required=True)
        addrs = o.get("addresses")
        if addrs is not None and (not isinstance(addrs, list) or any(not isinstance(x, str) for x in addrs)):
            raise BadRow("output %d addresses is not an array of strings" % k)
        number(o.get("required_signatures"), "output %d required_signatures" % k)
        for f in ("type", "script_hex"):
            if o.get(f) is not None and not isinstance(o.get(f), str):
                raise BadRow("output %d %s is not a string" % (k, f))
        t.outputs.append((value, holder_of(chain, addrs or [])))
        t.out_addresses.append([canonical(chain, a) for a in (addrs or [])])
    t.inputs = []
    for k, i in enumerate(inputs):
        if not isinstance(i, dict):
            raise BadRow("input %d is not an object" % k)
        sh = i.get("spent_transaction_hash")
        so = i.get("spent_output_index")
        value = number(i.get("value"), "input %d value" % k)
        addrs = i.get("addresses")
        if addrs is not None and (not isinstance(addrs, list) or any(not isinstance(x, str) for x in addrs)):
            raise BadRow("input %d addresses is not an array of strings" % k)
        if i.get("type") is not None and not isinstance(i.get("type"), str):
            raise BadRow("input %d type is not a string" % k)
        if sh is None and so is None:
            if i.get("type") != "shielded":
                raise BadRow("input %d has no outpoint and is not shielded" % k)
            if value is None:
                raise BadRow("shielded input %d states no value" % k)
            t.inputs.append({"outpoint": None, "value": value, "addresses": [], "shielded": True})
            continue
        if not isinstance(sh, str) or not HEX64.match(sh):
            raise BadRow("input %d spent_transaction_hash is not 64 hex digits" % k)
        so = number(so, "input %d spent_output_index" % k, required=True)
        t.inputs.append({"outpoint": (sh.lower(), so), "value": value,
                         "addresses": [canonical(chain, a) for a in (addrs or [])],
                         "holder": holder_of(chain, addrs or []), "shielded": False})
    if t.coinbase and t.inputs:
        raise BadRow("a coinbase transaction has inputs")
    if not t.coinbase and not t.inputs:
        raise BadRow("a transaction that is not a coinbase has no inputs")
    return t


def chain_files(folder):
    """(relative path, kind) in byte order of the relative paths; kind is blocks/transactions/typed."""
    found = []
    for root, _, names in os.walk(folder):
        for n in names:
            found.append(os.path.relpath(os.path.join(root, n), folder).replace(os.sep, "/"))
    found.sort(key=lambda p: p.encode("utf-8"))
    present = set(found)
    result = []
    for rel in found:
        name = rel.rsplit("/", 1)[-1]
        base = name[:-3] if name.endswith(".json.gz") else name
        if not base.endswith(".json"):
            continue
        if base.startswith("blocks"):
            result.append((rel, "blocks"))
        elif base.startswith("transactions") or base.startswith("enriched_transactions"):
            if base.startswith("transactions"):
                d = rel[: len(rel) - len(name)]
                if d + "enriched_" + name in present:
                    continue  # the enriched twin beside it is read instead
            result.append((rel, "transactions"))
        else:
            result.append((rel, "typed"))
    return result


def read_lines(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as f:
            data = f.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    return data.decode("utf-8", errors="replace").split("\n")


class Chain:
    def __init__(self, cid):
        self.id = cid
        self.asset = CHAINS[cid][0]
        self.txs = []            # accepted transactions in order (block, position)
        self.by_txid = {}        # txid -> accepted tx (the latest one with that txid; BIP30)
        self.blocks = {}         # block number -> timestamp (blocks files)
        self.rejected = []       # (file, line, reason)
        self.rows = 0


def load_chain(cid, folder):
    ch = Chain(cid)
    parsed = []  # transactions that passed the row checks, in file order
    for rel, kind in chain_files(folder):
        for ln, line in enumerate(read_lines(os.path.join(folder, rel)), start=1):
            if line.strip() == "":
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                if kind == "typed":
                    continue
                ch.rows += 1
                ch.rejected.append((rel, ln, "the line is not valid JSON"))
                continue
            typ = obj.get("type") if isinstance(obj, dict) else None
            if kind == "typed" and typ is None:
                continue
            ch.rows += 1
            try:
                if not isinstance(obj, dict):
                    raise BadRow("the line is not a JSON object")
                if typ is not None and typ not in ("block", "transaction"):
                    raise BadRow("type is neither block nor transaction: %s" % json.dumps(typ))
                if kind == "blocks" and typ not in (None, "block"):
                    raise BadRow("a %s row in a blocks file" % typ)
                if kind == "transactions" and typ not in (None, "transaction"):
                    raise BadRow("a %s row in a transactions file" % typ)
                is_block = kind == "blocks" or typ == "block"
                if is_block:
                    b = parse_block(obj)
                    ch.blocks.setdefault(b.number, b.timestamp)
                else:
                    t = parse_transaction(cid, obj)
                    t.file, t.line = rel, ln
                    parsed.append(t)
            except BadRow as e:
                ch.rejected.append((rel, ln, str(e)))

    # positions: index, or the 0-based file order of the block's rows when any of them has no index
    per_block = defaultdict(list)
    for t in parsed:
        per_block[t.block].append(t)
    for b, ts in per_block.items():
        if any(t.index is None for t in ts):
            for k, t in enumerate(ts):
                t.pos = k
        else:
            for t in ts:
                t.pos = t.index
    # the same txid twice in one block: the second row (file order) is refused
    candidates = []
    seen = set()
    for t in parsed:
        if (t.block, t.txid) in seen:
            ch.rejected.append((t.file, t.line, "the same txid appears twice in block %d" % t.block))
            continue
        seen.add((t.block, t.txid))
        candidates.append(t)
    candidates.sort(key=lambda t: (t.block, t.pos))

    # accept in order; a transaction spending an output of a later row of the same block waits for that row
    same_block = defaultdict(dict)
    for t in candidates:
        same_block[t.block][t.txid] = t
    state = {}      # id(t) -> "doing"/"done"
    loaded = {}     # txid -> list of accepted txs with it (BIP30: several blocks)
    spent_by = {}   # (txid, vout) of a loaded coin -> the accepted tx spending it

    def parent_of(op, t):
        """The accepted tx whose output op spends, as seen from t: the latest one in an earlier-or-same block."""
        options = [p for p in loaded.get(op[0], []) if p.block <= t.block]
        return options[-1] if options else None

    def check(t):
        known_in = 0
        all_known = True
        resolved = []
        ops = [i["outpoint"] for i in t.inputs if i["outpoint"] is not None]
        if len(set(ops)) != len(ops):
            raise BadRow("the transaction spends the same coin twice")
        for k, i in enumerate(t.inputs):
            if i["shielded"]:
                resolved.append({"coin": None, "value": i["value"], "holder": None, "shielded": True})
                known_in += i["value"]
                continue
            op = i["outpoint"]
            p = parent_of(op, t)
            if p is None and op[0] in loaded:
                raise BadRow("input %d spends a coin created in a later block" % k)
            if p is not None:
                if op[1] >= len(p.outputs):
                    raise BadRow("input %d spends output %d of %s, which has only %d outputs"
                                 % (k, op[1], op[0], len(p.outputs)))
                key = (id(p), op[1])
                if key in spent_by:
                    raise BadRow("input %d spends %s:%d, already spent by %s" % (k, op[0], op[1], spent_by[key].txid))
                value, holder = p.outputs[op[1]]
                if i["value"] is not None and i["value"] != value:
                    raise BadRow("input %d states value %d but %s:%d holds %d" % (k, i["value"], op[0], op[1], value))
                if i["addresses"]:
                    stated = [canonical(ch.id, a) for a in i["addresses"]]
                    want = p.out_addresses[op[1]]
                    if stated != want:
                        raise BadRow("input %d states addresses that disagree with %s:%d" % (k, op[0], op[1]))
                resolved.append({"coin": ("loaded", id(p), op[1]), "value": value, "holder": holder,
                                 "parent": p, "vout": op[1], "shielded": False})
                known_in += value
            else:
                # from before the export: the input's own enrichment, or unresolved
                if ("outside", op) in spent_by:
                    raise BadRow("input %d spends %s:%d, already spent by %s"
                                 % (k, op[0], op[1], spent_by[("outside", op)].txid))
                resolved.append({"coin": ("outside", op), "value": i["value"], "holder": i["holder"],
                                 "parent": None, "vout": op[1], "op": op, "shielded": False})
                if i["value"] is None:
                    all_known = False
                else:
                    known_in += i["value"]
        out_total = sum(v for v, _ in t.outputs)
        if not t.coinbase and all_known and out_total > known_in:
            raise BadRow("the outputs (%d) exceed the inputs (%d)" % (out_total, known_in))
        return resolved, known_in, all_known

    def visit(t):
        if state.get(id(t)) is not None:
            return
        state[id(t)] = "doing"
        for i in t.inputs:
            if i["outpoint"] is not None:
                p = same_block[t.block].get(i["outpoint"][0])
                if p is not None and p is not t and state.get(id(p)) is None:
                    visit(p)
        try:
            resolved, known_in, all_known = check(t)
        except BadRow as e:
            ch.rejected.append((t.file, t.line, str(e)))
            state[id(t)] = "refused"
            return
        t.resolved, t.known_in, t.all_known = resolved, known_in, all_known
        for r in resolved:
            if r["coin"] is not None and r["coin"][0] == "loaded":
                spent_by[(r["coin"][1], r["coin"][2])] = t
            elif r["coin"] is not None:
                spent_by[r["coin"]] = t
        state[id(t)] = "done"
        loaded.setdefault(t.txid, []).append(t)
        loaded[t.txid].sort(key=lambda x: x.block)

    for t in candidates:
        visit(t)
    ch.rejected.sort(key=lambda r: (r[0].encode(), r[1]))
    ch.txs = [t for t in candidates if state.get(id(t)) == "done"]
    ch.txs.sort(key=lambda t: (t.block, t.pos))
    for t in ch.txs:
        ch.by_txid[t.txid] = t
        if t.time is None:
            t.time = ch.blocks.get(t.block)
    ch.spent_by = spent_by
    return ch


# ================================================================ coins
class Coin:
    """A coin: an output of a loaded transaction, or one from before the export seen through an input."""
    def __init__(self, key, value, holder, tx, vout):
        self.key, self.value, self.holder, self.tx, self.vout = key, value, holder, tx, vout
        self.outpoint = "%s:%d" % (tx.txid if tx is not None else key[1][0], vout)
        self.seed = False
        self.hop = None          # forward hop of a tainted coin (0 for a seed coin)
        self.taint = 0
        self.spender = None      # (tx, input index)

    def created_order(self):
        return (self.tx.block, self.tx.pos, self.vout) if self.tx is not None else None


def build_coins(ch, seeds):
    coins = {}
    for t in ch.txs:
        t.out_coins = []
        for k, (v, holder) in enumerate(t.outputs):
            c = Coin(("loaded", id(t), k), v, holder, t, k)
            coins[c.key] = c
            t.out_coins.append(c)
    for t in ch.txs:
        t.in_coins = []
        for k, r in enumerate(t.resolved):
            if r["coin"] is None:
                t.in_coins.append(None)  # shielded
                continue
            c = coins.get(r["coin"])
            if c is None:
                c = Coin(r["coin"], r["value"], r["holder"], None, r["vout"])
                coins[c.key] = c
            c.spender = (t, k)
            t.in_coins.append(c)
    for c in coins.values():
        if c.holder is not None and c.holder in seeds:
            c.seed = True
            c.hop = 0
            c.taint = c.value if c.value is not None else 0
    return coins


def topo(ch):
    """Accepted transactions in an order where every loaded parent comes first (order, then same-block parents)."""
    done, out = set(), []

    def go(t):
        if id(t) in done:
            return
        done.add(id(t))
        for c in t.in_coins:
            if c is not None and c.tx is not None and c.tx.block == t.block:
                go(c.tx)
        out.append(t)
    for t in ch.txs:
        go(t)
    return out


# ================================================================ forward
def forward(ch, coins, seeds, services, max_hops, dust):
    acct = {"returned": 0, "fees": 0, "horizon": 0}
    for t in topo(ch):
        t.passing = []
        t.h = None
        for c in t.in_coins:
            if c is None:
                continue
            if c.seed or (c.hop is not None and c.holder not in services):
                t.passing.append(c)
        if not t.passing or t.coinbase:
            continue
        t.h = 1 + min(c.hop for c in t.passing)
        TT = sum(c.taint for c in t.passing)
        if t.h > max_hops:
            acct["horizon"] += TT
            continue
        known = sum(c.value for c in t.in_coins if c is not None and c.value is not None) \
            + sum(r["value"] for r in t.resolved if r["coin"] is None)
        outs = sum(c.value for c in t.out_coins)
        D = max(known, outs)
        shares = 0
        for c in t.out_coins:
            share = TT * c.value // D if (TT and D) else 0
            shares += share
            if c.seed:
                acct["returned"] += share
            elif c.value < dust:
                acct["horizon"] += share
            else:
                c.hop = t.h
                c.taint = share
        acct["fees"] += TT - shares
    for c in coins.values():
        c.tainted = (not c.seed) and c.hop is not None
    return acct


def reached(coins, seeds):
    by = defaultdict(list)
    for c in coins.values():
        if c.tainted and c.holder is not None and c.holder not in seeds:
            by[c.holder].append(c)
    result = {}
    for a, cs in by.items():
        rep = min(cs, key=lambda c: (c.hop, c.created_order()))
        result[a] = (min(c.hop for c in cs), sum(c.taint for c in cs), rep)
    return result


def flow_path(coin):
    steps = []
    c = coin
    while not c.seed:
        t = c.tx
        best = min(t.passing, key=lambda p: (p.hop, (0,) + p.created_order() if p.tx is not None
                                             else (1, t.in_coins.index(p))))
        steps.append({"txHash": t.txid, "blockNumber": t.block, "position": t.pos, "time": t.time,
                      "spent": best.outpoint, "from": best.holder, "outpoint": c.outpoint, "to": c.holder,
                      "amountRaw": c.value, "taintRaw": c.taint})
        c = best
    steps.reverse()
    return c.holder, steps


# ================================================================ backward
def backward(ch, coins, seeds, services, max_hops):
    hop = {}
    frontier = []
    for t in ch.txs:
        if any(c.seed for c in t.out_coins):
            for c in t.in_coins:
                if c is not None and not c.seed and (c.key not in hop):
                    hop[c.key] = 1
                    frontier.append(c)
    h = 1
    while frontier and h < max_hops:
        nxt = []
        for c in frontier:
            if c.holder is not None and c.holder in services:
                continue
            if c.tx is None or c.tx.coinbase:
                continue
            for p in c.tx.in_coins:
                if p is not None and not p.seed and p.key not in hop:
                    hop[p.key] = h + 1
                    nxt.append(p)
        frontier = nxt
        h += 1
    by = defaultdict(list)
    for key, hh in hop.items():
        c = coins[key]
        if c.holder is not None and c.holder not in seeds:
            by[c.holder].append((hh, c))
    result = {}
    for a, items in by.items():
        def spent_order(item):
            t, k = item[1].spender
            return (item[0], t.block, t.pos, k)
        rep = min(items, key=spent_order)[1]
        result[a] = (min(hh for hh, _ in items), sum(c.value for _, c in items if c.value is not None), rep)
    return result


# ================================================================ clustering
def coinjoin_shaped(t):
    n_in, n_out = len(t.inputs), len(t.outputs)
    p = (n_out + 1) // 2
    holders = {c.holder for c in t.in_coins if c is not None and c.holder is not None}
    if n_in < 2 or n_out < 3 or p > n_in or p > len(holders):
        return False
    count = defaultdict(int)
    for v, _ in t.outputs:
        count[v] += 1
    top = max(count.values())
    value = min(v for v, n in count.items() if n == top)
    return top == p and value not in (546, 2730)


def clusters(ch, seeds):
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links = []  # (txid, holders)
    coinjoins = []
    for t in ch.txs:
        if t.coinbase:
            continue
        holders = sorted({c.holder for c in t.in_coins if c is not None and c.holder is not None})
        if coinjoin_shaped(t):
            coinjoins.append((t.txid, holders))
            continue
        for h in holders:
            find(h)
        for h in holders[1:]:
            parent[find(h)] = find(holders[0])
        if len(holders) >= 2:
            links.append((t.txid, holders))
    for s in seeds:
        find(s)
    members = defaultdict(set)
    for a in list(parent):
        members[find(a)].add(a)
    out = []
    for root, ms in members.items():
        ss = sorted(m for m in ms if m in seeds)
        if not ss:
            continue
        ev = sorted({txid for txid, hs in links if sum(1 for h in hs if h in ms) >= 2})
        ex = sorted({txid for txid, hs in coinjoins if any(h in ms for h in hs)})
        out.append((ch.id, ss, sorted(ms, key=lambda a: a.encode()), ev, ex))
    out.sort(key=lambda c: (c[0], c[1]))
    return out


# ================================================================ flags
def peel_chains(ch, coins, seeds):
    first_coin = {}
    for t in ch.txs:  # ch.txs is in (block, position) order; vout order inside
        for c in t.out_coins:
            if c.holder is not None and c.holder not in first_coin:
                first_coin[c.holder] = c
    step_of = {}  # txid -> (change coin)
    for t in ch.txs:
        if t.h is None or len(t.in_coins) != 1 or len(t.out_coins) != 2:
            continue
        a, b = t.out_coins
        if a.holder is None or b.holder is None or a.value == b.value:
            continue
        small, large = (a, b) if a.value < b.value else (b, a)
        if 10 * small.value > small.value + large.value:
            continue
        if first_coin.get(large.holder) is not large:
            continue
        step_of[t.txid] = large
    chains = []
    for txid, change in step_of.items():
        t = ch.by_txid[txid]
        prev = t.in_coins[0]
        if prev.tx is not None and prev.tx.txid in step_of and step_of[prev.tx.txid] is prev:
            continue  # not the first step
        run = [txid]
        cur = change
        while cur.spender is not None and cur.spender[0].txid in step_of:
            run.append(cur.spender[0].txid)
            cur = step_of[cur.spender[0].txid]
        if len(run) >= 3:
            chains.append((change.holder, run))
    return chains


def flags_for(ch, coins, seeds, sanctioned, labels, fwd, bwd, p):
    flags = {}
    services = set(labels)

    def flag(rule, address, evidence=()):
        key = (rule, ch.id, ch.asset, address)
        flags.setdefault(key, set()).update(evidence)

    for a, (h, amount, rep) in fwd.items():
        if h == 1:
            flag("DIRECT_COUNTERPARTY", a)
    for a, (h, amount, rep) in bwd.items():
        if h == 1:
            flag("DIRECT_COUNTERPARTY", a)
    for a in set(fwd) | set(bwd):
        if a in sanctioned and a not in seeds:
            flag("SANCTIONED_COUNTERPARTY", a)
    for a, (h, amount, rep) in fwd.items():
        cat = labels.get(a, (None, None))[1]
        if cat == "mixer":
            flag("MIXER", a)
        if cat == "exchange":
            flag("EXCHANGE_CASH_OUT", a)
        if a not in services and h >= 2 and amount > 0 and ch.asset in p["indirect"] and amount >= p["indirect"][ch.asset]:
            flag("INDIRECT_EXPOSURE", a)
    for a, (h, amount, rep) in bwd.items():
        if labels.get(a, (None, None))[1] == "exchange":
            flag("EXCHANGE_FUNDING", a)
    for t in ch.txs:
        if t.h is not None and t.h <= p["max_hops"] and coinjoin_shaped(t):
            for c in t.passing:
                if c.holder is not None:
                    flag("COINJOIN_INTERACTION", c.holder, [t.txid])
    for c in coins.values():
        if not c.tainted or c.holder is None or c.holder in services or c.spender is None or c.tx is None:
            continue
        t = c.spender[0]
        if t.time is None or c.tx.time is None or t.time - c.tx.time > p["rapid"]:
            continue
        away = sum(o.value for o in t.out_coins if o.holder is not None and o.holder != c.holder)
        if 10 * away >= 9 * c.value:
            flag("RAPID_PASS_THROUGH", c.holder, [t.txid])
    for holder, run in peel_chains(ch, coins, seeds):
        flag("PEEL_CHAIN", holder, run)
    if ch.asset in p["struct"]:
        thr = p["struct"][ch.asset]
        low = thr * Fraction(9, 10)
        sends = defaultdict(list)
        for t in ch.txs:
            payers = {c.holder for c in t.in_coins if c is not None and c.holder is not None}
            for a in payers:
                for o in t.out_coins:
                    if o.holder is not None and o.holder != a:
                        sends[a].append((t.time, o.value, t.txid))
        candidates = set(seeds) | {a for a in fwd if a not in services}
        for a in candidates:
            times = sorted(tm for tm, v, _ in sends.get(a, []) if low <= v < thr and tm is not None)
            for i in range(len(times)):
                j = i
                while j < len(times) and times[j] - times[i] <= p["struct_window"]:
                    j += 1
                if j - i >= p["struct_min"]:
                    flag("STRUCTURING", a)
                    break
    return flags


# ================================================================ main
def parse_duration(text):
    m = re.fullmatch(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", text.strip().upper())
    if not m or text.strip().upper() in ("P", "PT"):
        raise ValueError("not an ISO-8601 duration this tool reads: %s" % text)
    d, h, mi, s = (int(x) if x else 0 for x in m.groups())
    return ((d * 24 + h) * 60 + mi) * 60 + s


def asset_map(text):
    result = {}
    for part in (text or "").split(","):
        if part.strip():
            k, v = part.split("=")
            result[k.strip().upper()] = Fraction(Decimal(v.strip())) * 10 ** DECIMALS
    return result


def load_labels(path):
    labels = defaultdict(dict)
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            chain = (r.get("chain") or "").strip().lower()
            if chain in CHAINS:
                labels[chain][canonical(chain, r["address"].strip())] = (r["label"], r["category"].strip().lower())
    return labels


def seed_list(text):
    by = defaultdict(set)
    for part in (text or "").split(","):
        if part.strip():
            chain, addr = part.strip().split(":", 1)
            by[chain].add(canonical(chain, addr))
    return by


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chain", action="append", required=True, help="chain=DIR")
    ap.add_argument("--labels", required=True)
    ap.add_argument("--seeds", default="")
    ap.add_argument("--seeds-file", default=None, help="CSV with columns chain,address")
    ap.add_argument("--sanctioned", default="")
    ap.add_argument("--max-hops", type=int, default=4)
    ap.add_argument("--dust", default="")
    ap.add_argument("--indirect-min", default="")
    ap.add_argument("--rapid-window", default="PT1H")
    ap.add_argument("--structuring-threshold", default="")
    ap.add_argument("--structuring-window", default="P1D")
    ap.add_argument("--structuring-min", type=int, default=3)
    ap.add_argument("--max-rejected-share", type=Fraction, default=Fraction(1, 100))
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)

    seeds = seed_list(args.seeds)
    if args.seeds_file:
        with open(args.seeds_file, newline="") as f:
            for r in csv.DictReader(f):
                seeds[r["chain"]].add(canonical(r["chain"], r["address"]))
    sanctioned = seed_list(args.sanctioned)
    labels = load_labels(args.labels)
    p = {"max_hops": args.max_hops, "indirect": asset_map(args.indirect_min), "struct": asset_map(args.structuring_threshold),
         "rapid": parse_duration(args.rapid_window), "struct_window": parse_duration(args.structuring_window),
         "struct_min": args.structuring_min}
    dust = asset_map(args.dust)

    exposures, flags, cluster_rows, flows, coverage, rejected = [], {}, [], [], [], []
    for spec in args.chain:
        cid, folder = spec.split("=", 1)
        ch = load_chain(cid, folder)
        rejected += [(cid, f, ln, why) for f, ln, why in ch.rejected]
        if ch.rows and Fraction(len(ch.rejected), ch.rows) > args.max_rejected_share:
            sys.exit("%s: %d of %d rows refused, more than the allowed share: the load fails" % (cid, len(ch.rejected), ch.rows))
        s = seeds.get(cid, set())
        services = set(labels.get(cid, {}))
        coins = build_coins(ch, s)
        acct = forward(ch, coins, s, services, args.max_hops, dust.get(ch.asset, 0))
        fwd = reached(coins, s)
        bwd = backward(ch, coins, s, services, args.max_hops)
        for a, (h, amount, rep) in fwd.items():
            exposures.append(("forward", cid, ch.asset, a, h, str(amount), rep.outpoint))
            seed, steps = flow_path(rep)
            for k, st in enumerate(steps):
                flows.append((cid, a, seed, k, st["txHash"], st["blockNumber"], st["position"], st["spent"],
                              st["from"] or "", st["outpoint"], st["to"] or "", st["amountRaw"], st["taintRaw"]))
        for a, (h, amount, rep) in bwd.items():
            exposures.append(("backward", cid, ch.asset, a, h, str(amount), rep.outpoint))
        flags.update(flags_for(ch, coins, s, sanctioned.get(cid, set()), labels.get(cid, {}), fwd, bwd, p))
        cluster_rows += clusters(ch, s)
        nonc = [t for t in ch.txs if not t.coinbase]
        coverage.append((cid, min([t.block for t in ch.txs] + list(ch.blocks)), max([t.block for t in ch.txs] + list(ch.blocks)),
                         len(ch.blocks), len(ch.txs), sum(1 for t in ch.txs if t.coinbase),
                         sum(len(t.inputs) for t in ch.txs), sum(len(t.outputs) for t in ch.txs),
                         sum(1 for t in ch.txs for c in t.in_coins if c is not None and c.value is None),
                         sum(v for t in ch.txs for v, _ in t.outputs),
                         sum(t.known_in - sum(v for v, _ in t.outputs) for t in nonc if t.all_known),
                         acct["horizon"], acct["returned"], acct["fees"], ch.rows, len(ch.rejected)))
        print("%s: %d rows, %d refused, %d transactions; forward %d, backward %d; horizon %d, returned %d, fees %d"
              % (cid, ch.rows, len(ch.rejected), len(ch.txs), len(fwd), len(bwd), acct["horizon"], acct["returned"],
                 acct["fees"]), file=sys.stderr)

    os.makedirs(args.out, exist_ok=True)

    def write(name, header, rows):
        with open(os.path.join(args.out, name), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            for r in rows:
                w.writerow(r)

    key = lambda r: tuple(x.encode() if isinstance(x, str) else x for x in r)
    write("utxo-exposures.csv", ["direction", "chain", "asset", "address", "hops", "tainted_amount_raw", "evidence"],
          sorted(exposures, key=key))
    write("utxo-flags.csv", ["rule", "chain", "asset", "address", "severity"],
          sorted(((r, c, a, ad, SEVERITY[r]) for (r, c, a, ad) in flags), key=key))
    write("utxo-flag-evidence.csv", ["rule", "chain", "asset", "address", "evidence"],
          sorted(((r, c, a, ad, " ".join(sorted(ev))) for (r, c, a, ad), ev in flags.items() if ev), key=key))
    write("utxo-clusters.csv", ["chain", "seeds", "size", "addresses", "evidence", "excluded_coinjoins"],
          [(c, " ".join(ss), len(ms), " ".join(ms), " ".join(ev), " ".join(ex)) for c, ss, ms, ev, ex in cluster_rows])
    write("utxo-flows.csv", ["chain", "endpoint", "seed", "step", "tx_hash", "block_number", "position", "spent", "from",
                             "outpoint", "to", "amount_raw", "taint_raw"], sorted(flows, key=key))
    write("utxo-coverage.csv", ["chain", "from_block", "to_block", "blocks", "transactions", "coinbase_transactions", "inputs",
                                "outputs", "unresolved_inputs", "output_value_raw", "fees_raw", "taint_left_horizon_raw",
                                "taint_returned_to_seeds_raw", "taint_to_fees_raw", "rows", "refused_rows"], coverage)
    write("utxo-rejected.csv", ["chain", "file", "line", "reason"], sorted(rejected, key=key))
    print("%d exposures, %d flags, %d clusters -> %s" % (len(exposures), len(flags), len(cluster_rows), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
