// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Solidity equivalent of Bytes32SymbolToken.hex (hand-assembled, 143-byte runtime; layout in StringSymbolToken.sol):
/// symbol() returns a bytes32, "MKR" followed by 29 zero bytes, as MKR and SAI do on mainnet; decimals() returns 18.
contract Bytes32SymbolToken {
    event Transfer(address indexed from, address indexed to, uint256 value);

    function symbol() external pure returns (bytes32) { return "MKR"; }

    function decimals() external pure returns (uint8) { return 18; }

    fallback(bytes calldata data) external payable returns (bytes memory) {
        (address to, uint256 value) = abi.decode(data, (address, uint256));
        emit Transfer(msg.sender, to, value);
        return "";
    }
}
