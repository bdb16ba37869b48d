#!/usr/bin/env python3
"""Independent reference implementation of fundtrace's tracing contract.

It follows /shared/spec/tracing.md (forward reach, haircut taint, backward
reach) and the rule semantics listed in sample-data/README.md, over a folder in
ethereum-etl export layout.  Python 3 standard library only; taint is computed
in exact integers (Python ints), t = min(T, y * T // B), as the spec says.  It is meant to be read:
no shortcuts, no performance tricks.

    python3 reference_trace.py EXPORT_DIR LABELS_CSV --seeds a,b,c [--sanctioned x,y]
        [--max-hops 4] [--dust ETH=0] --out DIR
        [--indirect-min ETH=0.5,USDT=1000] [--rapid-window PT1H]
        [--structuring-threshold ETH=10,USDT=10000] [--structuring-window P1D]
        [--structuring-min 3] [--assume-success]

Writes DIR/exposures.csv and DIR/flags.csv.  Asset keys in the threshold
options are "ETH", a token symbol from tokens.csv, or a token address.

Choices this file makes where the spec leaves room (all documented in
sample-data/README.md):
  * internal traces count only when trace_type is call/create/create2/suicide,
    call_type is not delegatecall/callcode/staticcall (those do not move the
    caller's ETH), trace_address is non-empty, status is 1 and value > 0;
  * ERC-721 transfers (token without decimals in tokens.csv, or is_erc721 in
    contracts.csv) are not traced at all;
  * a flag's hops: forward hop for forward rules, backward hop for
    EXCHANGE_FUNDING, the smaller of the two for SANCTIONED_COUNTERPARTY,
    1 for DIRECT_COUNTERPARTY, 0 for STRUCTURING by a seed;
  * PEEL_CHAIN: see peel_chains() for what a step and a fresh address are;
    a chain is flagged once, at its first step, with that step's forward hop.
"""

import argparse
import csv
import os
import re
import sys
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction

NATIVE = "ETH"
CHAIN = "ethereum"
NON_MOVING_CALL_TYPES = {"delegatecall", "callcode", "staticcall"}
MOVING_TRACE_TYPES = {"call", "create", "create2", "suicide"}


# ------------------------------------------------------------------ input
class Transfer:
    def __init__(self, asset, tx_hash, block, time, order, frm, to, amount):
        self.asset = asset
        self.tx_hash = tx_hash
        self.block = block
        self.time = time          # unix seconds
        self.order = order        # tuple, total order within one asset
        self.frm = frm
        self.to = to
        self.amount = amount      # int, raw units
        self.taint = 0            # t carried (int, raw units), set by the haircut pass

    def __repr__(self):
        return "Transfer(%s %s %s->%s %d)" % (self.asset, self.order, self.frm, self.to, self.amount)


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def load_export(folder, assume_success=False):
    """Return (transfers by asset, decimals by asset, symbol -> asset)."""
    blocks = {int(r["number"]): int(r["timestamp"]) for r in read_csv(os.path.join(folder, "blocks.csv"))}

    receipts_path = os.path.join(folder, "receipts.csv")
    status = {}
    if os.path.exists(receipts_path):
        for r in read_csv(receipts_path):
            status[r["transaction_hash"]] = int(r["status"]) if r["status"] != "" else None
    elif not assume_success:
        sys.exit("no receipts.csv: reverted transactions cannot be told apart (use --assume-success to trace anyway)")

    decimals = {NATIVE: 18}
    symbols = {NATIVE: NATIVE}
    erc721 = set()
    tokens_path = os.path.join(folder, "tokens.csv")
    if os.path.exists(tokens_path):
        for r in read_csv(tokens_path):
            addr = r["address"].lower()
            if r["decimals"].strip() == "":
                erc721.add(addr)
            else:
                decimals[addr] = int(r["decimals"])
                if r["symbol"]:
                    symbols[r["symbol"]] = addr
    contracts_path = os.path.join(folder, "contracts.csv")
    if os.path.exists(contracts_path):
        for r in read_csv(contracts_path):
            if r.get("is_erc721", "").strip().lower() == "true":
                erc721.add(r["address"].lower())

    transfers = defaultdict(list)

    # top-level transactions: successful, value > 0; position rank 0
    tx_index = {}
    for r in read_csv(os.path.join(folder, "transactions.csv")):
        h = r["hash"]
        block = int(r["block_number"])
        tx_index[h] = int(r["transaction_index"])
        st = status.get(h)
        if st is None:
            if not assume_success:
                sys.exit("transaction %s has no receipt status" % h)
            st = 1
        value = int(r["value"])
        if st != 1 or value <= 0 or not r["to_address"]:
            continue
        transfers[NATIVE].append(Transfer(NATIVE, h, block, blocks[block], (block, int(r["transaction_index"]), 0),
                                          r["from_address"].lower(), r["to_address"].lower(), value))

    # internal calls: rank = 1 + position in depth-first (pre-)order of trace_address within the transaction
    traces_path = os.path.join(folder, "traces.csv")
    if os.path.exists(traces_path):
        by_tx = defaultdict(list)
        for r in read_csv(traces_path):
            if r["trace_address"] == "" or not r["transaction_hash"]:
                continue  # root call repeats the transaction value; block rewards carry no tx
            path = tuple(int(p) for p in r["trace_address"].split(","))
            by_tx[r["transaction_hash"]].append((path, r))
        for h, items in by_tx.items():
            items.sort(key=lambda item: item[0])  # tuple order == depth-first order
            for rank, (path, r) in enumerate(items, start=1):
                value = int(r["value"]) if r["value"] else 0
                if (value <= 0 or r["status"] != "1" or r["trace_type"] not in MOVING_TRACE_TYPES
                        or r["call_type"] in NON_MOVING_CALL_TYPES or not r["to_address"]):
                    continue
                block = int(r["block_number"])
                idx = int(r["transaction_index"]) if r["transaction_index"] else tx_index[h]
                transfers[NATIVE].append(Transfer(NATIVE, h, block, blocks[block], (block, idx, rank),
                                                  r["from_address"].lower(), r["to_address"].lower(), value))

    # fungible token transfers: only tokens with decimals and not ERC-721; position = log_index
    tt_path = os.path.join(folder, "token_transfers.csv")
    if os.path.exists(tt_path):
        for r in read_csv(tt_path):
            token = r["token_address"].lower()
            if token in erc721 or token not in decimals:
                continue
            value = int(r["value"])
            if value <= 0:
                continue
            block = int(r["block_number"])
            transfers[token].append(Transfer(token, r["transaction_hash"], block, blocks[block],
                                             (block, int(r["log_index"])),
                                             r["from_address"].lower(), r["to_address"].lower(), value))

    for asset in transfers:
        transfers[asset].sort(key=lambda e: e.order)
    return transfers, decimals, symbols


def load_labels(path):
    labels = {}
    for r in read_csv(path):
        chain = (r.get("chain") or CHAIN).strip().lower()
        if chain != CHAIN:
            continue
        labels[r["address"].strip().lower()] = (r["label"], r["category"].strip().lower())
    return labels


# ------------------------------------------------------------------ forward
def forward_reach(transfers, seeds, services, max_hops):
    """Temporal BFS.  arrival[h][v] = earliest order of the last transfer of a valid chain of h transfers."""
    arrival = [None, {}]
    for e in transfers:
        if e.frm in seeds and e.to not in seeds:
            if e.to not in arrival[1] or e.order < arrival[1][e.to]:
                arrival[1][e.to] = e.order
    for h in range(2, max_hops + 1):
        level = {}
        previous = arrival[h - 1]
        for e in transfers:
            u = e.frm
            if u in previous and u not in services and u not in seeds and e.to not in seeds:
                if e.order > previous[u]:
                    if e.to not in level or e.order < level[e.to]:
                        level[e.to] = e.order
        arrival.append(level)
    hop = {}
    first = {}
    for h in range(1, max_hops + 1):
        for v, o in arrival[h].items():
            if v not in hop:
                hop[v] = h
            if v not in first or o < first[v]:
                first[v] = o
    return hop, first


def haircut(transfers, seeds, services, reached):
    """tracing.md "Amount (haircut)", in exact integers: B, T and t are ints in raw units, and
    t = min(T, floor(y * T / B)) is integer division of the exact product."""
    balance = defaultdict(int)
    tainted = defaultdict(int)
    received = defaultdict(int)
    left_horizon = 0
    for e in transfers:
        u, v, y = e.frm, e.to, e.amount
        if u in seeds:
            t = y
        elif u in services:
            t = 0
            balance[u] = max(0, balance[u] - y)
        else:
            if balance[u] <= 0:
                t = 0
            else:
                t = min(tainted[u], y * tainted[u] // balance[u])
            balance[u] = max(0, balance[u] - y)
            tainted[u] = tainted[u] - t
        e.taint = t
        balance[v] += y
        if v not in seeds and v in reached:
            tainted[v] += t
            received[v] += t
        else:
            left_horizon += t
    return received, left_horizon


# ------------------------------------------------------------------ backward
def backward_reach(transfers, seeds, services, max_hops):
    """departure[h][u] = latest order at which u can send and still reach a seed in h transfers."""
    departure = [None, {}]
    for e in transfers:
        if e.to in seeds and e.frm not in seeds:
            if e.frm not in departure[1] or e.order > departure[1][e.frm]:
                departure[1][e.frm] = e.order
    for h in range(2, max_hops + 1):
        level = {}
        previous = departure[h - 1]
        for e in transfers:
            x = e.to
            if x in previous and x not in services and x not in seeds and e.frm not in seeds:
                if e.order < previous[x]:
                    if e.frm not in level or e.order > level[e.frm]:
                        level[e.frm] = e.order
        departure.append(level)
    hop = {}
    for h in range(1, max_hops + 1):
        for u in departure[h]:
            if u not in hop:
                hop[u] = h
    amount = defaultdict(int)
    for e in transfers:
        u = e.frm
        if u not in hop:
            continue
        h = hop[u]
        if h == 1:
            if e.to in seeds:
                amount[u] += e.amount
        else:
            x = e.to
            if hop.get(x) == h - 1 and e.order < departure[h - 1][x]:
                amount[u] += e.amount
    return hop, amount


# ------------------------------------------------------------------ rules
def rapid_pass_through(v, transfers_by_receiver, transfers_by_sender, window_s):
    for e in transfers_by_receiver.get(v, []):
        if e.taint <= 0:
            continue
        out = sum(o.amount for o in transfers_by_sender.get(v, [])
                  if o.order > e.order and o.time <= e.time + window_s)
        if out * 10 >= e.amount * 9:
            return True
    return False


def structuring(v, transfers_by_sender, threshold_raw, window_s, min_count):
    low = threshold_raw * Fraction(9, 10)
    times = sorted(o.time for o in transfers_by_sender.get(v, []) if low <= o.amount < threshold_raw)
    for i in range(len(times)):
        j = i
        while j < len(times) and times[j] - times[i] <= window_s:
            j += 1
        if j - i >= min_count:
            return True
    return False


def peel_chains(v_hop, first, ts, everything, seeds, services):
    """PEEL_CHAIN (report.md, Ethereum): the first step of every maximal chain of >= 3 peel steps.

    A peel step is a forward-reached, unlabelled non-seed v that, strictly after its first arrival and strictly
    before its next inflow of the asset, sends exactly two transfers: the larger >= 9 x the smaller (> 0), to a
    fresh address w, the smaller to another address.  Fresh: no transfer of any asset touching w is earlier
    than the larger one, where another asset's transfer in the same block counts as earlier.
    `ts` is this asset's transfers (above dust), `everything` every loaded transfer of every asset.
    """
    def fresh(w, e):
        for x in everything:
            if w in (x.frm, x.to) and x is not e:
                if x.block < e.block or (x.block == e.block and (x.asset != e.asset or x.order < e.order)):
                    return False
        return True

    steps = {}  # step address -> its fresh address
    for v in v_hop:
        if v in services or v in seeds:
            continue
        later_in = [e.order for e in ts if e.to == v and e.order > first[v]]
        until = min(later_in) if later_in else None
        sends = [e for e in ts if e.frm == v and e.order > first[v] and (until is None or e.order < until)]
        if len(sends) != 2:
            continue
        for large, small in (sends, sends[::-1]):
            if 0 < small.amount and large.amount >= 9 * small.amount and large.to not in (v, small.to) \
                    and fresh(large.to, large):
                steps[v] = large.to
    starts = []
    for v in steps:
        if v in steps.values():
            continue  # another step leads here: part of that chain
        length, cur = 0, v
        while cur in steps:
            length, cur = length + 1, steps[cur]
        if length >= 3:
            starts.append(v)
    return starts


def parse_duration(text):
    m = re.fullmatch(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", text.strip().upper())
    if not m or text.strip().upper() in ("P", "PT"):
        raise ValueError("not an ISO-8601 duration this tool reads: %s" % text)
    d, h, mi, s = (int(x) if x else 0 for x in m.groups())
    return ((d * 24 + h) * 60 + mi) * 60 + s


def parse_asset_map(text, symbols):
    result = {}
    if not text:
        return result
    for part in text.split(","):
        key, value = part.split("=")
        key = key.strip()
        asset = symbols.get(key, key.lower())
        result[asset] = Decimal(value.strip())
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("export_dir")
    ap.add_argument("labels_csv")
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--sanctioned", default="")
    ap.add_argument("--max-hops", type=int, default=4)
    ap.add_argument("--dust", default="")
    ap.add_argument("--out", required=True)
    ap.add_argument("--indirect-min", default="ETH=0.5")
    ap.add_argument("--rapid-window", default="PT1H")
    ap.add_argument("--structuring-threshold", default="ETH=10")
    ap.add_argument("--structuring-window", default="P1D")
    ap.add_argument("--structuring-min", type=int, default=3)
    ap.add_argument("--assume-success", action="store_true")
    args = ap.parse_args(argv)

    seeds = {a.strip().lower() for a in args.seeds.split(",") if a.strip()}
    sanctioned = {a.strip().lower() for a in args.sanctioned.split(",") if a.strip()} - seeds
    labels = load_labels(args.labels_csv)
    services = set(labels)
    transfers, decimals, symbols = load_export(args.export_dir, args.assume_success)

    def raw(asset, display):
        return Fraction(display) * 10 ** decimals[asset]

    dust = {a: raw(a, v) for a, v in parse_asset_map(args.dust, symbols).items() if a in decimals}
    indirect_min = {a: raw(a, v) for a, v in parse_asset_map(args.indirect_min, symbols).items() if a in decimals}
    struct_thr = {a: raw(a, v) for a, v in parse_asset_map(args.structuring_threshold, symbols).items()
                  if a in decimals}
    rapid_window = parse_duration(args.rapid_window)
    struct_window = parse_duration(args.structuring_window)

    exposures = []
    flags = set()
    for asset in sorted(transfers):
        ts = [e for e in transfers[asset] if e.amount >= dust.get(asset, 0)]
        fhop, first = forward_reach(ts, seeds, services, args.max_hops)
        received, left = haircut(ts, seeds, services, set(fhop))
        bhop, bamount = backward_reach(ts, seeds, services, args.max_hops)
        by_sender = defaultdict(list)
        by_receiver = defaultdict(list)
        for e in ts:
            by_sender[e.frm].append(e)
            by_receiver[e.to].append(e)

        for v, h in fhop.items():
            exposures.append(("forward", CHAIN, asset, v, h, str(received[v])))
        for u, h in bhop.items():
            exposures.append(("backward", CHAIN, asset, u, h, str(bamount[u])))

        def flag(rule, address, hops):
            flags.add((rule, CHAIN, asset, address, hops))

        for v in set(fhop) | set(bhop):
            if fhop.get(v) == 1 or bhop.get(v) == 1:
                flag("DIRECT_COUNTERPARTY", v, 1)
        for v in sanctioned:
            hs = [h for h in (fhop.get(v), bhop.get(v)) if h is not None]
            if hs:
                flag("SANCTIONED_COUNTERPARTY", v, min(hs))
        for v, h in fhop.items():
            category = labels[v][1] if v in labels else None
            if category == "mixer":
                flag("MIXER", v, h)
            if category == "exchange":
                flag("EXCHANGE_CASH_OUT", v, h)
            if v in services:
                continue
            if h >= 2 and asset in indirect_min and received[v] >= indirect_min[asset]:
                flag("INDIRECT_EXPOSURE", v, h)
            if rapid_pass_through(v, by_receiver, by_sender, rapid_window):
                flag("RAPID_PASS_THROUGH", v, h)
        for u, h in bhop.items():
            if u in labels and labels[u][1] == "exchange":
                flag("EXCHANGE_FUNDING", u, h)
        everything = [e for asset_transfers in transfers.values() for e in asset_transfers]
        for v in peel_chains(fhop, first, ts, everything, seeds, services):
            flag("PEEL_CHAIN", v, fhop[v])
        if asset in struct_thr:
            candidates = [(s, 0) for s in sorted(seeds)] + [(v, h) for v, h in fhop.items() if v not in services]
            for v, h in candidates:
                if structuring(v, by_sender, struct_thr[asset], struct_window, args.structuring_min):
                    flag("STRUCTURING", v, h)

        print("%s: %d transfers, forward reached %d, backward reached %d, taint that left the horizon %s raw"
              % (asset, len(ts), len(fhop), len(bhop), left), file=sys.stderr)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "exposures.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["direction", "chain", "asset", "address", "hops", "tainted_amount_raw"])
        for row in sorted(exposures):
            w.writerow(row)
    with open(os.path.join(args.out, "flags.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["rule", "chain", "asset", "address", "hops"])
        for row in sorted(flags):
            w.writerow(row)
    print("%d exposures, %d flags -> %s" % (len(exposures), len(flags), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
