// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Solidity equivalent of Replayer.hex (hand-assembled, 57-byte runtime; the build has no solc), used by
/// SampleReplayFunctionalTests to replay the internal calls of an ethereum-etl export. It accepts any call; its
/// calldata is a program of calls, run in order: entries to(32) ‖ value(32) ‖ length(32) ‖ data(length, padded to
/// 32 bytes). Each entry is a CALL from this contract with that value and data (the data is the callee's own
/// program, for a nested call). A failed call is ignored, as a contract that catches it: the transaction goes on,
/// the contract keeps the value. Empty calldata: nothing is called, the value is kept.
///
/// Runtime (stack [ptr]):
///   00: PUSH1 0                                          ; ptr = 0
///   02: JUMPDEST CALLDATASIZE DUP2 LT PUSH1 0x0a JUMPI STOP  ; ptr < size, else stop
///   0a: JUMPDEST DUP1 PUSH1 0x40 ADD CALLDATALOAD         ; len = word(ptr + 64)
///   10: DUP1 DUP3 PUSH1 0x60 ADD PUSH1 0 CALLDATACOPY      ; memory[0, len) = calldata[ptr + 96, +len)
///   18: PUSH1 0 PUSH1 0 DUP3 PUSH1 0                       ; retSize, retOffset, argsSize = len, argsOffset
///   1f: DUP6 PUSH1 0x20 ADD CALLDATALOAD DUP7 CALLDATALOAD ; value = word(ptr + 32), to = word(ptr)
///   26: GAS CALL POP                                       ; the outcome is ignored
///   29: PUSH1 0x1f ADD PUSH1 5 SHR PUSH1 5 SHL ADD PUSH1 0x60 ADD  ; ptr += 96 + pad32(len)
///   36: PUSH1 2 JUMP
/// Init code: PUSH1 0x39 PUSH1 0x0c PUSH1 0 CODECOPY PUSH1 0x39 PUSH1 0 RETURN.
contract Replayer {
    fallback(bytes calldata program) external payable returns (bytes memory) {
        uint256 ptr = 0;
        while (ptr < program.length) {
            address to = address(uint160(uint256(bytes32(program[ptr:ptr + 32]))));
            uint256 value = uint256(bytes32(program[ptr + 32:ptr + 64]));
            uint256 len = uint256(bytes32(program[ptr + 64:ptr + 96]));
            to.call{value: value}(program[ptr + 96:ptr + 96 + len]);
            ptr += 96 + (len + 31) / 32 * 32;
        }
        return "";
    }
}
