// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// What CallCoder.hex does (hand-assembled, 25-byte runtime; Forwarder.hex with CALL 0xf1 replaced by CALLCODE
/// 0xf2): runs the code at the address in the first calldata word with the whole call value, through CALLCODE.
/// CALLCODE runs that code in CallCoder's own context, so the value goes from CallCoder to CallCoder: the code's
/// address receives nothing. (Solidity has no callcode since 0.5; this is the assembly form.)
///
/// Runtime: PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 CALLVALUE PUSH1 0 CALLDATALOAD GAS CALLCODE
///          ISZERO PUSH1 0x13 JUMPI STOP  0x13: JUMPDEST PUSH1 0 PUSH1 0 REVERT
contract CallCoder {
    fallback(bytes calldata data) external payable returns (bytes memory) {
        address code = abi.decode(data, (address));
        assembly {
            if iszero(callcode(gas(), code, callvalue(), 0, 0, 0, 0)) { revert(0, 0) }
        }
        return "";
    }
}
