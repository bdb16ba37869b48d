// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Solidity equivalent of Attempter.hex (hand-assembled, 16-byte runtime): forwards the call value to the address in
/// the first calldata word and ignores whether that call succeeded. Pointed at a Reverter, the transaction succeeds
/// (the Attempter keeps the value) while its internal call reverts: a failed internal call under a successful
/// transaction, which moves nothing.
///
/// Runtime: PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 CALLVALUE PUSH1 0 CALLDATALOAD GAS CALL POP STOP
/// Init code: PUSH1 0x10 PUSH1 0x0c PUSH1 0 CODECOPY PUSH1 0x10 PUSH1 0 RETURN.
contract Attempter {
    fallback(bytes calldata data) external payable returns (bytes memory) {
        address to = abi.decode(data, (address));
        to.call{value: msg.value}(""); // result ignored on purpose
        return "";
    }
}
