// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Solidity equivalent of RevertingSymbolToken.hex (hand-assembled, 111-byte runtime; layout in StringSymbolToken.sol,
/// with the symbol() selector zeroed and no return data): symbol() reverts, decimals() returns 8.
contract RevertingSymbolToken {
    event Transfer(address indexed from, address indexed to, uint256 value);

    function symbol() external pure returns (string memory) { revert(); }

    function decimals() external pure returns (uint8) { return 8; }

    fallback(bytes calldata data) external payable returns (bytes memory) {
        (address to, uint256 value) = abi.decode(data, (address, uint256));
        emit Transfer(msg.sender, to, value);
        return "";
    }
}
