// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Solidity equivalent of StringSymbolToken.hex (hand-assembled, 207-byte runtime; the build has no solc). Like
/// MinimalToken it keeps no balances and only emits Transfer(caller, to, value), but it dispatches on the selector:
/// symbol() returns the ABI-encoded string "FUND" (offset 0x20, length 4, padded), decimals() returns 18, and any
/// other 4-byte call reverts.
///
/// The three metadata tokens share one layout and differ only in the data after 0x6f, the decimals byte at 0x59 and
/// the symbol() selector at 0x4a (zeroed in RevertingSymbolToken, so that symbol() falls through to REVERT):
///   00: CALLDATASIZE PUSH1 4 EQ PUSH1 0x38 JUMPI            ; a 4-byte call -> metadata at 0x38
///   07: PUSH1 0x20 CALLDATALOAD PUSH1 0 MSTORE               ; value -> memory[0..32]
///   0d: PUSH1 0 CALLDATALOAD CALLER PUSH32 <Transfer topic>  ; topics: Transfer, caller, to
///   32: PUSH1 0x20 PUSH1 0 LOG3 STOP
///   38: JUMPDEST PUSH1 0 CALLDATALOAD PUSH1 0xe0 SHR         ; the selector
///   3f: DUP1 PUSH4 0x313ce567 EQ PUSH1 0x57 JUMPI            ; decimals()
///   49: PUSH4 0x95d89b41 EQ PUSH1 0x62 JUMPI                 ; symbol()
///   52: PUSH1 0 PUSH1 0 REVERT
///   57: JUMPDEST PUSH1 <decimals> PUSH1 0 MSTORE PUSH1 0x20 PUSH1 0 RETURN
///   62: JUMPDEST PUSH1 <n> PUSH1 0x6f PUSH1 0 CODECOPY PUSH1 <n> PUSH1 0 RETURN   ; returns code[0x6f, 0x6f + n)
///   6f: <n bytes: the symbol() return data>
/// Init code: PUSH1 <len> PUSH1 0x0c PUSH1 0 CODECOPY PUSH1 <len> PUSH1 0 RETURN.
contract StringSymbolToken {
    event Transfer(address indexed from, address indexed to, uint256 value);

    function symbol() external pure returns (string memory) { return "FUND"; }

    function decimals() external pure returns (uint8) { return 18; }

    /// calldata = abi.encode(address to, uint256 value), without a selector
    fallback(bytes calldata data) external payable returns (bytes memory) {
        (address to, uint256 value) = abi.decode(data, (address, uint256));
        emit Transfer(msg.sender, to, value);
        return "";
    }
}
